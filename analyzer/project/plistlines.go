package project

import (
	"bytes"
	"encoding/xml"
	"io"
)

// Where an XML plist writes the entries of its top-level arrays: a
// finding about a changed entitlement (accessgroupchange) points at the
// line of the entry, not just at the key. The plist library decodes
// values without positions, so the XML is read a second time here for
// them alone.

// arrayLines is, for each top-level key of an XML plist, the 1-based
// line of the key followed by the line of each element of its array
// value (only the key's line when the value is not an array). A binary
// plist, or XML this reader cannot follow, gives nil: the callers then
// have no line (0), never a wrong one.
func arrayLines(src []byte) map[string][]int {
	if !bytes.HasPrefix(bytes.TrimLeft(src, " \t\r\n\ufeff"), []byte("<")) {
		return nil // binary
	}
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = false
	// Entitlements name no external entities; the DTD line is skipped.
	d.Entity = map[string]string{}
	lines := 1
	seen := int64(0)
	lineAt := func(off int64) int {
		if off > int64(len(src)) {
			off = int64(len(src))
		}
		if off > seen {
			lines += bytes.Count(src[seen:off], []byte("\n"))
			seen = off
		}
		return lines
	}
	out := map[string][]int{}
	depth := 0       // element depth: plist 1, its dict 2, a value 3, an array element 4
	topDict := false // inside the top-level dict
	key, inKey, keyLn := "", false, 0
	var keyText bytes.Buffer
	inArray := "" // the key whose array value is open
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2 && t.Name.Local == "dict":
				topDict = true
			case topDict && depth == 3 && t.Name.Local == "key":
				inKey = true
				keyText.Reset()
				keyLn = lineAt(off)
			case topDict && depth == 3 && key != "":
				if t.Name.Local == "array" {
					inArray = key
				}
			case inArray != "" && depth == 4:
				out[inArray] = append(out[inArray], lineAt(off))
			}
		case xml.CharData:
			if inKey {
				keyText.Write(t)
			}
		case xml.EndElement:
			switch {
			case inKey && depth == 3:
				inKey = false
				key = keyText.String()
				if _, dup := out[key]; dup {
					return nil // malformed: which one counts is not ours to guess
				}
				out[key] = []int{keyLn}
			case depth == 3 && inArray != "":
				inArray, key = "", ""
			case depth == 3:
				key = ""
			}
			depth--
		}
	}
	return out
}
