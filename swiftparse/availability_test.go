package swiftparse_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Each case marks a point with /*@*/ (or a call of mark) and says what the availability
// checks around it mean for iOS and macOS.
func TestAvailabilityRegions(t *testing.T) {
	type want struct {
		runs      bool
		below     string // "" for no bound
		atLeast   string
		oldUnk    bool
		deprecOK  bool
		symbolSet bool
	}
	for _, tc := range []struct {
		name, path, src string
		ios, mac        want
	}{
		{"swift else of #available", "a.swift", `func f() { if #available(iOS 9.0, *) { a() } else { /*@*/b() } }`,
			want{runs: true, below: "9.0"}, want{runs: false}},
		{"swift then of #available", "a.swift", `func f() { if #available(iOS 9.0, macOS 10.11, *) { /*@*/a() } else { b() } }`,
			want{runs: true, atLeast: "9.0"}, want{runs: true, atLeast: "10.11"}},
		{"swift compound condition: else unknown", "a.swift", `func f() { if #available(iOS 9.0, *), let x = y { a() } else { /*@*/b() } }`,
			want{runs: true}, want{runs: true}},
		{"swift guard else", "a.swift", `func f() { guard #available(macOS 10.13, *) else { /*@*/return } }`,
			want{runs: false}, want{runs: true, below: "10.13"}},
		{"swift after guard", "a.swift", "func f() {\n guard #available(iOS 11, *) else { return }\n mark()\n}",
			want{runs: true, atLeast: "11.0"}, want{runs: true}},
		{"swift #unavailable", "a.swift", `func f() { if #unavailable(iOS 11) { /*@*/a() } }`,
			want{runs: true, below: "11.0"}, want{runs: false}},
		{"swift @available on a declaration", "a.swift", "@available(iOS 9.0, *)\nlet x = /*@*/y",
			want{runs: true, atLeast: "9.0"}, want{runs: true}},
		{"swift deprecated declaration", "a.swift", "@available(*, deprecated)\nfunc f() { /*@*/a() }",
			want{runs: true, deprecOK: true}, want{runs: true, deprecOK: true}},
		{"swift Foundation version", "a.swift", `func f() { if NSFoundationVersionNumber < NSFoundationVersionNumber_iOS_9_0 { /*@*/a() } }`,
			want{runs: true, below: "9.0"}, want{runs: true, oldUnk: true}},
		{"objc @available else", "a.m", `void f(void) { if (@available(iOS 9.0, *)) { a(); } else { /*@*/b(); } }`,
			want{runs: true, below: "9.0"}, want{runs: false}},
		{"objc Foundation version number, older side", "a.m", `void f(void) { if (floor(NSFoundationVersionNumber) > floor(1144.17)) { a(); } else { /*@*/b(); } }`,
			want{runs: true, oldUnk: true}, want{runs: true, oldUnk: true}},
		{"objc Foundation version number, newer side", "a.m", `void f(void) { if (floor(NSFoundationVersionNumber) > floor(1144.17)) { /*@*/a(); } }`,
			want{runs: true}, want{runs: true}},
		{"objc weak symbol", "a.m", `void f(void) { if (&kSecUseAuthenticationUI != NULL) { a(); } else { /*@*/b(); } }`,
			want{runs: true, symbolSet: true}, want{runs: true, symbolSet: true}},
		{"objc respondsToSelector", "a.m", `void f(id c) { if ([c respondsToSelector:@selector(x)]) { a(); } else { /*@*/b(); } }`,
			want{runs: true, oldUnk: true}, want{runs: true, oldUnk: true}},
		{"objc deployment #if", "a.m", "void f(void) {\n#if __IPHONE_OS_VERSION_MIN_REQUIRED < 90000\n /*@*/a();\n#endif\n}",
			want{runs: true, below: "9.0"}, want{runs: true, oldUnk: true}},
		{"objc deployment #else", "a.m", "void f(void) {\n#if __MAC_OS_X_VERSION_MIN_REQUIRED >= 101100\n a();\n#else\n /*@*/b();\n#endif\n}",
			want{runs: true, oldUnk: true}, want{runs: true, below: "10.11"}},
		{"objc pragma", "a.m", "void f(void) {\n#pragma clang diagnostic push\n#pragma clang diagnostic ignored \"-Wdeprecated-declarations\"\n /*@*/a();\n#pragma clang diagnostic pop\n}",
			want{runs: true, deprecOK: true}, want{runs: true, deprecOK: true}},
		{"objc after pragma pop", "a.m", "void f(void) {\n#pragma clang diagnostic push\n#pragma clang diagnostic ignored \"-Wdeprecated-declarations\"\n a();\n#pragma clang diagnostic pop\n /*@*/b();\n}",
			want{runs: true}, want{runs: true}},
	} {
		off := strings.Index(tc.src, "/*@*/") + len("/*@*/")
		if !strings.Contains(tc.src, "/*@*/") {
			off = strings.Index(tc.src, "mark") // a comment there upsets the grammar
		}
		f, err := swiftparse.ParseFile(tc.path, []byte(tc.src))
		if err != nil {
			t.Fatal(err)
		}
		for _, pw := range []struct {
			p model.Platform
			w want
		}{{model.IOS, tc.ios}, {model.MacOS, tc.mac}} {
			b := f.AvailabilityAt(off, pw.p)
			got := want{runs: b.Runs, oldUnk: b.OldUnknown, deprecOK: f.DeprecationAllowedAt(off), symbolSet: len(b.Symbols) > 0}
			if b.HasBelow {
				got.below = b.Below.String()
			}
			if b.HasAtLeast {
				got.atLeast = b.AtLeast.String()
			}
			if got != pw.w {
				t.Errorf("%s, %v: got %+v, want %+v", tc.name, pw.p, got, pw.w)
			}
		}
	}
}
