package project

import (
	"bytes"
	"fmt"
	"strings"

	"howett.net/plist"
)

// Entitlements files and Info.plists are property lists, XML or binary
// (Xcode writes XML; a copied build product may be binary). They are
// read with howett.net/plist, a maintained reader of every plist format.

// maxDataPlist bounds an entitlements file or Info.plist (they hold a few
// dozen keys; anything larger is not one).
const maxDataPlist = 1 << 20

// isDataPlist selects the plists Discover keeps for the targets that name
// them; they are not project files of their own.
func isDataPlist(name string) bool {
	return strings.HasSuffix(name, ".entitlements") || strings.HasSuffix(name, ".plist")
}

// parseDataPlist decodes a plist into map[string]any; a malformed file,
// or one the library cannot take (it is not ours to trust on hostile
// input), is an error, never a panic.
func parseDataPlist(src []byte) (m map[string]any, err error) {
	if len(src) > maxDataPlist {
		return nil, fmt.Errorf("larger than %d bytes", maxDataPlist)
	}
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("unreadable property list: %v", r)
		}
	}()
	var v any
	if _, err := plist.Unmarshal(src, &v); err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("not a dictionary")
	}
	return m, nil
}

// strings returns the string elements of an array entry, or the entry if
// it is one string.
func plistStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// keyLine is the 1-based line on which an XML plist writes <key>k</key>;
// 0 when it does not (binary).
func keyLine(src []byte, k string) int {
	i := bytes.Index(src, []byte("<key>"+k+"</key>"))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(src[:i], []byte("\n"))
}
