package report

import (
	"bytes"
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
// other format characters), and bytes that are not valid UTF-8 (\xff);
// and the log command markers "##[" and "##vso[" are broken up. JSON and
// SARIF need only the latter: encoding/json escapes control characters
// already, and a JSON log printed in a CI log must not forge commands
// either.

// Path returns a file path as the text output prints it. A path whose
// runes are all printable, that begins neither with a double quote nor
// (after spaces) with ":", and that holds no log command marker, is
// printed unchanged, so that Xcode and editors still read
// "path:line:column:". Any other path is printed quoted as Go's
// strconv.Quote does ("dir/a\nb.swift", "\"q.swift", "::x.swift" in
// quotes), with the markers broken up (see Text): a printed path that
// begins with a double quote is always a quoted one, and strconv.Unquote
// reads it back. A leading ":" is quoted because GitHub Actions reads a
// line that begins with "::" (spaces before it are skipped) as a workflow
// command, and text lines begin with the path and a colon (the path ":"
// makes a line begin "::1:1: ...").
func Path(p string) string {
	if !needsEscape(p) && !hasMarker(p) && !strings.HasPrefix(p, `"`) && !strings.HasPrefix(strings.TrimLeft(p, " "), ":") {
		return p
	}
	return breakMarkers(strconv.Quote(p))
}

// Log command markers: the GitHub Actions runner also reads the older
// "##[command]data" syntax anywhere in a line, not only at its start
// (and Azure Pipelines reads "##vso[command]data" so), so a file name or
// a quoted line of source holding "##[error]" would forge an annotation
// from the middle of a finding. Text and Path write the second "#" as
// \x23, which strconv.Unquote reads back; the JSON and SARIF writers
// write the "[" as \u005b, which JSON decoders read back.
var markers = []string{"##[", "##vso["}

func hasMarker(s string) bool {
	for _, m := range markers {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

var markerBreaker = strings.NewReplacer("##[", `#\x23[`, "##vso[", `#\x23vso[`)

func breakMarkers(s string) string {
	if !hasMarker(s) {
		return s
	}
	return markerBreaker.Replace(s)
}

var jsonMarkers = [][2][]byte{{[]byte("##["), []byte(`##\u005b`)}, {[]byte("##vso["), []byte(`##vso\u005b`)}}

// breakJSONMarkers rewrites the log command markers in encoded JSON. They
// can only occur inside strings ("#" is not JSON syntax), where "\u005b"
// means "[".
func breakJSONMarkers(data []byte) []byte {
	for _, m := range jsonMarkers {
		if bytes.Contains(data, m[0]) {
			data = bytes.ReplaceAll(data, m[0], m[1])
		}
	}
	return data
}

// Text returns free text (a message, a reason, an error) with every
// unprintable rune and invalid byte escaped in place, Go style (\n, \r,
// \x1b, \u0085, \xff), and the log command markers "##[" and "##vso["
// broken up (#\x23[), without surrounding quotes; other printable text,
// backslashes and quotes included, is unchanged.
func Text(s string) string {
	if !needsEscape(s) {
		return breakMarkers(s)
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
	return breakMarkers(b.String())
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
