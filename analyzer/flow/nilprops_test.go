package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// analyzeWith is analyze with what the driver says of the files outside
// the program: SetOutside(outside) when tell is set.
func analyzeWith(t *testing.T, files map[string]string, tell bool, outside map[string]bool) []*flow.CallFact {
	t.Helper()
	var models []*model.File
	for name, src := range files {
		f, err := swiftparse.ParseFile(name, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		models = append(models, f)
	}
	prog := flow.NewProgram(models, 0)
	if tell {
		prog.SetOutside(outside)
	}
	var out []*flow.CallFact
	for _, f := range models {
		out = append(out, prog.FileResult(f).Calls...)
	}
	return out
}

// The query builder of a struct of options, one of which (limit) nothing
// ever sets: the delete it builds has no kSecMatchLimit.
const nilPropBase = `
struct Options {
    var account: String?
    var limit: Int?
}
func query(from o: Options) -> [String: Any] {
    var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    if let a = o.account {
        q[kSecAttrAccount as String] = a
    }
    if let limit = o.limit {
        q[kSecMatchLimit as String] = kSecMatchLimitAll
    }
    return q
}
func clear(account: String) {
    var o = Options()
    o.account = account
    SecItemDelete(query(from: o) as CFDictionary)
}
`

func TestNeverSetOptionalPropertyIsNil(t *testing.T) {
	d := call(t, analyzeWith(t, map[string]string{"a.swift": nilPropBase}, true, nil), model.OpDelete, "SecItemDelete").Dict
	if has(d, "kSecMatchLimit") {
		t.Errorf("the delete may have kSecMatchLimit (%v): Options.limit is never set", keys(d))
	}
	if !has(d, "kSecAttrAccount") {
		t.Errorf("the delete lacks kSecAttrAccount: %v", keys(d))
	}
}

// Anything that may set the property, or a program that cannot see
// everything, leaves it unknown.
func TestOptionalPropertyMaybeSet(t *testing.T) {
	cases := map[string]struct {
		extra   string
		tell    bool
		outside map[string]bool
		decl    string
	}{
		"assigned":          {extra: "func set(o: inout Options) { o.limit = 1 }", tell: true},
		"compound assigned": {extra: "func set(o: inout Options) { o.limit? += 1 }", tell: true},
		"inout":             {extra: "func bump(_ x: inout Int?) {}\nfunc set(o: inout Options) { bump(&o.limit) }", tell: true},
		"memberwise label":  {extra: "func make() -> Options { Options(account: nil, limit: 2) }", tell: true},
		"key path":          {extra: "let path = \\Options.limit", tell: true},
		"KVC string":        {extra: `func set(o: NSObject) { o.setValue(1, forKey: "limit") }`, tell: true},
		"closure parameter": {extra: "func f(xs: [Int]) { _ = xs.map { limit in limit } }", tell: true},
		"mentioned outside": {tell: true, outside: map[string]bool{"limit": true}},
		"not checked":       {tell: true, outside: map[string]bool{"other": false}},
		"outside unknown":   {tell: false},
		"objc attribute":    {tell: true, decl: "    @objc var limit: Int?"},
		"property wrapper":  {tell: true, decl: "    @Clamped var limit: Int?"},
		"initial value":     {tell: true, decl: "    var limit: Int? = 1"},
		"decodable":         {tell: true, extra: "extension Options: Decodable {}"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			src := nilPropBase + c.extra
			if c.decl != "" {
				src = replaceOnce(t, src, "    var limit: Int?", c.decl)
			}
			d := call(t, analyzeWith(t, map[string]string{"a.swift": src}, c.tell, c.outside), model.OpDelete, "SecItemDelete").Dict
			if !has(d, "kSecMatchLimit") {
				t.Errorf("the delete has no kSecMatchLimit (%v): Options.limit may be set", keys(d))
			}
		})
	}
}

// An Objective-C property is always settable (key-value coding, the
// ivar): never known nil.
func TestObjCPropertyNeverKnownNil(t *testing.T) {
	facts := analyzeWith(t, map[string]string{"a.m": `
@interface Options : NSObject
@property (nonatomic) NSNumber *limit;
@end
@implementation Store
- (void)clear:(Options *)o {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    q[(__bridge id)kSecClass] = (__bridge id)kSecClassGenericPassword;
    if (o.limit) {
        q[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitAll;
    }
    SecItemDelete((__bridge CFDictionaryRef)q);
}
@end
`}, true, nil)
	d := call(t, facts, model.OpDelete, "SecItemDelete").Dict
	if !has(d, "kSecMatchLimit") {
		t.Errorf("the delete has no kSecMatchLimit (%v): an Objective-C property may be set", keys(d))
	}
}

func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	i := indexOf(s, old)
	if i < 0 {
		t.Fatalf("%q not in the source", old)
	}
	return s[:i] + new + s[i+len(old):]
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// A method reads the property by its bare name, and through self.
func TestNeverSetPropertyReadInMethod(t *testing.T) {
	facts := analyzeWith(t, map[string]string{"a.swift": `
final class Store {
    var limit: Int?
    var group: String?
    func clear() {
        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
        if let l = limit {
            q[kSecMatchLimit as String] = kSecMatchLimitAll
        }
        if let g = self.group {
            q[kSecAttrAccessGroup as String] = g
        }
        SecItemDelete(q as CFDictionary)
    }
}
`}, true, nil)
	d := call(t, facts, model.OpDelete, "SecItemDelete").Dict
	for _, k := range []string{"kSecMatchLimit", "kSecAttrAccessGroup"} {
		if has(d, k) {
			t.Errorf("the delete may have %s (%v): the property is never set", k, keys(d))
		}
	}
}
