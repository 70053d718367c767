package swiftparse_test

import (
	"reflect"
	"testing"
)

// A function declared in another function's body names it as its Parent
// (its body may use the enclosing parameters); struct declarations are
// listed as value types and classes as reference types; enums and
// extensions as neither.
func TestNestedFuncParentAndStructs(t *testing.T) {
	f := parse(t, "swift", `
struct Params { var key: String? }
final class Box { var key: String? }
enum Kind { case a }
extension Params { func g() {} }
class Store {
    func outer(params: Params, clear: Bool) {
        func inner(flag: Bool) -> Int {
            func innermost() {}
            return 0
        }
        _ = inner(flag: true)
    }
    func plain() {}
}
func free() {
    func local() {}
}
`)
	if !reflect.DeepEqual(f.Structs, []string{"Params"}) {
		t.Errorf("Structs = %q, want [Params]", f.Structs)
	}
	if !reflect.DeepEqual(f.Classes, []string{"Box", "Store"}) {
		t.Errorf("Classes = %q, want [Box Store]", f.Classes)
	}
	parents := map[string]string{}
	for _, fn := range f.Funcs {
		p := ""
		if fn.Parent != nil {
			p = fn.Parent.Name
		}
		parents[fn.Name] = p
	}
	want := map[string]string{"outer": "", "inner": "outer", "innermost": "inner", "plain": "", "free": "", "local": "free", "g": ""}
	for name, p := range want {
		if got, ok := parents[name]; !ok || got != p {
			t.Errorf("parent of %s = %q (listed %v), want %q", name, got, ok, p)
		}
	}
}
