package swiftparse_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Statements: if/else-if/else, guard, loops, do/catch, throw, optional
// binding, return, break, continue.
func TestControlFlow(t *testing.T) {
	runIdioms(t, []idiomCase{
		{
			name: "Swift: if, else if, else",
			ext:  "swift",
			src: `func f(status: OSStatus) -> Int {
    if status == errSecSuccess {
        return 0
    } else if status == errSecItemNotFound {
        return 1
    } else {
        return 2
    }
}`,
			dump: []string{"if status(status == errSecSuccess=0)", "return 0", "else", "if status(status == errSecItemNotFound=-25300)", "return 1", "else", "return 2"},
			check: func(t *testing.T, f *model.File) {
				top, ok := funcNamed(t, f, "f").Body[0].(*model.If)
				if !ok {
					t.Fatalf("body starts with %T", funcNamed(t, f, "f").Body[0])
				}
				if len(top.Else) != 1 {
					t.Fatalf("else has %d statements", len(top.Else))
				}
				inner, ok := top.Else[0].(*model.If)
				if !ok || len(inner.Then) != 1 || len(inner.Else) != 1 {
					t.Errorf("else-if lowered to %T", top.Else[0])
				}
			},
		},
		{
			name: "Swift: guard, guard let, if let",
			ext:  "swift",
			src: `func f(status: OSStatus, item: AnyObject?) -> Data? {
    guard status == errSecSuccess else { return nil }
    guard let d = item as? Data else { throw KeychainError.unexpected }
    if let s = item as? String, !s.isEmpty { print(s) }
    return d
}`,
			dump: []string{"guard status(status == errSecSuccess=0) else", "return nil", "guard let d = (item as? Data) else", "throw KeychainError.unexpected", "if (let s = (item as? String) && !s.isEmpty)"},
			check: func(t *testing.T, f *model.File) {
				gs := nodes[*model.Guard](f)
				if len(gs) != 2 {
					t.Fatalf("%d guards", len(gs))
				}
				ob, ok := gs[1].Cond.(*model.OptionalBind)
				if !ok || ob.Name != "d" {
					t.Errorf("guard let condition %s", model.DumpExpr(gs[1].Cond))
				}
				if _, ok := gs[1].Else[0].(*model.Throw); !ok {
					t.Errorf("guard else %T", gs[1].Else[0])
				}
			},
		},
		{
			name: "Swift: for, while, repeat, break, continue",
			ext:  "swift",
			src: `func f(accounts: [String]) {
    for a in accounts {
        if a.isEmpty { continue }
        SecItemDelete([kSecAttrAccount: a] as CFDictionary)
    }
    var n = 0
    while n < 3 { n += 1 }
    repeat { n -= 1; if n == 1 { break } } while n > 0
}`,
			dump: []string{"loop <nil>", "continue", "SecItemDelete", "loop (n < 3)", "n += 1", "do-loop (n > 0)", "n -= 1", "break"},
			check: func(t *testing.T, f *model.File) {
				ls := nodes[*model.Loop](f)
				if len(ls) != 3 || ls[0].Kind != model.LoopWhile || ls[1].Kind != model.LoopWhile || ls[2].Kind != model.LoopDoWhile {
					t.Errorf("loops %d", len(ls))
				}
			},
		},
		{
			name: "Swift: do/catch, do without catch, throw",
			ext:  "swift",
			src: `func f() throws {
    do {
        try save()
    } catch let e as KeychainError {
        throw e
    } catch {
        print(error)
    }
    do {
        let x = 1
    }
    throw KeychainError.unhandled(status: -25300)
}`,
			dump: []string{"try", "save()", "catch", "throw e", "catch", "print(error)", "block", "decl x = 1", "throw KeychainError.unhandled(status: -25300)"},
			check: func(t *testing.T, f *model.File) {
				tr := oneOf[*model.Try](t, f)
				if len(tr.Catches) != 2 || tr.Finally != nil {
					t.Errorf("%d catches", len(tr.Catches))
				}
			},
		},
		{
			name: "Swift: switch with fallthrough and where",
			ext:  "swift",
			src: `func f(s: OSStatus) {
    switch s {
    case errSecItemNotFound:
        fallthrough
    case let x where x < 0:
        print(x)
    default:
        break
    }
}`,
			dump: []string{"switch s", "case errSecItemNotFound:", "fallthrough", "default:", "break"},
			check: func(t *testing.T, f *model.File) {
				s := oneOf[*model.Switch](t, f)
				if len(s.Cases) != 3 {
					t.Fatalf("%d cases", len(s.Cases))
				}
				// A case with a where clause does not cover its values for
				// certain.
				hasUnknown := false
				for _, v := range s.Cases[1].Values {
					if _, ok := v.(*model.Unknown); ok {
						hasUnknown = true
					}
				}
				if !hasUnknown {
					t.Errorf("where case values: %d, none unknown", len(s.Cases[1].Values))
				}
			},
		},
		{
			name: "Swift: fallthrough after statements, and nested in an if",
			ext:  "swift",
			src: `func f(s: OSStatus, force: Bool) {
    switch s {
    case errSecInteractionNotAllowed:
        print("locked")
        fallthrough
    case errSecItemNotFound:
        if force {
            print("forced")
            fallthrough
        }
        print("missing")
    default:
        break
    }
}`,
			dump: []string{"case errSecInteractionNotAllowed:", "print(\"locked\")", "fallthrough", "case errSecItemNotFound:", "if force"},
			check: func(t *testing.T, f *model.File) {
				s := oneOf[*model.Switch](t, f)
				if len(s.Cases) != 3 {
					t.Fatalf("%d cases", len(s.Cases))
				}
				b := s.Cases[0].Body
				if len(b) != 2 {
					t.Fatalf("first case has %d statements", len(b))
				}
				if ft, ok := b[1].(*model.Fallthrough); !ok {
					t.Errorf("first case ends in %T", b[1])
				} else if got := spanText(f, ft.Span); got != "fallthrough" {
					t.Errorf("fallthrough span %q", got)
				}
				if n := len(nodes[*model.Fallthrough](f)); n != 2 {
					t.Errorf("%d fallthrough statements, want 2", n)
				}
			},
		},
		{
			name: "Objective-C: if/else if/else, loops",
			ext:  "m",
			src: `void f(NSArray *accounts, OSStatus status) {
    if (status == errSecSuccess) {
        return;
    } else if (status == errSecItemNotFound) {
        status = 0;
    } else {
        status = 1;
    }
    for (NSString *a in accounts) { continue; }
    for (int i = 0; i < 3; i++) { break; }
    while (status != 0) { status--; }
    do { status++; } while (status < 2);
    for (;;) { break; }
    for (int j = 0; ; j++) { break; }
}`,
			dump: []string{"if status(status == errSecSuccess=0)", "return <nil>", "else", "if status(status == errSecItemNotFound=-25300)", "status = 0", "else", "status = 1",
				"loop <nil>", "continue", "decl i: int = 0", "loop (i < 3)", "break", "loop status(status != 0=0)", "do-loop (status < 2)",
				"loop true", "decl j: int = 0", "loop true"},
			check: func(t *testing.T, f *model.File) {
				ls := nodes[*model.Loop](f)
				if len(ls) != 6 || ls[3].Kind != model.LoopDoWhile {
					t.Fatalf("%d loops", len(ls))
				}
				// for-in ends with its collection (no condition); a C for
				// without a condition runs until a break.
				if ls[0].Cond != nil {
					t.Errorf("for-in condition %s, want none", model.DumpExpr(ls[0].Cond))
				}
				for _, l := range ls[4:] {
					if b, ok := l.Cond.(*model.BoolLit); !ok || !b.Value {
						t.Errorf("for (;;) condition %T, want true", l.Cond)
					}
				}
			},
		},
		{
			name: "Objective-C: @try/@catch/@finally and @throw",
			ext:  "m",
			src: `void f(NSDictionary *q) {
    @try {
        SecItemDelete((__bridge CFDictionaryRef)q);
    } @catch (NSException *e) {
        @throw e;
    } @finally {
        NSLog(@"done");
    }
}`,
			dump: []string{"try", "SecItemDelete", "catch", "throw e", "finally", `NSLog("done")`},
			check: func(t *testing.T, f *model.File) {
				tr := oneOf[*model.Try](t, f)
				if len(tr.Body) != 1 || len(tr.Catches) != 1 || len(tr.Finally) != 1 {
					t.Errorf("try %d/%d/%d", len(tr.Body), len(tr.Catches), len(tr.Finally))
				}
			},
		},
		{
			name: "Objective-C: @autoreleasepool and nested blocks",
			ext:  "m",
			src: `void f(NSDictionary *q) {
    @autoreleasepool {
        SecItemDelete((__bridge CFDictionaryRef)q);
    }
    {
        SecItemDelete((__bridge CFDictionaryRef)q);
    }
}`,
			check: func(t *testing.T, f *model.File) {
				if n := len(nodes[*model.SecItemCall](f)); n != 2 {
					t.Errorf("%d SecItem calls in\n%s", n, dumpFile(f))
				}
			},
		},
		{
			name: "C: goto and labels keep the labelled statement",
			ext:  "c",
			src: `OSStatus f(CFDictionaryRef q) {
    OSStatus status = SecItemDelete(q);
    if (status != errSecSuccess) goto fail;
    return 0;
fail:
    SecItemAdd(q, NULL);
    return status;
}`,
			dump: []string{"if status(status != errSecSuccess=0)", "return 0", "SecItemAdd(q)", "return status"},
		},
	})
}
