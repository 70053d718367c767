package swiftparse_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Stored properties are recorded with their declared type, whether they
// have an initial value and whether an attribute exposes them; computed
// properties and observed ones are not stored values the model can know.
func TestStoredProps(t *testing.T) {
	f := parse(t, "swift", `
struct P: Codable {
    @objc dynamic var a: String?
    @Published var b: Int?
    private(set) var c: String?
    var d: Int? = nil, e: String?
    let f: String
    var g: String? { return nil }
    var h: String? { didSet { print(h) } }
    static var s: Data?
}
extension Q: Decodable {}
@objcMembers class R: NSObject { var i: String? }
class S { var j: [String: Any]? }
var global: String?
struct T: Equatable, Hashable {}
struct U: Model {}
final class V: NSObject {}
`)
	var got []string
	for _, p := range f.Props {
		got = append(got, fmt.Sprintf("%s.%s:%s init=%v ext=%v static=%v", p.Owner, p.Name, p.Type, p.HasInit, p.External, p.Static))
	}
	want := []string{
		"P.a:String? init=false ext=true static=false",
		"P.b:Int? init=false ext=true static=false",
		"P.c:String? init=false ext=false static=false",
		"P.d:Int? init=true ext=false static=false",
		"P.e:String? init=false ext=false static=false",
		"P.f:String init=false ext=false static=false",
		"P.s:Data? init=false ext=false static=true",
		"R.i:String? init=false ext=false static=false",
		"S.j:[String: Any]? init=false ext=false static=false",
		".global:String? init=false ext=false static=true",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Props =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Codable, Decodable, @objcMembers, a protocol that may refine
	// Decodable; not Equatable, Hashable or NSObject alone.
	if !reflect.DeepEqual(f.Exposed, []string{"P", "Q", "R", "U"}) {
		t.Errorf("Exposed = %q, want [P Q R U]", f.Exposed)
	}
	for _, p := range f.Props {
		if src := string(f.Src[p.NameSpan.Start:p.NameSpan.End]); src != p.Name {
			t.Errorf("%s: NameSpan holds %q", p.Name, src)
		}
	}
}

// setObject(_:forKey:) and updateValue(_:forKey:) box their value into
// Any; a subscript set and setValue(_:forKey:) take an Optional.
func TestDictOpBoxes(t *testing.T) {
	f := parse(t, "swift", `
func f(q: NSMutableDictionary, d: inout [String: Any], v: String?) {
    q.setObject(v as Any, forKey: "a" as NSString)
    d.updateValue(v as Any, forKey: "b")
    q.setValue(v, forKey: "c")
    d["d"] = v
}
`)
	got := map[string]bool{}
	for _, fn := range f.Funcs {
		model.InspectFunc(fn, func(n model.Node) bool {
			if op, ok := n.(*model.DictOp); ok {
				if k, ok := model.StripCasts(op.Key).(*model.StringLit); ok {
					got[k.Value] = op.Boxes
				}
			}
			return true
		})
	}
	if want := map[string]bool{"a": true, "b": true, "c": false, "d": false}; !reflect.DeepEqual(got, want) {
		t.Errorf("Boxes by key = %v, want %v", got, want)
	}
}
