package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// parseJSONDecoder is the parser scanJSON replaced, on encoding/json's
// Decoder.Token: the reference the tests compare scanJSON with.
func parseJSONDecoder(dec *json.Decoder) (*jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		n := &jnode{kind: byte(tok)}
		for dec.More() {
			if n.kind == '{' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := k.(string)
				if !ok {
					return nil, fmt.Errorf("object key %v", k)
				}
				n.keys = append(n.keys, key)
				raw, _ := marshalNoEscape(key)
				n.rawKeys = append(n.rawKeys, raw)
			}
			v, err := parseJSONDecoder(dec)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
		if _, err := dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
		return n, nil
	default:
		raw, err := marshalNoEscape(tok)
		if err != nil {
			return nil, err
		}
		return &jnode{raw: raw}, nil
	}
}

// compactReference is compactSARIF with the reference parser.
func compactReference(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	root, err := parseJSONDecoder(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data")
	}
	root.compact()
	var flat, out bytes.Buffer
	root.write(&flat)
	if err := json.Indent(&out, flat.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// TestScanJSONMatchesDecoder: compactSARIF gives byte for byte what it gave
// with encoding/json's Decoder, on values json.Marshal writes with every
// kind of string escape (HTML characters, controls, U+2028, invalid UTF-8,
// quotes and backslashes before "u0026"), numbers, empty and nested values,
// and the defaults compact removes.
func TestScanJSONMatchesDecoder(t *testing.T) {
	hostile := []string{"<a & b>", "line\nbreak\r\x1b[31m", "\u2028\u2029", "bad \xff\xfe utf8", `quote " and \ backslash`,
		`\u0026 spelled out`, `\\u003c`, "::error file=x::y", "é 中 🔑", ""}
	var vals []any
	for _, h := range hostile {
		vals = append(vals, map[string]any{"message": map[string]any{"text": h}, "kind": "fail", "rank": -1, "id": h})
	}
	docs := []any{
		map[string]any{"runs": []any{map[string]any{"results": []any{}, "tool": map[string]any{"driver": map[string]any{"name": "k", "rules": vals}}}}},
		[]any{1, -1, 2.5, 1e21, true, false, nil, []any{}, map[string]any{}, map[string]any{"a<b": "c>d", "e&f": []any{"g"}}},
		"just a string <&>",
		map[string]any{"deep": []any{[]any{[]any{map[string]any{"x": []any{1}}}}}},
	}
	for i, d := range docs {
		raw, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		want, err := compactReference(raw)
		if err != nil {
			t.Fatalf("doc %d: reference: %v", i, err)
		}
		got, err := compactSARIF(raw)
		if err != nil {
			t.Fatalf("doc %d: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("doc %d: scanJSON differs from the Decoder:\n%s\nwant\n%s", i, got, want)
		}
	}
}

// TestWriteIndentedMatchesIndent: the one-pass indentation is
// json.Indent's, on the sample values and a log with empty and nested
// members.
func TestWriteIndentedMatchesIndent(t *testing.T) {
	for _, in := range []string{strings.Repeat(`{"a":[`, 70) + "1" + strings.Repeat("]}", 70), `{}`, `[]`, `"s"`, `{"a":[],"b":{},"c":[1,[2,{"d":"e"}]],"f":{"g":null}}`, `[[[]],[{}]]`} {
		root, err := scanJSON([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		var flat, want, got bytes.Buffer
		root.write(&flat)
		if err := json.Indent(&want, flat.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		root.writeIndented(&got, 0)
		if got.String() != want.String() {
			t.Errorf("%s: got\n%s\nwant\n%s", in, got.String(), want.String())
		}
	}
}

// TestScanJSONRejects: what is not one JSON value is an error, never a
// panic or a silently truncated log.
func TestScanJSONRejects(t *testing.T) {
	for _, in := range []string{"", "{", `{"a"}`, `{"a":}`, `[1,]`, `[1 2]`, `"open`, `{"a":1}x`, `tru`, `[` + strings.Repeat("[", maxJSONDepth+5)} {
		if _, err := scanJSON([]byte(in)); err == nil {
			t.Errorf("scanJSON(%.20q): no error", in)
		}
	}
}
