package report

import (
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

func TestPathAndText(t *testing.T) {
	for _, c := range []struct{ in, path, text string }{
		{"Sources/App/Keychain.swift", "Sources/App/Keychain.swift", "Sources/App/Keychain.swift"},
		{"dir with spaces/Ünïcode 🔑.swift", "dir with spaces/Ünïcode 🔑.swift", "dir with spaces/Ünïcode 🔑.swift"},
		{`back\slash "and" quotes.swift`, `back\slash "and" quotes.swift`, `back\slash "and" quotes.swift`},
		{"a\n::error file=a.swift,line=1::forged\n.swift", `"a\n::error file=a.swift,line=1::forged\n.swift"`, `a\n::error file=a.swift,line=1::forged\n.swift`},
		{"cr\r.swift", `"cr\r.swift"`, `cr\r.swift`},
		{"\x1b[31mred.swift", `"\x1b[31mred.swift"`, `\x1b[31mred.swift`},
		{"tab\t\x00\x7f.swift", `"tab\t\x00\x7f.swift"`, `tab\t\x00\x7f.swift`},
		{"c1\u0085\u009b.swift", `"c1\u0085\u009b.swift"`, `c1\u0085\u009b.swift`},
		{"sep\u2028bidi\u202e.swift", `"sep\u2028bidi\u202e.swift"`, `sep\u2028bidi\u202e.swift`},
		{"bad\xff\xfe.swift", `"bad\xff\xfe.swift"`, `bad\xff\xfe.swift`},
		{"::error file=x::pwned.swift", `"::error file=x::pwned.swift"`, "::error file=x::pwned.swift"},
		{`"quoted".swift`, `"\"quoted\".swift"`, `"quoted".swift`},
		{"dir/::x.swift", "dir/::x.swift", "dir/::x.swift"},
		// The runner skips white space before "::", and reads "##[cmd]"
		// (Azure Pipelines "##vso[cmd]") anywhere in a line.
		{"  ::warning::x.swift", `"  ::warning::x.swift"`, "  ::warning::x.swift"},
		{":", `":"`, ":"},
		{" :x.swift", `" :x.swift"`, " :x.swift"},
		{"dir/##[error]forged.swift", `"dir/#\x23[error]forged.swift"`, `dir/#\x23[error]forged.swift`},
		{"a##vso[task.logissue type=error]b.swift", `"a#\x23vso[task.logissue type=error]b.swift"`, `a#\x23vso[task.logissue type=error]b.swift`},
		{`\##[x`, `"\\#\x23[x"`, `\#\x23[x`},
	} {
		if got := Path(c.in); got != c.path {
			t.Errorf("Path(%q) = %s, want %s", c.in, got, c.path)
		}
		if got := Text(c.in); got != c.text {
			t.Errorf("Text(%q) = %s, want %s", c.in, got, c.text)
		}
		// A quoted path reads back as the path.
		if p := Path(c.in); strings.HasPrefix(p, `"`) {
			if back, err := strconv.Unquote(p); err != nil || back != c.in {
				t.Errorf("Path(%q) = %s does not unquote to the path: %q, %v", c.in, p, back, err)
			}
		}
		for _, out := range []string{Path(c.in), Text(c.in)} {
			for _, r := range out {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffd {
					t.Errorf("%q: output %q has the raw rune %U", c.in, out, r)
				}
			}
		}
	}
}

// TestWriteTextEscapes checks that every user-controlled part of a text
// line (the paths, the message, a related location's message, a
// suppression's reason) is escaped, so a finding stays one line.
func TestWriteTextEscapes(t *testing.T) {
	pos := func(file string, line int) token.Position {
		return token.Position{Filename: file, Line: line, Column: 1}
	}
	f := Finding{
		Diagnostic: driver.Diagnostic{
			Rule: "deletelimit", Severity: driver.Error, Pos: pos("a\n::error::x.swift", 3),
			Message: "the key \"k\x1b[2J\" is\nwrong\u0085",
			Related: []driver.Related{{Pos: pos("::b.swift", 1), Message: "here\r::warning::y"}},
		},
		Suppression: &Suppression{Justification: "because\x07 \xff"},
	}
	var b strings.Builder
	if err := WriteText(&b, []Finding{f}); err != nil {
		t.Fatal(err)
	}
	want := `"a\n::error::x.swift":3:1: note: suppressed (because\a \xff): the key "k\x1b[2J" is\nwrong\u0085 [deletelimit]` + "\n" +
		`"::b.swift":1:1: note: here\r::warning::y [deletelimit]` + "\n"
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant\n%s", b.String(), want)
	}
}
