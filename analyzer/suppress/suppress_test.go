package suppress_test

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/swiftparse"
)

var known = map[string]bool{"deletelimit": true, "unsupportedattr": true, "broaddelete": true}

func opts() suppress.Options {
	return suppress.Options{
		Known: func(r string) bool { return known[r] },
		URL:   func(r string) string { return "https://example.com/" + r },
	}
}

func parse(t *testing.T, path, src string) *model.File {
	t.Helper()
	f, err := swiftparse.ParseFile(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// at is a diagnostic of rule at the first occurrence of marker in f.
func at(t *testing.T, f *model.File, rule, marker string) driver.Diagnostic {
	t.Helper()
	off := strings.Index(string(f.Src), marker)
	if off < 0 {
		t.Fatalf("%q not in %s", marker, f.Path)
	}
	line := strings.Count(string(f.Src[:off]), "\n") + 1
	col := off - strings.LastIndex(string(f.Src[:off]), "\n")
	pos := token.Position{Filename: f.Path, Offset: off, Line: line, Column: col}
	end := pos
	end.Offset += len(marker)
	end.Column += len(marker)
	return driver.Diagnostic{Rule: rule, Severity: driver.Error, Pos: pos, End: end, Message: rule + " at " + marker}
}

func describe(ds []driver.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s:%d: [%s] %s\n", d.Pos.Filename, d.Pos.Line, d.Rule, d.Message)
	}
	return b.String()
}

const swiftSrc = `import Security

func a() {
    // keychainlint:ignore deletelimit -- the macOS file keychain needs the limit here
    let q1 = [kSecMatchLimit: kSecMatchLimitAll] // FINDING1
    let q2 = [kSecMatchLimit: kSecMatchLimitAll, 2: 2] // keychainlint:ignore deletelimit -- trailing
    // keychainlint:ignore deletelimit
    let q3 = [kSecMatchLimit: kSecMatchLimitAll] // FINDING3
    /* keychainlint:ignore unsupportedattr,deletelimit -- block comment, two rules */
    let q4 = [kSecMatchLimit: kSecMatchLimitAll] // FINDING4
    // keychainlint:ignore deletelimit -- too far above

    let q5 = [kSecMatchLimit: kSecMatchLimitAll] // FINDING5
    // keychainlint:ignore broaddelete -- nothing to silence here
    let q6 = 1
}
`

func TestLineSuppressions(t *testing.T) {
	f := parse(t, "A.swift", swiftSrc)
	diags := []driver.Diagnostic{
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll] // FINDING1"),
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll, 2: 2]"),
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll] // FINDING3"),
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll] // FINDING4"),
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll] // FINDING5"),
		at(t, f, "unsupportedattr", "kSecMatchLimit: kSecMatchLimitAll] // FINDING1"), // another rule: not silenced
	}
	out := suppress.Apply([]*model.File{f}, diags, opts())

	var silenced []string
	for _, s := range out.Suppressed {
		silenced = append(silenced, s.Message)
		if s.By.Reason == "" {
			t.Errorf("%s silenced by a directive without a reason", s.Message)
		}
	}
	want := []string{
		"deletelimit at kSecMatchLimit: kSecMatchLimitAll] // FINDING1", // the line above, with a reason
		"deletelimit at kSecMatchLimit: kSecMatchLimitAll, 2: 2]",       // the same line (trailing comment)
		"deletelimit at kSecMatchLimit: kSecMatchLimitAll] // FINDING4", // /* */, two rules
	}
	if !slices.Equal(silenced, want) {
		t.Errorf("suppressed:\n%s\nwant:\n%s", strings.Join(silenced, "\n"), strings.Join(want, "\n"))
	}
	if s := out.Suppressed[0]; s.By.Reason != "the macOS file keychain needs the limit here" || s.By.Pos.Line != 4 || s.By.FileLevel {
		t.Errorf("directive of FINDING1: %+v", s.By)
	}

	// Kept: FINDING3 (directive without a reason), FINDING5 (blank line in
	// between), the other rule's finding, and the pseudo-rules' findings.
	got := describe(out.Kept)
	for _, want := range []string{
		"A.swift:5: [unsupportedattr] unsupportedattr at",
		"A.swift:7: [badignore] keychainlint:ignore without a reason does not suppress anything",
		"A.swift:8: [deletelimit] deletelimit at kSecMatchLimit: kSecMatchLimitAll] // FINDING3",
		"A.swift:9: [unusedignore] keychainlint:ignore unsupportedattr suppresses nothing: there is no unsupportedattr finding on this line or the next",
		"A.swift:11: [unusedignore] keychainlint:ignore deletelimit suppresses nothing",
		"A.swift:13: [deletelimit] deletelimit at kSecMatchLimit: kSecMatchLimitAll] // FINDING5",
		"A.swift:14: [unusedignore] keychainlint:ignore broaddelete suppresses nothing",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("kept findings lack %q:\n%s", want, got)
		}
	}
	if n := len(out.Kept); n != 7 {
		t.Errorf("%d kept findings, want 7:\n%s", n, got)
	}
	for _, d := range out.Kept {
		if d.Rule == suppress.Unused || d.Rule == suppress.Bad {
			if d.Severity != driver.Warning || d.URL != "https://example.com/"+d.Rule || d.End.Offset <= d.Pos.Offset {
				t.Errorf("pseudo-rule finding %+v", d)
			}
			if !strings.HasPrefix(string(f.Src[d.Pos.Offset:]), "//") && !strings.HasPrefix(string(f.Src[d.Pos.Offset:]), "/*") {
				t.Errorf("%s does not point at the directive's comment: %q", d.Message, f.Src[d.Pos.Offset:d.End.Offset])
			}
		}
	}
	// Sorted by position.
	if !slices.IsSortedFunc(out.Kept, func(a, b driver.Diagnostic) int { return a.Pos.Offset - b.Pos.Offset }) {
		t.Errorf("kept findings not sorted:\n%s", got)
	}
}

func TestFileSuppressions(t *testing.T) {
	f := parse(t, "B.swift", `import Security
func a() {
    let q1 = [kSecMatchLimit: kSecMatchLimitAll]
    SecItemDelete(q1 as CFDictionary)
}
/* keychainlint:file-ignore deletelimit -- this file only builds for macOS */
func b() {
    let q2 = [kSecMatchLimit: kSecMatchLimitAll]
}
// keychainlint:file-ignore broaddelete -- nothing of it here
`)
	g := parse(t, "C.swift", "import Security\nlet q = [kSecMatchLimit: 1]\n")
	diags := []driver.Diagnostic{
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll]\n    SecItemDelete"), // before the directive
		at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll]\n}"),
		at(t, f, "unsupportedattr", "SecItemDelete"),
		at(t, g, "deletelimit", "kSecMatchLimit"), // another file
	}
	out := suppress.Apply([]*model.File{f, g}, diags, opts())
	if len(out.Suppressed) != 2 || !out.Suppressed[0].By.FileLevel || out.Suppressed[0].By.Reason != "this file only builds for macOS" {
		t.Errorf("suppressed %+v", out.Suppressed)
	}
	got := describe(out.Kept)
	want := "B.swift:4: [unsupportedattr] unsupportedattr at SecItemDelete\n" +
		"B.swift:10: [unusedignore] keychainlint:file-ignore broaddelete suppresses nothing: there is no broaddelete finding in this file; remove broaddelete from the directive (or the directive)\n" +
		"C.swift:2: [deletelimit] deletelimit at kSecMatchLimit\n"
	if got != want {
		t.Errorf("kept:\n%s\nwant:\n%s", got, want)
	}
}

// TestLanguages checks directives in Objective-C and C files, in // and
// /* */ comments, and doc-comment markers.
func TestLanguages(t *testing.T) {
	for _, tc := range []struct{ path, src string }{
		{"D.m", "#import <Security/Security.h>\nvoid f(void) {\n    /* keychainlint:ignore deletelimit -- ObjC block */\n    NSDictionary *q = @{(__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitAll}; // FINDING\n}\n"},
		{"E.m", "#import <Security/Security.h>\nvoid f(void) {\n    // keychainlint:ignore deletelimit -- ObjC line\n    NSDictionary *q = @{(__bridge id)kSecMatchLimit: (__bridge id)kSecMatchLimitAll}; // FINDING\n}\n"},
		{"F.c", "#include <Security/Security.h>\nvoid f(void) {\n    /** keychainlint:ignore deletelimit -- C doc comment */\n    CFTypeRef k = kSecMatchLimit; // FINDING\n}\n"},
		{"G.c", "#include <Security/Security.h>\n// keychainlint:file-ignore deletelimit -- C file level\nvoid f(void) {\n    CFTypeRef k = kSecMatchLimit; // FINDING\n}\n"},
		{"H.swift", "import Security\n/// keychainlint:ignore deletelimit -- Swift doc comment\nlet k = kSecMatchLimit // FINDING\n"},
		{"I.swift", "import Security\nlet k = kSecMatchLimit /* keychainlint:ignore deletelimit -- trailing block */\n"},
		{"J.swift", "import Security\n/*\n keychainlint:ignore deletelimit --\n   a reason on\n   several lines\n */\nlet k = kSecMatchLimit\n"},
	} {
		f := parse(t, tc.path, tc.src)
		out := suppress.Apply([]*model.File{f}, []driver.Diagnostic{at(t, f, "deletelimit", "kSecMatchLimit")}, opts())
		if len(out.Suppressed) != 1 || len(out.Kept) != 0 {
			t.Errorf("%s: suppressed %d, kept:\n%s(comments: %+v)", tc.path, len(out.Suppressed), describe(out.Kept), f.Comments)
		}
		if tc.path == "J.swift" && len(out.Suppressed) == 1 && out.Suppressed[0].By.Reason != "a reason on several lines" {
			t.Errorf("reason of a multi-line directive: %q", out.Suppressed[0].By.Reason)
		}
	}
}

func TestBadDirectives(t *testing.T) {
	f := parse(t, "K.swift", `import Security
// keychainlint:ignroe deletelimit -- typo
// keychainlint:ignore -- no rule
// keychainlint:ignore nosuchrule,deletelimit -- one unknown rule
let k = kSecMatchLimit
// keychainlint: this is prose, not a directive
// Mentions keychainlint:ignore in a sentence.
/* keychainlint:file-ignore */
// keychainlint:ignore unusedignore -- silences the report below
// keychainlint:ignore broaddelete -- unused
`)
	out := suppress.Apply([]*model.File{f}, []driver.Diagnostic{at(t, f, "deletelimit", "kSecMatchLimit")}, opts())
	got := describe(out.Kept)
	want := "K.swift:2: [badignore] unknown directive keychainlint:ignroe: use keychainlint:ignore RULE -- reason, or keychainlint:file-ignore RULE -- reason\n" +
		"K.swift:3: [badignore] keychainlint:ignore names no rule: write keychainlint:ignore RULE[,RULE] -- reason\n" +
		"K.swift:4: [badignore] keychainlint:ignore names \"nosuchrule\", which is not a rule (see keychainlint rules)\n" +
		"K.swift:8: [badignore] keychainlint:file-ignore names no rule: write keychainlint:file-ignore RULE[,RULE] -- reason\n"
	if got != want {
		t.Errorf("kept:\n%s\nwant:\n%s", got, want)
	}
	// The known rule of line 4 still applies; line 10's unusedignore is
	// silenced by line 9 (which is not itself reported unused).
	if len(out.Suppressed) != 2 || out.Suppressed[0].Rule != "deletelimit" || out.Suppressed[1].Rule != suppress.Unused {
		t.Errorf("suppressed: %+v", out.Suppressed)
	}
}

func TestDocs(t *testing.T) {
	for _, p := range suppress.PseudoRules {
		if !strings.Contains(suppress.DocGo, "# Analyzer "+p.Name+"\n") {
			t.Errorf("doc.go has no section for %s", p.Name)
		}
	}
}

// A directive for a finding that was folded into another rule's finding
// (one bug, one finding) is in use: it is not reported unused, and it does
// not silence the finding that was kept.
func TestFoldedFindingKeepsDirectiveInUse(t *testing.T) {
	f := parse(t, "F.swift", `import Security
func a() {
    // keychainlint:ignore deletelimit -- the macOS file keychain needs the limit here
    let q = [kSecMatchLimit: kSecMatchLimitAll] // KEY
    SecItemDelete(q as CFDictionary) // CALL
}
`)
	key := at(t, f, "deletelimit", "kSecMatchLimit: kSecMatchLimitAll] // KEY")
	kept := at(t, f, "reuseddict", "SecItemDelete(q as CFDictionary) // CALL")
	kept.Folded = []driver.Folded{{Rule: "deletelimit", Pos: key.Pos}}
	out := suppress.Apply([]*model.File{f}, []driver.Diagnostic{kept}, suppress.Options{
		Known: func(r string) bool { return r == "deletelimit" || r == "reuseddict" },
		URL:   func(r string) string { return "https://example.com/" + r },
	})
	if len(out.Suppressed) != 0 {
		t.Errorf("suppressed %s, want nothing", describe([]driver.Diagnostic{out.Suppressed[0].Diagnostic}))
	}
	if got := describe(out.Kept); got != "F.swift:5: [reuseddict] reuseddict at SecItemDelete(q as CFDictionary) // CALL\n" {
		t.Errorf("kept:\n%s\nwant only the reuseddict finding (no unusedignore)", got)
	}
}
