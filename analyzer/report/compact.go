package report

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
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
	// rawKeys are the keys as JSON wrote them (quoted, escaped).
	rawKeys [][]byte
	vals    []*jnode
	raw     []byte
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
	// Most objects have no default member and are in order already: leave
	// them as they are.
	clean, last := true, -1
	for i, k := range n.keys {
		r := rank(k)
		if isDefault(k, n.vals[i]) || r < last {
			clean = false
			break
		}
		last = r
	}
	if clean {
		return
	}
	// Drop the defaults and order the rest, in place.
	kept := 0
	for i, k := range n.keys {
		if !isDefault(k, n.vals[i]) {
			n.keys[kept], n.rawKeys[kept], n.vals[kept] = k, n.rawKeys[i], n.vals[i]
			kept++
		}
	}
	n.keys, n.rawKeys, n.vals = n.keys[:kept], n.rawKeys[:kept], n.vals[:kept]
	sort.Stable(byRank{n})
}

// byRank sorts an object's members by keyOrder, keys and values together.
type byRank struct{ n *jnode }

func (b byRank) Len() int           { return len(b.n.keys) }
func (b byRank) Less(i, j int) bool { return rank(b.n.keys[i]) < rank(b.n.keys[j]) }
func (b byRank) Swap(i, j int) {
	n := b.n
	n.keys[i], n.keys[j] = n.keys[j], n.keys[i]
	n.rawKeys[i], n.rawKeys[j] = n.rawKeys[j], n.rawKeys[i]
	n.vals[i], n.vals[j] = n.vals[j], n.vals[i]
}

func (n *jnode) write(w *bytes.Buffer) {
	switch n.kind {
	case 0:
		w.Write(n.raw)
	case '{':
		w.WriteByte('{')
		for i := range n.keys {
			if i > 0 {
				w.WriteByte(',')
			}
			w.Write(n.rawKeys[i])
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
// indents it; the log command markers in its strings are broken up
// (breakJSONMarkers).
func compactSARIF(data []byte) ([]byte, error) {
	root, err := scanJSON(data)
	if err != nil {
		return nil, err
	}
	root.compact()
	var out bytes.Buffer
	out.Grow(3 * len(data)) // indentation about doubles a log
	root.writeIndented(&out, 0)
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// writeIndented writes n as json.Indent(…, "", "  ") would indent what
// write writes, in one pass.
func (n *jnode) writeIndented(w *bytes.Buffer, depth int) {
	if n.kind == 0 {
		w.Write(n.raw)
		return
	}
	closing := byte('}')
	if n.kind == '[' {
		closing = ']'
	}
	w.WriteByte(n.kind)
	if len(n.vals) == 0 {
		w.WriteByte(closing)
		return
	}
	for i, v := range n.vals {
		if i > 0 {
			w.WriteByte(',')
		}
		newline(w, depth+1)
		if n.kind == '{' {
			w.Write(n.rawKeys[i])
			w.WriteString(": ")
		}
		v.writeIndented(w, depth+1)
	}
	newline(w, depth)
	w.WriteByte(closing)
}

// indent is a newline and the indentation of the deepest SARIF member and
// beyond; newline writes a prefix of it.
var indent = "\n" + strings.Repeat("  ", 64)

func newline(w *bytes.Buffer, depth int) {
	if n := 1 + 2*depth; n <= len(indent) {
		w.WriteString(indent[:n])
		return
	}
	w.WriteString(indent)
	for range depth - (len(indent)-1)/2 {
		w.WriteString("  ")
	}
}
