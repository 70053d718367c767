package swiftparse_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// SecItem calls and the roles of their arguments.
func TestSecItemCalls(t *testing.T) {
	type call struct {
		op                   model.Op
		dict, update, result string // DumpExpr, "" when nil
	}
	dumpOrEmpty := func(e model.Expr) string {
		if e == nil {
			return ""
		}
		return model.DumpExpr(e)
	}
	wantCalls := func(want ...call) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			var got []call
			for _, c := range nodes[*model.SecItemCall](f) {
				got = append(got, call{c.Op, dumpOrEmpty(c.Dict), dumpOrEmpty(c.Update), dumpOrEmpty(c.Result)})
				if c.Call == nil {
					t.Errorf("%s: Call not set", model.DumpExpr(c))
				}
				if txt := spanText(f, c.NameSpan); txt != c.Op.Func() {
					t.Errorf("NameSpan covers %q, want %q", txt, c.Op.Func())
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("SecItem calls\n got %+v\nwant %+v\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift: all four with their roles",
			ext:  "swift",
			src: `func f(q: [String: Any], u: [String: Any]) {
    var r: CFTypeRef?
    SecItemAdd(q as CFDictionary, nil)
    SecItemAdd(q as CFDictionary, &r)
    SecItemCopyMatching(q as CFDictionary, &r)
    SecItemUpdate(q as CFDictionary, u as CFDictionary)
    SecItemDelete(q as CFDictionary)
}`,
			check: wantCalls(
				call{model.OpAdd, "(q as CFDictionary)", "", ""},
				call{model.OpAdd, "(q as CFDictionary)", "", "&r"},
				call{model.OpRead, "(q as CFDictionary)", "", "&r"},
				call{model.OpUpdate, "(q as CFDictionary)", "(u as CFDictionary)", ""},
				call{model.OpDelete, "(q as CFDictionary)", "", ""},
			),
		},
		{
			name: "Swift: status held in a constant",
			ext:  "swift",
			src: `func f(q: [String: Any]) -> OSStatus {
    var item: AnyObject?
    let status = SecItemCopyMatching(q as CFDictionary, &item)
    return status
}`,
			dump: []string{"decl status = SecItemCopyMatching((q as CFDictionary), result: &item)", "return status"},
			check: func(t *testing.T, f *model.File) {
				var decl *model.Decl
				for _, d := range nodes[*model.Decl](f) {
					if d.Name == "status" {
						decl = d
					}
				}
				if decl == nil {
					t.Fatal("no decl of status")
				}
				if s, ok := decl.Value.(*model.SecItemCall); !ok || s.Op != model.OpRead {
					t.Errorf("status = %s", model.DumpExpr(decl.Value))
				}
				if decl.Mutable {
					t.Error("let status is Mutable")
				}
			},
		},
		{
			name: "Swift: withUnsafeMutablePointer trailing closure, as a declaration and as a statement",
			ext:  "swift",
			src: `func f(q: [String: Any]) -> OSStatus {
    var r: CFTypeRef?
    let status = withUnsafeMutablePointer(to: &r) { SecItemCopyMatching(q as CFDictionary, $0) }
    _ = withUnsafeMutablePointer(to: &r) { SecItemCopyMatching(q as CFDictionary, UnsafeMutablePointer($0)) }
    return status
}`,
			dump: []string{"decl status = withUnsafeMutablePointer(to: &r, closure{return SecItemCopyMatching((q as CFDictionary), result: $0);})"},
			check: func(t *testing.T, f *model.File) {
				// The closure is an argument of the call, not the argument
				// of a call of the call's result.
				for _, c := range nodes[*model.Call](f) {
					if _, ok := c.Fun.(*model.Call); ok {
						t.Errorf("call of a call: %s", model.DumpExpr(c))
					}
					if c.Name() == "withUnsafeMutablePointer" {
						if len(c.Args) != 2 || c.Args[0].Label != "to" {
							t.Errorf("args of %s", model.DumpExpr(c))
						} else if _, ok := c.Args[1].Value.(*model.Closure); !ok {
							t.Errorf("second argument %T, want closure", c.Args[1].Value)
						}
					}
				}
				if n := len(nodes[*model.SecItemCall](f)); n != 2 {
					t.Errorf("%d SecItem calls, want 2", n)
				}
			},
		},
		{
			name: "Swift: result pointer through a cast, nil result through a cast",
			ext:  "swift",
			src: `func f(q: NSDictionary) {
    var r: CFTypeRef?
    SecItemCopyMatching(q, &r)
    SecItemAdd(q, nil as UnsafeMutablePointer<CFTypeRef?>?)
}`,
			check: wantCalls(call{model.OpRead, "q", "", "&r"}, call{model.OpAdd, "q", "", ""}),
		},
		{
			name: "Objective-C: all four with NULL and nil results",
			ext:  "m",
			src: `void f(NSDictionary *q, NSDictionary *u) {
    CFTypeRef r = NULL;
    SecItemAdd((__bridge CFDictionaryRef)q, NULL);
    SecItemAdd((__bridge CFDictionaryRef)q, nil);
    SecItemCopyMatching((__bridge CFDictionaryRef)q, &r);
    SecItemCopyMatching((__bridge CFDictionaryRef)q, (CFTypeRef *)&r);
    SecItemUpdate((__bridge CFDictionaryRef)q, (__bridge CFDictionaryRef)u);
    SecItemDelete((__bridge CFDictionaryRef)q);
}`,
			check: wantCalls(
				call{model.OpAdd, "(q as __bridge CFDictionaryRef)", "", ""},
				call{model.OpAdd, "(q as __bridge CFDictionaryRef)", "", ""},
				call{model.OpRead, "(q as __bridge CFDictionaryRef)", "", "&r"},
				call{model.OpRead, "(q as __bridge CFDictionaryRef)", "", "(&r as CFTypeRef *)"},
				call{model.OpUpdate, "(q as __bridge CFDictionaryRef)", "(u as __bridge CFDictionaryRef)", ""},
				call{model.OpDelete, "(q as __bridge CFDictionaryRef)", "", ""},
			),
		},
		{
			name: "Objective-C: literal straight into the call",
			ext:  "m",
			src: `OSStatus f(NSString *a) {
    return SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword, (__bridge id)kSecAttrAccount: a });
}`,
			check: func(t *testing.T, f *model.File) {
				s := oneOf[*model.SecItemCall](t, f)
				d, ok := model.StripCasts(s.Dict).(*model.DictLit)
				if !ok {
					t.Fatalf("dict %s", model.DumpExpr(s.Dict))
				}
				if got := dictKeys(d); !slices.Equal(got, []string{"kSecClass", "kSecAttrAccount"}) {
					t.Errorf("keys %q", got)
				}
			},
		},
		{
			name: "C: status from a call in a declaration",
			ext:  "c",
			src: `OSStatus f(CFDictionaryRef q) {
    CFTypeRef r = NULL;
    OSStatus status = SecItemCopyMatching(q, &r);
    return status;
}`,
			dump:  []string{"decl status: OSStatus = SecItemCopyMatching(q, result: &r)"},
			check: wantCalls(call{model.OpRead, "q", "", "&r"}),
		},
	})
}

// Comparisons of a status with error constants: StatusCmp.
func TestStatusChecks(t *testing.T) {
	type cmp struct {
		x     string
		equal bool
		code  int
		name  string
	}
	wantCmps := func(want ...cmp) func(t *testing.T, f *model.File) {
		return func(t *testing.T, f *model.File) {
			t.Helper()
			var got []cmp
			for _, c := range nodes[*model.StatusCmp](f) {
				got = append(got, cmp{model.DumpExpr(c.X), c.Equal, c.Code, c.CodeName})
			}
			if !slices.Equal(got, want) {
				t.Errorf("status comparisons\n got %+v\nwant %+v\n%s", got, want, dumpFile(f))
			}
		}
	}
	runIdioms(t, []idiomCase{
		{
			name: "Swift: ==, !=, numeric, reversed",
			ext:  "swift",
			src: `func f(status: OSStatus) {
    if status == errSecSuccess {}
    if status != noErr {}
    if status == -25300 {}
    if errSecItemNotFound == status {}
    if -25308 != status {}
    if status == 0 {}
}`,
			check: wantCmps(
				cmp{"status", true, 0, "errSecSuccess"},
				cmp{"status", false, 0, "noErr"},
				cmp{"status", true, -25300, "-25300"},
				cmp{"status", true, -25300, "errSecItemNotFound"},
				cmp{"status", false, -25308, "-25308"},
				cmp{"status", true, 0, "0"},
			),
		},
		{
			name: "Swift: call compared directly",
			ext:  "swift",
			src: `func f(q: NSDictionary) {
    var r: CFTypeRef?
    if SecItemCopyMatching(q, &r) != noErr { return }
}`,
			check: func(t *testing.T, f *model.File) {
				c := oneOf[*model.StatusCmp](t, f)
				if _, ok := c.X.(*model.SecItemCall); !ok || c.Equal || c.CodeName != "noErr" {
					t.Errorf("got %s", model.DumpExpr(c))
				}
				i := oneOf[*model.If](t, f)
				if i.Cond != model.Expr(c) {
					t.Errorf("if condition %s", model.DumpExpr(i.Cond))
				}
			},
		},
		{
			name: "Swift: || and && of comparisons keep Swift precedence",
			ext:  "swift",
			src: `func f(status: OSStatus, ok: Bool) {
    guard status == errSecSuccess || status == errSecItemNotFound else { return }
    if status != errSecSuccess && status != errSecDuplicateItem {}
    if !ok || status == errSecInteractionNotAllowed {}
}`,
			dump: []string{
				"guard (status(status == errSecSuccess=0) || status(status == errSecItemNotFound=-25300)) else",
				"if (status(status != errSecSuccess=0) && status(status != errSecDuplicateItem=-25299))",
				"if (!ok || status(status == errSecInteractionNotAllowed=-25308))",
			},
			check: wantCmps(
				cmp{"status", true, 0, "errSecSuccess"}, cmp{"status", true, -25300, "errSecItemNotFound"},
				cmp{"status", false, 0, "errSecSuccess"}, cmp{"status", false, -25299, "errSecDuplicateItem"},
				cmp{"status", true, -25308, "errSecInteractionNotAllowed"},
			),
		},
		{
			name: "Swift: switch on status",
			ext:  "swift",
			src: `func f(status: OSStatus) -> Bool {
    switch status {
    case errSecSuccess:
        return true
    case errSecItemNotFound, errSecInteractionNotAllowed:
        return false
    case -25299:
        fallthrough
    default:
        return false
    }
}`,
			dump: []string{"switch status", "case errSecSuccess:", "case errSecItemNotFound, errSecInteractionNotAllowed:", "case -25299:", "fallthrough", "default:"},
			check: func(t *testing.T, f *model.File) {
				s := oneOf[*model.Switch](t, f)
				if s.CStyle {
					t.Error("Swift switch is CStyle")
				}
				if identName(s.Tag) != "status" || len(s.Cases) != 4 {
					t.Fatalf("switch %s with %d cases", model.DumpExpr(s.Tag), len(s.Cases))
				}
				if len(s.Cases[1].Values) != 2 || identName(s.Cases[1].Values[1]) != "errSecInteractionNotAllowed" {
					t.Errorf("second case values: %d", len(s.Cases[1].Values))
				}
				if n, ok := s.Cases[2].Values[0].(*model.NumberLit); !ok || n.Int != -25299 {
					t.Errorf("-25299 case value %s", model.DumpExpr(s.Cases[2].Values[0]))
				}
				if _, ok := s.Cases[2].Body[0].(*model.Fallthrough); !ok {
					t.Errorf("fallthrough lowered to %T", s.Cases[2].Body[0])
				}
				if !s.Cases[3].Default {
					t.Error("last case is not default")
				}
			},
		},
		{
			name: "Objective-C: assignment inside the condition",
			ext:  "m",
			src: `OSStatus f(NSDictionary *q) {
    OSStatus status;
    if ((status = SecItemAdd((__bridge CFDictionaryRef)q, NULL)) == errSecSuccess) {
        return status;
    }
    if (errSecDuplicateItem == status) {}
    if (status != noErr && status != -25300) {}
    return status;
}`,
			check: func(t *testing.T, f *model.File) {
				cmps := nodes[*model.StatusCmp](f)
				if len(cmps) != 4 {
					t.Fatalf("%d comparisons in\n%s", len(cmps), dumpFile(f))
				}
				b, ok := cmps[0].X.(*model.Binary)
				if !ok || b.Op != "=" || identName(b.L) != "status" {
					t.Fatalf("first comparison of %s", model.DumpExpr(cmps[0].X))
				}
				if s, ok := b.R.(*model.SecItemCall); !ok || s.Op != model.OpAdd {
					t.Errorf("assigned %s", model.DumpExpr(b.R))
				}
				if !cmps[0].Equal || cmps[0].CodeName != "errSecSuccess" {
					t.Errorf("first comparison %s", model.DumpExpr(cmps[0]))
				}
				if cmps[1].Code != -25299 || identName(cmps[1].X) != "status" {
					t.Errorf("reversed comparison %s", model.DumpExpr(cmps[1]))
				}
				if cmps[3].Code != -25300 || cmps[3].Equal {
					t.Errorf("numeric comparison %s", model.DumpExpr(cmps[3]))
				}
			},
		},
		{
			name: "Objective-C: call compared directly, C switch with fallthrough",
			ext:  "m",
			src: `BOOL f(NSDictionary *q) {
    CFTypeRef r = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)q, &r) != noErr) { return NO; }
    OSStatus status = SecItemDelete((__bridge CFDictionaryRef)q);
    switch (status) {
    case errSecItemNotFound:
    case errSecInteractionNotAllowed:
        status = 0;
    case errSecSuccess:
        return YES;
    default:
        break;
    }
    return NO;
}`,
			dump: []string{"if status(SecItemCopyMatching((q as __bridge CFDictionaryRef), result: &r) != noErr=0)", "switch status (c)",
				"case errSecItemNotFound:", "case errSecInteractionNotAllowed:", "status = 0", "case errSecSuccess:", "return true", "default:", "break"},
			check: func(t *testing.T, f *model.File) {
				s := oneOf[*model.Switch](t, f)
				if !s.CStyle || len(s.Cases) != 4 {
					t.Fatalf("switch CStyle=%v with %d cases", s.CStyle, len(s.Cases))
				}
				if len(s.Cases[0].Body) != 0 {
					t.Errorf("empty case has %d statements", len(s.Cases[0].Body))
				}
				if _, ok := s.Cases[1].Body[len(s.Cases[1].Body)-1].(*model.Assign); !ok {
					t.Errorf("falling-through case ends with %T", s.Cases[1].Body[len(s.Cases[1].Body)-1])
				}
			},
		},
		{
			name: "C: status codes by number",
			ext:  "c",
			src: `int f(OSStatus status) {
    if (status == -25300) return 1;
    if (-25308 == status) return 2;
    if (status != errSecSuccess) return 3;
    return 0;
}`,
			check: wantCmps(cmp{"status", true, -25300, "-25300"}, cmp{"status", true, -25308, "-25308"}, cmp{"status", false, 0, "errSecSuccess"}),
		},
	})
}

// Guard against comparing things that are not statuses.
func TestNotStatusChecks(t *testing.T) {
	for _, c := range []struct{ ext, src string }{
		{"swift", "func f(a: Int, b: Int) { if a == b {} }"},
		{"swift", "func f(s: String) { if s == \"x\" {} }"},
		{"m", "void f(int a, int b) { if (a == b) {} }"},
	} {
		t.Run(c.ext, func(t *testing.T) {
			f := parse(t, c.ext, c.src)
			if cmps := nodes[*model.StatusCmp](f); len(cmps) != 0 {
				t.Errorf("status comparisons in %q: %v", c.src, fmt.Sprint(model.DumpExpr(cmps[0])))
			}
			if len(nodes[*model.Binary](f)) != 1 {
				t.Errorf("want one Binary in\n%s", dumpFile(f))
			}
		})
	}
}
