package gitdiff_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/gitdiff"
)

// gitQuote writes a path as git does in diff headers with
// core.quotePath=false (what gitdiff.Changed runs git with): unchanged,
// unless it holds a double quote, a backslash or a control character; then
// C-quoted, with \a \b \t \n \v \f \r \" \\ and three-digit octal for
// the other controls, and every other byte (UTF-8 or not) as it is.
func gitQuote(p string) string {
	if !strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '"' || r == '\\' }) {
		return p
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(&b, `\%03o`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// gitDiffOf renders the diff git prints for one hunk of a file: the names
// quoted with their a/ and b/ prefixes inside the quotes, and a tab after
// the names on the ---/+++ lines when they hold a space.
func gitDiffOf(name string, start, count int) string {
	a, b := gitQuote("a/"+name), gitQuote("b/"+name)
	tab := ""
	if strings.Contains(name, " ") {
		tab = "\t"
	}
	var s strings.Builder
	fmt.Fprintf(&s, "diff --git %s %s\nindex 1111111..2222222 100644\n--- %s%s\n+++ %s%s\n", a, b, a, tab, b, tab)
	fmt.Fprintf(&s, "@@ -%d,0 +%d,%d @@ func f() {\n", max(start-1, 0), start, count)
	for range count {
		s.WriteString("+++ added text, not a header\n")
	}
	return s.String()
}

// FuzzParse feeds the diff parser the diff git writes for a file of any
// name (quoted as git quotes it, followed by any bytes): that file's hunk
// always reads back exactly, under its exact name, and whatever follows
// never makes the parser panic or report an empty range.
func FuzzParse(f *testing.F) {
	f.Add("A.swift", uint16(3), uint8(2), []byte(""))
	f.Add("Sp ace/\u00dc.swift", uint16(1), uint8(1), []byte("diff --git a/x b/x\n+++ b/x\n@@ -1 +1 @@\n"))
	f.Add("quote\"and\\back slash.swift", uint16(10), uint8(3), []byte("@@ -1 +2,0 @@\n"))
	f.Add("new\nline ::error::x.swift", uint16(7), uint8(1), []byte("+++ b/y\n@@ malformed\n"))
	f.Add("tab\there.m", uint16(1), uint8(0), []byte("\x00\xff"))
	f.Add("bad\xff\xfe name.swift", uint16(2), uint8(4), []byte("diff --git \"a/q\" \"b/q\"\n+++ \"b/\\303\\234 x\"\t\n@@ -0,0 +1,2 @@\n"))
	f.Add("ctl\x01\x1b\x7f.swift", uint16(5), uint8(1), []byte("+++ \"b/unterminated\n"))
	f.Fuzz(func(t *testing.T, name string, start uint16, count uint8, tail []byte) {
		if name == "" || strings.ContainsRune(name, 0) {
			return // not a path git can have
		}
		diff := gitDiffOf(name, int(start)+1, int(count))
		got, err := gitdiff.Parse(strings.NewReader(diff))
		if err != nil {
			t.Fatalf("the diff git writes for %q: %v\n%s", name, err, diff)
		}
		want := map[string][]gitdiff.Range{}
		if count > 0 {
			want[name] = []gitdiff.Range{{Start: int(start) + 1, Count: int(count)}}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the diff git writes for %q reads back as %v, want %v\n%s", name, got, want, diff)
		}
		got, err = gitdiff.Parse(strings.NewReader(diff + string(tail)))
		if err != nil {
			return // a malformed tail may fail the parse
		}
		if count > 0 && (len(got[name]) == 0 || got[name][0] != want[name][0]) {
			t.Errorf("with %q after it, the hunk of %q reads back as %v", tail, name, got[name])
		}
		for file, rs := range got {
			for _, r := range rs {
				if r.Count <= 0 {
					t.Errorf("%q: the empty range %v", file, r)
				}
			}
		}
	})
}
