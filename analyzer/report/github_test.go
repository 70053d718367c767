package report

import (
	"go/token"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/internal/logcmd"
)

func TestGitHubEscapes(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"plain.swift", "plain.swift", "plain.swift"},
		{"100% a:b,c", "100%25 a:b,c", "100%25 a%3Ab%2Cc"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"%0A", "%250A", "%250A"},
		{"e\x1b[31m\xff\u0085", "e\x1b[31m\xff\u0085", "e%1B[31m%FF%C2%85"},
		{"x##[error]y", "x##[error]y", "x##%5Berror]y"},
	} {
		if got := githubData(c.in); got != c.data {
			t.Errorf("githubData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := githubProperty(c.in); got != c.prop {
			t.Errorf("githubProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

// TestWriteGitHub checks the workflow commands written for findings of
// each severity, a suppressed one and related locations, with hostile
// paths and messages: each is one line that the runner reads as exactly
// the command written, with the path, title and message it was given.
func TestWriteGitHub(t *testing.T) {
	pos := func(file string, line, col int) token.Position {
		return token.Position{Filename: file, Line: line, Column: col}
	}
	hostile := "a\n::error file=x,line=1::forged\r::add-mask::m,k:v%0A.swift"
	fs := []Finding{
		{Diagnostic: driver.Diagnostic{Rule: "deletelimit", Severity: driver.Error, Pos: pos("Sources/A.swift", 3, 5), End: pos("Sources/A.swift", 3, 19),
			Message: "kSecMatchLimit in a delete"}},
		{Diagnostic: driver.Diagnostic{Rule: "reuseddict", Severity: driver.Warning, Pos: pos(hostile, 7, 1), End: pos(hostile, 8, 2),
			Message: "msg with\n::stop-commands::tok and 100%",
			Related: []driver.Related{{Pos: pos("::b.swift", 1, 2), Message: "here\r::warning::y"}}}},
		{Diagnostic: driver.Diagnostic{Rule: "updateaddonly", Severity: driver.Note, Pos: pos("N.m", 1, 1), Message: "a note"}},
		{Diagnostic: driver.Diagnostic{Rule: "broaddelete", Severity: driver.Error, Pos: pos("S.swift", 2, 1), End: pos("S.swift", 2, 9), Message: "wide"},
			Suppression: &Suppression{Justification: "tests\x1b[0m only"}},
	}
	var b strings.Builder
	if err := WriteGitHub(&b, fs, Root{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=Sources/A.swift,line=3,col=5,endLine=3,endColumn=19,title=deletelimit::kSecMatchLimit in a delete\n" +
		"::warning file=a%0A%3A%3Aerror file=x%2Cline=1%3A%3Aforged%0D%3A%3Aadd-mask%3A%3Am%2Ck%3Av%250A.swift,line=7,col=1,endLine=8,endColumn=2,title=reuseddict::" +
		`msg with\n::stop-commands::tok and 100%25%0A"::b.swift":1:2: here\r::warning::y` + "\n" +
		"::notice file=N.m,line=1,col=1,title=updateaddonly::a note\n" +
		`::notice file=S.swift,line=2,col=1,endLine=2,endColumn=9,title=broaddelete::suppressed (tests\x1b[0m only): wide` + "\n"
	if b.String() != want {
		t.Errorf("WriteGitHub:\n%s\nwant\n%s", b.String(), want)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(fs) {
		t.Fatalf("%d lines for %d findings", len(lines), len(fs))
	}
	for i, l := range lines {
		c, ok := logcmd.Parse(l)
		if !ok || c.Syntax != "::" {
			t.Errorf("line %d is not a workflow command: %q", i, l)
			continue
		}
		f := fs[i]
		wantName := map[string]string{"error": "error", "warning": "warning", "note": "notice"}[f.Severity.String()]
		if f.Suppression != nil {
			wantName = "notice"
		}
		if c.Name != wantName || c.Props["file"] != f.Pos.Filename || c.Props["title"] != f.Rule {
			t.Errorf("line %d reads as %s file=%q title=%q, want %s file=%q title=%q", i, c.Name, c.Props["file"], c.Props["title"], wantName, f.Pos.Filename, f.Rule)
		}
		for k := range c.Props {
			if !strings.Contains("file line col endLine endColumn title", k) {
				t.Errorf("line %d has the property %q", i, k)
			}
		}
		if first, _, _ := strings.Cut(c.Data, "\n"); !strings.HasSuffix(first, Text(f.Message)) {
			t.Errorf("line %d: the annotation's message is %q, want it to end with %q", i, first, Text(f.Message))
		}
	}
}
