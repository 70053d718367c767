package report

import (
	"bytes"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Sources gives the writers the parsed files of a scan by path (the path
// diagnostics carry in token.Position.Filename), for snippets, UTF-16
// columns and enclosing functions.
type Sources map[string]*model.File

// NewSources indexes files by path.
func NewSources(files []*model.File) Sources {
	s := make(Sources, len(files))
	for _, f := range files {
		s[f.Path] = f
	}
	return s
}

// Src returns the source of a file, nil when the file is not known.
func (s Sources) Src(path string) []byte {
	if f := s[path]; f != nil {
		return f.Src
	}
	return nil
}

// Point is a position in UTF-16 terms: a 1-based line and a 1-based column
// counted in UTF-16 code units, as SARIF's columnKind utf16CodeUnits wants.
type Point struct {
	Line, Column int
}

// UTF16Point converts a byte offset in src to a line and a UTF-16 column.
// Lines end at "\n" (a "\r" before it belongs to the line break); an
// invalid UTF-8 byte counts as one code unit (it is read as U+FFFD).
// Offsets outside src are clamped.
func UTF16Point(src []byte, offset int) Point {
	offset = max(0, min(offset, len(src)))
	lineStart := bytes.LastIndexByte(src[:offset], '\n') + 1
	line := bytes.Count(src[:lineStart], []byte{'\n'}) + 1
	return Point{Line: line, Column: UTF16Len(src[lineStart:offset]) + 1}
}

// UTF16Len is the length of b in UTF-16 code units.
func UTF16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineBounds returns the byte range of the line holding offset, without
// its line break ("\n" or "\r\n").
func lineBounds(src []byte, offset int) (start, end int) {
	offset = max(0, min(offset, len(src)))
	start = bytes.LastIndexByte(src[:offset], '\n') + 1
	end = len(src)
	if i := bytes.IndexByte(src[offset:], '\n'); i >= 0 {
		end = offset + i
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	return start, end
}

// LineText returns the text of the line holding offset, without its line
// break.
func LineText(src []byte, offset int) string {
	start, end := lineBounds(src, offset)
	return string(src[start:end])
}

// EnclosingFunc returns the innermost body of f whose span contains offset
// (model.File.Funcs lists nested bodies too, such as a method inside a
// type inside a function), nil at file scope.
func EnclosingFunc(f *model.File, offset int) *model.Func {
	if f == nil {
		return nil
	}
	var best *model.Func
	for _, fn := range f.Funcs {
		if fn.Span.Start <= offset && offset < fn.Span.End {
			if best == nil || fn.Span.End-fn.Span.Start < best.Span.End-best.Span.Start {
				best = fn
			}
		}
	}
	return best
}

// FuncName names a body for fingerprints and SARIF logical locations:
// "Owner.sig" for members, "sig" for free functions.
func FuncName(fn *model.Func) string {
	if fn == nil {
		return ""
	}
	name := fn.Sig()
	if name == "" {
		name = fn.Kind.String()
	}
	if fn.Owner != "" {
		return fn.Owner + "." + name
	}
	return name
}
