package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// go-sarif's types spell out every property that has a default in the
// SARIF schema ("byteOffset": -1, "rank": -1, "kind": "fail",
// "language": "en-US", empty arrays, ...): valid, but most of a log would
// be noise. compactSARIF removes exactly those properties, which SARIF
// defines as equivalent to their absence, keeping the order of the others.

// jnode is a JSON value that keeps the order of object members.
type jnode struct {
	kind byte // '{', '[' or 0 for a scalar
	keys []string
	vals []*jnode
	raw  []byte
}

func parseJSON(dec *json.Decoder) (*jnode, error) {
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
			}
			v, err := parseJSON(dec)
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

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (n *jnode) isEmpty() bool { return n.kind != 0 && len(n.vals) == 0 }

func (n *jnode) is(raw string) bool { return n.kind == 0 && string(n.raw) == raw }

func (n *jnode) isStrings(ss ...string) bool {
	if n.kind != '[' || len(n.vals) != len(ss) {
		return false
	}
	for i, v := range n.vals {
		want, _ := json.Marshal(ss[i])
		if !v.is(string(want)) {
			return false
		}
	}
	return true
}

// minusOneDefaults are the integer properties whose schema default is -1.
var minusOneDefaults = map[string]bool{
	"byteOffset": true, "charOffset": true, "index": true, "parentIndex": true, "rank": true,
	"id": true, "invocationIndex": true, "resultGraphIndex": true, "runGraphIndex": true,
}

// isDefault reports whether member key: v restates the schema's default.
func isDefault(key string, v *jnode) bool {
	switch {
	case key == "results":
		return false // GitHub requires the array, empty or not
	case v.isEmpty():
		return true // [] and {}: SARIF arrays and bags default to empty
	case minusOneDefaults[key] && (v.is("-1") || v.is("-1.0")):
		return true
	case key == "kind" && v.is(`"fail"`),
		key == "language" && v.is(`"en-US"`),
		key == "enabled" && v.is("true"),
		key == "isComprehensive" && v.is("false"),
		key == "contents" && v.isStrings("localizedData", "nonLocalizedData"),
		key == "newlineSequences" && v.isStrings("\r\n", "\n"):
		return true
	}
	return false
}

// keyOrder is the order in which compact writes the members of an object
// (go-sarif's structs declare them alphabetically): what identifies an
// object first, then what describes it, then its details. Members not
// listed keep their relative order after the listed ones.
var keyOrder = func() map[string]int {
	m := map[string]int{}
	for i, k := range []string{
		"$schema", "id", "ruleId", "ruleIndex", "name", "fullName", "version", "semanticVersion", "informationUri",
		"kind", "level", "status", "justification",
		"shortDescription", "fullDescription", "text", "markdown", "help", "helpUri", "defaultConfiguration",
		"message", "description", "runs", "tool", "driver", "rules",
		"originalUriBaseIds", "columnKind", "results",
		"locations", "physicalLocation", "logicalLocations", "fullyQualifiedName", "artifactLocation", "uri", "uriBaseId",
		"region", "contextRegion", "startLine", "startColumn", "endLine", "endColumn", "snippet",
		"relatedLocations", "fixes", "artifactChanges", "replacements", "deletedRegion", "insertedContent",
		"partialFingerprints", "suppressions", "location",
		"invocations", "executionSuccessful", "exitCode", "exitCodeDescription", "toolExecutionNotifications",
	} {
		m[k] = i
	}
	return m
}()

func rank(key string) int {
	if r, ok := keyOrder[key]; ok {
		return r
	}
	return len(keyOrder)
}

// compact removes default members, depth first (a bag emptied by the
// removal goes too), and orders the members of objects by keyOrder.
func (n *jnode) compact() {
	for _, v := range n.vals {
		v.compact()
	}
	if n.kind != '{' {
		return
	}
	var keys []string
	var vals []*jnode
	for i, k := range n.keys {
		if !isDefault(k, n.vals[i]) {
			keys = append(keys, k)
			vals = append(vals, n.vals[i])
		}
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(rank(keys[a]), rank(keys[b])) })
	n.keys, n.vals = make([]string, len(idx)), make([]*jnode, len(idx))
	for i, j := range idx {
		n.keys[i], n.vals[i] = keys[j], vals[j]
	}
}

func (n *jnode) write(w *bytes.Buffer) {
	switch n.kind {
	case 0:
		w.Write(n.raw)
	case '{':
		w.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				w.WriteByte(',')
			}
			kb, _ := marshalNoEscape(k)
			w.Write(kb)
			w.WriteByte(':')
			n.vals[i].write(w)
		}
		w.WriteByte('}')
	case '[':
		w.WriteByte('[')
		for i, v := range n.vals {
			if i > 0 {
				w.WriteByte(',')
			}
			v.write(w)
		}
		w.WriteByte(']')
	}
}

// compactSARIF removes default-valued properties from a SARIF log and
// indents it.
func compactSARIF(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	root, err := parseJSON(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after the SARIF log")
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
