package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Untrusted text — file names, and messages that quote source code or a
// suppression's reason — goes through Path or Text before it is written
// to a terminal or a log (the text output and every line on stderr), so
// that a hostile file name cannot start a line of its own (a forged
// finding, or a GitHub Actions workflow command such as
// "::error file=…::"), move the cursor or recolour the terminal.
//
// The characters escaped are those Go's %q escapes: every rune that
// strconv.IsPrint rejects (C0 controls such as \n, \r, \t and \x1b, DEL,
// C1 controls such as \u0085, the line and paragraph separators, bidi and
// other format characters), and bytes that are not valid UTF-8 (\xff).
// JSON and SARIF need none of this: encoding/json escapes them already.

// Path returns a file path as the text output prints it. A path whose
// runes are all printable, and that begins neither with a double quote
// nor with "::", is printed unchanged, so that Xcode and editors still
// read "path:line:column:". Any other path is printed quoted as Go's
// strconv.Quote does ("dir/a\nb.swift", "\"q.swift", "::x.swift" in
// quotes): a printed path that begins with a double quote is always a
// quoted one. A leading "::" is quoted because GitHub Actions reads a
// line that begins with "::" as a workflow command, and text lines begin
// with the path.
func Path(p string) string {
	if !needsEscape(p) && !strings.HasPrefix(p, `"`) && !strings.HasPrefix(p, "::") {
		return p
	}
	return strconv.Quote(p)
}

// Text returns free text (a message, a reason, an error) with every
// unprintable rune and invalid byte escaped in place, Go style (\n, \r,
// \x1b, \u0085, \xff), without surrounding quotes; printable text,
// backslashes and quotes included, is unchanged.
func Text(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&0xf, 16))
		case strconv.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u0085'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether s has an unprintable rune or invalid UTF-8.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			return true
		}
		i += size
	}
	return false
}
