package swiftparse_test

import (
	"slices"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Dictionary literals and their keys, in every spelling.
func TestDictLiterals(t *testing.T) {
	wantKeys := func(keys ...string) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			d := oneOf[*model.DictLit](t, f)
			if got := dictKeys(d); !slices.Equal(got, keys) {
				t.Errorf("keys = %q, want %q", got, keys)
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "as NSDictionary",
			ext:  "swift",
			src: `func q(a: String) -> NSDictionary {
    return [kSecClass: kSecClassGenericPassword, kSecAttrAccount: a] as NSDictionary
}`,
			dump: []string{"return ([kSecClass: kSecClassGenericPassword, kSecAttrAccount: a] as NSDictionary)"},
			check: func(t *testing.T, f *model.File) {
				c := oneOf[*model.Cast](t, f)
				if c.Type != "NSDictionary" {
					t.Errorf("cast type %q", c.Type)
				}
				if _, ok := c.X.(*model.DictLit); !ok {
					t.Errorf("cast of %T, want *model.DictLit", c.X)
				}
				wantKeys("kSecClass", "kSecAttrAccount")(t, f)
			},
		},
		{
			name: "String: Any with as String keys",
			ext:  "swift",
			src: `let query: [String: Any] = [
    kSecClass as String: kSecClassGenericPassword,
    kSecAttrService as String: "svc",
    kSecReturnData as String: true,
]`,
			dump: []string{`property query static() -> [String: Any]`, `return [(kSecClass as String): kSecClassGenericPassword, (kSecAttrService as String): "svc", (kSecReturnData as String): true]`},
			check: func(t *testing.T, f *model.File) {
				d := nodesIn[*model.DictLit](funcNamed(t, f, "query"))
				if len(d) != 1 {
					t.Fatalf("want one literal in the property body, got %d", len(d))
				}
				if got := dictKeys(d[0]); !slices.Equal(got, []string{"kSecClass", "kSecAttrService", "kSecReturnData"}) {
					t.Errorf("keys %q", got)
				}
				for _, e := range d[0].Entries {
					if c, ok := e.Key.(*model.Cast); !ok || c.Type != "String" {
						t.Errorf("key %s is not a cast to String", model.DumpExpr(e.Key))
					}
				}
				if b, ok := d[0].Entries[2].Value.(*model.BoolLit); !ok || !b.Value {
					t.Errorf("kSecReturnData value %s, want true", model.DumpExpr(d[0].Entries[2].Value))
				}
			},
		},
		{
			name:  "String(kSecClass) keys",
			ext:   "swift",
			src:   `func q() -> [String: Any] { [String(kSecClass): kSecClassKey, String(kSecAttrLabel): "l"] }`,
			dump:  []string{`return [(kSecClass as String): kSecClassKey, (kSecAttrLabel as String): "l"]`},
			check: wantKeys("kSecClass", "kSecAttrLabel"),
		},
		{
			name:  "raw short-name string keys",
			ext:   "swift",
			src:   `func q() -> [String: Any] { ["class": "genp", "svce": "s", "acct": "a"] }`,
			check: wantKeys(`"class"`, `"svce"`, `"acct"`),
		},
		{
			name: "empty literal",
			ext:  "swift",
			src:  `func q() -> [String: Any] { return [:] }`,
			check: func(t *testing.T, f *model.File) {
				if d := oneOf[*model.DictLit](t, f); len(d.Entries) != 0 {
					t.Errorf("[:] has %d entries", len(d.Entries))
				}
			},
		},
		{
			name: "bridge id casts",
			ext:  "m",
			src: `NSDictionary *q(NSString *a) {
    return @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
              (__bridge id)kSecAttrAccount: a };
}`,
			dump: []string{"return [(kSecClass as __bridge id): (kSecClassGenericPassword as __bridge id), (kSecAttrAccount as __bridge id): a]"},
			check: func(t *testing.T, f *model.File) {
				wantKeys("kSecClass", "kSecAttrAccount")(t, f)
				d := oneOf[*model.DictLit](t, f)
				if c, ok := d.Entries[0].Key.(*model.Cast); !ok || c.Type != "__bridge id" {
					t.Errorf("key %s, want a (__bridge id) cast", model.DumpExpr(d.Entries[0].Key))
				}
			},
		},
		{
			name: "NSString, id and bridge NSString casts",
			ext:  "m",
			src: `NSDictionary *q(void) {
    return @{ (__bridge NSString *)kSecClass: (__bridge NSString *)kSecClassGenericPassword,
              (id)kSecAttrService: @"svc",
              (NSString *)kSecAttrAccount: @"acct" };
}`,
			check: func(t *testing.T, f *model.File) {
				wantKeys("kSecClass", "kSecAttrService", "kSecAttrAccount")(t, f)
				d := oneOf[*model.DictLit](t, f)
				var types []string
				for _, e := range d.Entries {
					if c, ok := e.Key.(*model.Cast); ok {
						types = append(types, c.Type)
					}
				}
				if want := []string{"__bridge NSString *", "id", "NSString *"}; !slices.Equal(types, want) {
					t.Errorf("cast types %q, want %q", types, want)
				}
				if s, ok := d.Entries[1].Value.(*model.StringLit); !ok || s.Value != "svc" {
					t.Errorf("@\"svc\" lowered to %s", model.DumpExpr(d.Entries[1].Value))
				}
			},
		},
		{
			name:  "raw short-name string keys",
			ext:   "m",
			src:   `NSDictionary *q(void) { return @{ @"class": @"genp", @"svce": @"s", @"acct": @"a" }; }`,
			check: wantKeys(`"class"`, `"svce"`, `"acct"`),
		},
		{
			name: "boxed values",
			ext:  "m",
			src:  `NSDictionary *q(void) { return @{ (__bridge id)kSecReturnData: @YES, (__bridge id)kSecUseDataProtectionKeychain: @(YES), (__bridge id)kSecReturnRef: (__bridge id)kCFBooleanFalse }; }`,
			dump: []string{"(kSecReturnData as __bridge id): true, (kSecUseDataProtectionKeychain as __bridge id): true, (kSecReturnRef as __bridge id): (false as __bridge id)"},
		},
		{
			name: "dictionaryWithObjectsAndKeys",
			ext:  "m",
			src: `NSDictionary *q(NSString *a) {
    return [NSDictionary dictionaryWithObjectsAndKeys:
        (__bridge id)kSecClassGenericPassword, (__bridge id)kSecClass,
        a, (__bridge id)kSecAttrAccount,
        nil];
}`,
			check: func(t *testing.T, f *model.File) {
				nd := oneOf[*model.NewDict](t, f)
				d, ok := nd.Copy.(*model.DictLit)
				if !ok {
					t.Fatalf("dictionaryWithObjectsAndKeys: lowered to %s", model.DumpExpr(nd))
				}
				if got := dictKeys(d); !slices.Equal(got, []string{"kSecClass", "kSecAttrAccount"}) {
					t.Errorf("keys %q", got)
				}
				if identName(d.Entries[0].Value) != "kSecClassGenericPassword" || identName(d.Entries[1].Value) != "a" {
					t.Errorf("values swapped: %s", model.DumpExpr(d))
				}
			},
		},
		{
			name: "CFDictionaryCreate with key and value arrays",
			ext:  "c",
			src: `CFDictionaryRef q(CFStringRef a) {
    const void *keys[] = { kSecClass, kSecAttrAccount };
    const void *values[] = { kSecClassGenericPassword, a };
    return CFDictionaryCreate(kCFAllocatorDefault, keys, values, 2, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
}`,
			dump: []string{"decl keys: void *[] = array(kSecClass, kSecAttrAccount)", "decl values: void *[] = array(kSecClassGenericPassword, a)", "return newdict/ref(keys: keys, values: values)"},
			check: func(t *testing.T, f *model.File) {
				nd := oneOf[*model.NewDict](t, f)
				if !nd.Ref || identName(nd.Keys) != "keys" || identName(nd.Values) != "values" {
					t.Errorf("CFDictionaryCreate lowered to %s", model.DumpExpr(nd))
				}
			},
		},
		{
			name: "CFDictionaryCreate with inline arrays",
			ext:  "m",
			src: `CFDictionaryRef q(void) {
    return CFDictionaryCreate(NULL, (const void *[]){ kSecClass }, (const void *[]){ kSecClassKey }, 1, NULL, NULL);
}`,
			check: func(t *testing.T, f *model.File) {
				nd := oneOf[*model.NewDict](t, f)
				if nd.Keys == nil || nd.Values == nil {
					t.Fatalf("CFDictionaryCreate lowered to %s", model.DumpExpr(nd))
				}
			},
		},
	})
}

// Writes, removals and merges of a dictionary: DictOp.
func TestDictOps(t *testing.T) {
	type op struct {
		kind  model.DictOpKind
		dict  string // identifier of the dictionary
		key   string // keyName of the key ("" when none)
		value string // DumpExpr of the value or merged dictionary ("" when none)
	}
	wantOps := func(want ...op) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			ops := nodes[*model.DictOp](f)
			var got []op
			for _, o := range ops {
				g := op{kind: o.Kind, dict: identName(o.Dict), key: keyName(o.Key)}
				switch {
				case o.Value != nil:
					g.value = model.DumpExpr(o.Value)
				case o.Other != nil:
					g.value = model.DumpExpr(o.Other)
				}
				got = append(got, g)
			}
			if !slices.Equal(got, want) {
				t.Errorf("DictOps\n got %+v\nwant %+v\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "subscript set and nil removal",
			ext:  "swift",
			src: `func f(a: String) {
    var q = [String: Any]()
    q[kSecAttrAccount as String] = a
    q[kSecAttrLabel as String] = nil
    q["svce"] = "s"
}`,
			dump:  []string{"decl q = newdict()", "set(q, (kSecAttrAccount as String), a)", "remove(q, (kSecAttrLabel as String))", `set(q, "svce", "s")`},
			check: wantOps(op{model.DictSet, "q", "kSecAttrAccount", "a"}, op{model.DictRemove, "q", "kSecAttrLabel", ""}, op{model.DictSet, "q", `"svce"`, `"s"`}),
		},
		{
			name:  "updateValue and removeValue",
			ext:   "swift",
			src:   "func f(q: inout [String: Any], d: Data) {\n    q.updateValue(d, forKey: kSecValueData as String)\n    q.removeValue(forKey: kSecAttrService as String)\n}",
			check: wantOps(op{model.DictSet, "q", "kSecValueData", "d"}, op{model.DictRemove, "q", "kSecAttrService", ""}),
		},
		{
			name:  "discarded updateValue result",
			ext:   "swift",
			src:   "func f(q: inout [String: Any]) {\n    _ = q.updateValue(kSecClassKey, forKey: kSecClass as String)\n}",
			check: wantOps(op{model.DictSet, "q", "kSecClass", "kSecClassKey"}),
		},
		{
			name: "merge with and without trailing closure",
			ext:  "swift",
			src: `func f(q: inout [String: Any], o: [String: Any]) {
    q.merge(o) { $1 }
    q.merge(o) { _, new in new }
    q.merge(o, uniquingKeysWith: { a, _ in a })
}`,
			check: wantOps(op{model.DictMerge, "q", "", "o"}, op{model.DictMerge, "q", "", "o"}, op{model.DictMerge, "q", "", "o"}),
		},
		{
			name:  "removeAll",
			ext:   "swift",
			src:   "func f(q: inout [String: Any], m: NSMutableDictionary) {\n    q.removeAll()\n    q.removeAll(keepingCapacity: true)\n    m.removeAllObjects()\n}",
			check: wantOps(op{model.DictRemoveAll, "q", "", ""}, op{model.DictRemoveAll, "q", "", ""}, op{model.DictRemoveAll, "m", "", ""}),
		},
		{
			name: "NSMutableDictionary setObject, setValue, addEntries, removeObject",
			ext:  "swift",
			src: `func f(a: String, o: [String: Any]) -> NSMutableDictionary {
    let d = NSMutableDictionary()
    d.setObject(a, forKey: kSecAttrAccount as NSString)
    d.setValue(kSecClassGenericPassword, forKey: kSecClass as String)
    d.addEntries(from: o)
    d.removeObject(forKey: kSecAttrService)
    return d
}`,
			dump: []string{"decl d = newdict/ref()"},
			check: wantOps(op{model.DictSet, "d", "kSecAttrAccount", "a"}, op{model.DictSet, "d", "kSecClass", "kSecClassGenericPassword"},
				op{model.DictMerge, "d", "", "o"}, op{model.DictRemove, "d", "kSecAttrService", ""}),
		},
		{
			name: "setObject:forKey: and subscripts",
			ext:  "m",
			src: `void f(NSString *a, NSData *d) {
    NSMutableDictionary *query = [NSMutableDictionary dictionary];
    [query setObject:d forKey:(__bridge id)kSecValueData];
    [query setValue:a forKey:(__bridge NSString *)kSecAttrAccount];
    query[(__bridge id)kSecAttrService] = @"svc";
    query[(__bridge id)kSecAttrLabel] = nil;
}`,
			check: wantOps(op{model.DictSet, "query", "kSecValueData", "d"}, op{model.DictSet, "query", "kSecAttrAccount", "a"},
				op{model.DictSet, "query", "kSecAttrService", `"svc"`}, op{model.DictRemove, "query", "kSecAttrLabel", ""}),
		},
		{
			name: "removeObjectForKey, addEntriesFromDictionary, removeAllObjects",
			ext:  "m",
			src: `void f(NSMutableDictionary *query, NSDictionary *other) {
    [query removeObjectForKey:(__bridge id)kSecMatchLimit];
    [query addEntriesFromDictionary:other];
    [query removeAllObjects];
}`,
			check: wantOps(op{model.DictRemove, "query", "kSecMatchLimit", ""}, op{model.DictMerge, "query", "", "other"}, op{model.DictRemoveAll, "query", "", ""}),
		},
		{
			name: "CFDictionarySetValue, AddValue, RemoveValue, RemoveAllValues",
			ext:  "c",
			src: `void f(CFMutableDictionaryRef q, CFStringRef a) {
    CFDictionarySetValue(q, kSecClass, kSecClassGenericPassword);
    CFDictionaryAddValue(q, kSecAttrAccount, a);
    CFDictionaryRemoveValue(q, kSecAttrService);
    CFDictionaryRemoveAllValues(q);
}`,
			dump: []string{"set(q, kSecClass, kSecClassGenericPassword)", "addIfAbsent(q, kSecAttrAccount, a)", "remove(q, kSecAttrService)", "removeAll(q)"},
			check: wantOps(op{model.DictSet, "q", "kSecClass", "kSecClassGenericPassword"}, op{model.DictAdd, "q", "kSecAttrAccount", "a"},
				op{model.DictRemove, "q", "kSecAttrService", ""}, op{model.DictRemoveAll, "q", "", ""}),
		},
		{
			name: "CFDictionary functions in Objective-C with bridge casts",
			ext:  "m",
			src: `void f(NSMutableDictionary *q) {
    CFDictionarySetValue((__bridge CFMutableDictionaryRef)q, kSecAttrAccessible, kSecAttrAccessibleAfterFirstUnlock);
}`,
			check: func(t *testing.T, f *model.File) {
				o := oneOf[*model.DictOp](t, f)
				if identName(o.Dict) != "q" || keyName(o.Key) != "kSecAttrAccessible" {
					t.Errorf("got %s", model.DumpExpr(o))
				}
			},
		},
	})
}

// Dictionaries that are not literals: NewDict.
func TestNewDicts(t *testing.T) {
	type nd struct {
		ref         bool
		copy, merge string
	}
	wantNew := func(want ...nd) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			var got []nd
			for _, n := range nodes[*model.NewDict](f) {
				g := nd{ref: n.Ref}
				if n.Copy != nil {
					g.copy = model.DumpExpr(n.Copy)
				}
				if n.Merge != nil {
					g.merge = model.DumpExpr(n.Merge)
				}
				got = append(got, g)
			}
			if !slices.Equal(got, want) {
				t.Errorf("NewDicts\n got %+v\nwant %+v\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift empty dictionaries",
			ext:  "swift",
			src: `func f() {
    var a = [String: Any]()
    var b = [String: AnyObject]()
    var c = Dictionary<String, Any>()
    let d = NSMutableDictionary()
    let e = NSMutableDictionary.init()
}`,
			check: wantNew(nd{}, nd{}, nd{}, nd{ref: true}, nd{ref: true}),
		},
		{
			name:  "NSMutableDictionary(dictionary:)",
			ext:   "swift",
			src:   "func f(q: [String: Any]) -> NSMutableDictionary {\n    return NSMutableDictionary(dictionary: q)\n}",
			check: wantNew(nd{ref: true, copy: "q"}),
		},
		{
			name: "merging with and without trailing closure",
			ext:  "swift",
			src: `func f(q: [String: Any], o: [String: Any]) -> [String: Any] {
    let a = q.merging(o) { $1 }
    let b = q.merging(o, uniquingKeysWith: { _, n in n })
    return a.merging(b) { current, _ in current }
}`,
			dump:  []string{"decl a = newdict(copy: q, merge: o)", "decl b = newdict(copy: q, merge: o)", "return newdict(copy: a, merge: b)"},
			check: wantNew(nd{copy: "q", merge: "o"}, nd{copy: "q", merge: "o"}, nd{copy: "a", merge: "b"}),
		},
		{
			name: "Objective-C constructors and copies",
			ext:  "m",
			src: `void f(NSDictionary *base) {
    NSMutableDictionary *a = [NSMutableDictionary dictionary];
    NSMutableDictionary *b = [[NSMutableDictionary alloc] init];
    NSMutableDictionary *c = [NSMutableDictionary new];
    NSMutableDictionary *d = [NSMutableDictionary dictionaryWithCapacity:4];
    NSMutableDictionary *e = [NSMutableDictionary dictionaryWithDictionary:base];
    NSMutableDictionary *g = [base mutableCopy];
    NSMutableDictionary *h = [[NSMutableDictionary alloc] initWithDictionary:base];
}`,
			check: wantNew(nd{ref: true}, nd{ref: true}, nd{ref: true}, nd{ref: true}, nd{ref: true, copy: "base"}, nd{ref: true, copy: "base"}, nd{ref: true, copy: "base"}),
		},
		{
			name: "mutableCopy of a helper's result",
			ext:  "m",
			src: `@implementation Store
- (void)save:(NSString *)a {
    NSMutableDictionary *q = [[self queryForAccount:a] mutableCopy];
}
@end`,
			check: func(t *testing.T, f *model.File) {
				n := oneOf[*model.NewDict](t, f)
				c, ok := n.Copy.(*model.Call)
				if !ok || !c.ObjCMessage || c.Sig(model.ObjC) != "queryForAccount:" {
					t.Errorf("copy of %s", model.DumpExpr(n.Copy))
				}
			},
		},
		{
			name: "CFDictionaryCreateMutable and copies",
			ext:  "c",
			src: `void f(CFDictionaryRef base) {
    CFMutableDictionaryRef a = CFDictionaryCreateMutable(kCFAllocatorDefault, 0, &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFMutableDictionaryRef b = CFDictionaryCreateMutableCopy(NULL, 0, base);
    CFDictionaryRef c = CFDictionaryCreateCopy(NULL, base);
}`,
			dump:  []string{"decl a: CFMutableDictionaryRef = newdict/ref()"},
			check: wantNew(nd{ref: true}, nd{ref: true, copy: "base"}, nd{ref: true, copy: "base"}),
		},
	})
}
