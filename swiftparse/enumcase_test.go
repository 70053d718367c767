package swiftparse_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The cases of a String enum are static properties of the enum that
// return their raw value, the case name when none is written, so the flow
// engine sees the string K.x.rawValue stands for. Cases of other enums
// are not lowered: their raw values are not strings.
func TestStringEnumCases(t *testing.T) {
	f := parse(t, "swift", `enum Key: String {
    case service = "kSecAttrService", label
    case kSecAttrAccount
    var other: String { "x" }
}
enum Slot: Int {
    case first = 1
}
enum Plain {
    case a
}
`)
	want := map[string]string{"service": "kSecAttrService", "label": "label", "kSecAttrAccount": "kSecAttrAccount"}
	got := map[string]string{}
	for _, fn := range f.Funcs {
		if fn.Owner != "Key" || fn.Name == "other" {
			if fn.Owner == "Slot" || fn.Owner == "Plain" {
				t.Errorf("case %s of a non-String enum %s lowered", fn.Name, fn.Owner)
			}
			continue
		}
		if fn.Kind != model.FuncProperty || !fn.Static || len(fn.Body) != 1 {
			t.Errorf("%s: kind %v static %v, %d statements", fn.Name, fn.Kind, fn.Static, len(fn.Body))
			continue
		}
		r, ok := fn.Body[0].(*model.Return)
		if !ok {
			t.Errorf("%s: body %s", fn.Name, model.Dump(fn))
			continue
		}
		s, ok := r.Value.(*model.StringLit)
		if !ok {
			t.Errorf("%s returns %s, want a string", fn.Name, model.DumpExpr(r.Value))
			continue
		}
		got[fn.Name] = s.Value
	}
	for name, v := range want {
		if got[name] != v {
			t.Errorf("case %s returns %q, want %q", name, got[name], v)
		}
	}
}
