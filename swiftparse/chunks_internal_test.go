package swiftparse

import (
	"strings"
	"testing"
)

// TestTopLevelChunks checks where a timed-out file is split: at each
// top-level declaration, never inside a body, a comment, a multi-line
// string, an Objective-C @implementation or preprocessor conditional, and
// never between a declaration and its attribute or return-type line; a
// chunk whose brackets do not balance is split at its column-0
// declarations whatever their depth.
func TestTopLevelChunks(t *testing.T) {
	for _, c := range []struct {
		name  string
		swift bool
		parts []string // the chunks, in order
	}{
		{"swift declarations", true, []string{
			"import Security\n\n",
			"func a() {\n    if x {\n    }\n}\n",
			"@available(iOS 13, *)\n@objc\nfunc b() {}\n",
			"class C {\nfunc unindented() {}\n}\n",
			"let s = \"\"\"\nfunc notADecl() {\n\"\"\"\n/* func inComment() {\n */\n",
			"let r = #\"{\"#\n",
			"struct S {}\n",
		}},
		{"swift continuation", true, []string{
			"let x = a +\nb\n",
			"let y = [\nz]\n",
		}},
		{"swift unbalanced", true, []string{
			"func a() {}\n",
			"func (){var q=[g:y]{t\n",
			"func b() {}\n    func indented() {}\n",
			"func c() {}\n",
		}},
		{"swift extra closers", true, []string{
			"func a() {}\n}}}\n",
			"func b() {}\n",
		}},
		{"swift closed later", true, []string{
			// The brackets balance again: one chunk, split only if its
			// parse gives up (splitAnyDepth).
			"func (){var q=[g:y]{t\nfunc b() {}\n}}\n",
			"func c() {}\n",
		}},
		{"objc", false, []string{
			"#import <Security/Security.h>\n",
			"static OSStatus\nhelper(void)\n{\n    return 0;\n}\n",
			"@implementation A\n- (void)m {\n}\nvoid inImpl(void) {}\n@end\n",
			"#if TARGET_OS_IPHONE\nvoid f(void) {}\n#endif\n",
			"#define X { \\\n  y }\n",
			"@protocol P;\n",
			"char c = '{';\n",
			"NSString *s = @\"{\";\n",
			"void g(void) {}\n",
		}},
	} {
		src := strings.Join(c.parts, "")
		var got []string
		for _, ch := range topLevelChunks([]byte(src), c.swift) {
			got = append(got, src[ch.start:ch.end])
		}
		if strings.Join(got, "|") != strings.Join(c.parts, "|") {
			t.Errorf("%s: chunks\n%q\nwant\n%q", c.name, got, c.parts)
		}
	}
}

// A file of more declarations than maxChunks is split into maxChunks
// chunks that cover it in order.
func TestTopLevelChunksAreBounded(t *testing.T) {
	src := strings.Repeat("func f() {}\n", 3*maxChunks+5)
	cs := topLevelChunks([]byte(src), true)
	if len(cs) > maxChunks || len(cs) < maxChunks/2 {
		t.Fatalf("%d chunks, want at most %d", len(cs), maxChunks)
	}
	at := 0
	for _, c := range cs {
		if c.start != at || c.end <= c.start {
			t.Fatalf("chunk %v does not follow %d", c, at)
		}
		at = c.end
	}
	if at != len(src) {
		t.Errorf("chunks end at %d of %d", at, len(src))
	}
}

// splitAnyDepth splits a chunk whose brackets balance at its column-0
// declarations, with offsets in the file.
func TestSplitAnyDepth(t *testing.T) {
	pre := "func a() {}\n"
	src := pre + "func (){var q=[g:y]{t\nfunc b() {}\n}}\n"
	var got []string
	for _, c := range splitAnyDepth([]byte(src), chunk{len(pre), len(src)}, true) {
		got = append(got, src[c.start:c.end])
	}
	if want := []string{"func (){var q=[g:y]{t\n", "func b() {}\n}}\n"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("chunks %q, want %q", got, want)
	}
}

// FuzzTopLevelChunks checks that the chunks of any input, and of any
// chunk split again, cover it in order without gaps, at most maxChunks.
func FuzzTopLevelChunks(f *testing.F) {
	f.Add([]byte("func a() {}\nfunc (){var q=[g:y]{t\nfunc b() {}\n"), true)
	f.Add([]byte("#if X\nvoid f(void) {}\n#endif\n@implementation A\n@end\nvoid g(void) {}\n"), false)
	f.Add([]byte("let s = #\"\"\"\n\"\"\"#\n/* /* */ */\nfunc c() {}\n"), true)
	f.Fuzz(func(t *testing.T, src []byte, swift bool) {
		check := func(cs []chunk, lo, hi int) {
			if len(cs) == 0 || len(cs) > maxChunks {
				t.Fatalf("%d chunks", len(cs))
			}
			at := lo
			for _, c := range cs {
				if c.start != at || c.end <= c.start && hi > lo {
					t.Fatalf("chunk %v after %d in [%d, %d)", c, at, lo, hi)
				}
				at = c.end
			}
			if at != hi {
				t.Fatalf("chunks end at %d, want %d", at, hi)
			}
		}
		cs := topLevelChunks(src, swift)
		check(cs, 0, len(src))
		for _, c := range cs {
			if c.end > c.start {
				check(splitAnyDepth(src, c, swift), c.start, c.end)
			}
		}
	})
}
