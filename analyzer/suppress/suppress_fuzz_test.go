package suppress_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// FuzzParse reads the suppression directives of any source, in Swift and
// in Objective-C: directives lie in the file, name known rules once each,
// keep their reason with white space collapsed, and badignore findings
// point into the file. A directive written with a fuzzed reason silences
// the finding on its own line and the next, and nothing else; without a
// reason it silences nothing and is reported.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"// keychainlint:ignore deletelimit -- why\nSecItemDelete(q)\n",
		"/* keychainlint:file-ignore unsupportedattr,deletelimit -- macOS only */",
		"/** keychainlint:ignore bogus,deletelimit */ x // keychainlint:ignore\n//! keychainlint:frob -- x\n",
		"// keychainlint: see the README\n/*keychainlint:ignore   deletelimit\t--   a  b */",
		"// keychainlint:ignore deletelimit -- \x1b[31mred\r\n// keychainlint:ignore deletelimit -- a\u2028b\n",
		"/* keychainlint:ignore deletelimit -- unterminated",
	} {
		f.Add([]byte(s), "reason", false)
		f.Add([]byte(s), "  two  words -- and dashes ", true)
	}
	f.Add([]byte(strings.Repeat("{", 2000)+"// keychainlint:ignore deletelimit -- deep\n"), "\x00\xff", true)
	f.Add([]byte(""), "::error file=x::forged", false)
	known := func(r string) bool { return r == "deletelimit" || r == "unsupportedattr" }
	url := func(string) string { return "" }
	f.Fuzz(func(t *testing.T, src []byte, reason string, objc bool) {
		path := "fuzz.swift"
		if objc {
			path = "fuzz.m"
		}
		file, err := swiftparse.ParseFile(path, src)
		if err != nil {
			t.Fatal(err)
		}
		dirs, bad := suppress.Parse(file, known, url)
		for _, d := range dirs {
			if d.Span.Start < 0 || d.Span.End > len(src) || d.Span.Start > d.Span.End || d.Pos.Line > d.End.Line {
				t.Errorf("directive at %v (lines %d-%d) outside the file of %d bytes", d.Span, d.Pos.Line, d.End.Line, len(src))
			}
			if d.Reason != strings.Join(strings.Fields(d.Reason), " ") {
				t.Errorf("reason %q not collapsed", d.Reason)
			}
			for i, r := range d.Rules {
				if !known(r) || slices.Contains(d.Rules[:i], r) {
					t.Errorf("rules %q: %q unknown or named twice", d.Rules, r)
				}
			}
		}
		for _, b := range bad {
			if b.Rule != suppress.Bad || b.Pos.Filename != path || b.Pos.Offset < 0 || b.Pos.Offset > len(src) || b.End.Offset < b.Pos.Offset || b.End.Offset > len(src) {
				t.Errorf("badignore finding %+v does not point into the file", b)
			}
		}

		// A directive with the fuzzed reason, above a call.
		if strings.ContainsAny(reason, "\n\r") || strings.Contains(reason, "*/") {
			return
		}
		comment := "// keychainlint:ignore deletelimit -- " + reason
		if objc {
			comment = "/* keychainlint:ignore deletelimit -- " + reason + " */"
		}
		body := fmt.Sprintf("void f(void) {\n    %s\n    SecItemDelete(q);\n    SecItemDelete(q);\n}\n", comment)
		if !objc {
			body = fmt.Sprintf("func f() {\n    %s\n    SecItemDelete(q)\n    SecItemDelete(q)\n}\n", comment)
		}
		file, err = swiftparse.ParseFile(path, []byte(body))
		if err != nil {
			t.Fatal(err)
		}
		var mine []*suppress.Directive
		dirs, _ = suppress.Parse(file, known, url)
		for _, d := range dirs {
			if d.Pos.Line == 2 {
				mine = append(mine, d)
			}
		}
		if len(file.Comments) == 0 || !strings.Contains(file.Comments[0].Text, "keychainlint:ignore deletelimit -- "+reason) {
			// The fuzzed reason broke the comment: tree-sitter ends a
			// comment at a NUL byte, say. The directive then has less of
			// a reason, or none and is reported: nothing more to check.
			return
		}
		if len(mine) != 1 {
			t.Fatalf("%d directives on line 2 of\n%s", len(mine), body)
		}
		d := mine[0]
		if want := strings.Join(strings.Fields(reason), " "); d.Reason != want {
			t.Errorf("reason %q, want %q\n%s", d.Reason, want, body)
		}
		for line, covered := range map[int]bool{1: false, 2: d.Reason != "", 3: d.Reason != "", 4: false} {
			if got := d.Covers("deletelimit", line); got != covered {
				t.Errorf("directive with reason %q covers line %d: %v, want %v\n%s", d.Reason, line, got, covered, body)
			}
		}
		if d.Covers("unsupportedattr", 3) {
			t.Errorf("the directive covers a rule it does not name")
		}
	})
}
