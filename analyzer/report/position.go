package report

import (
	"bytes"
	"sync"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Sources gives the writers the parsed files of a scan by path (the path
// diagnostics carry in token.Position.Filename), for snippets, UTF-16
// columns and enclosing functions. It indexes each file's lines and bodies
// once, on first use, so that converting a position costs O(log n) rather
// than a scan from the start of the file (reports with many findings stay
// linear in their size).
type Sources struct {
	files map[string]*model.File
	mu    sync.Mutex
	index map[*model.File]*fileIndex
}

// NewSources indexes files by path.
func NewSources(files []*model.File) *Sources {
	s := &Sources{files: make(map[string]*model.File, len(files)), index: map[*model.File]*fileIndex{}}
	for _, f := range files {
		s.files[f.Path] = f
	}
	return s
}

// File returns the parsed file at path, nil when it is not known.
func (s *Sources) File(path string) *model.File {
	if s == nil {
		return nil
	}
	return s.files[path]
}

// Src returns the source of a file, nil when the file is not known.
func (s *Sources) Src(path string) []byte {
	if f := s.File(path); f != nil {
		return f.Src
	}
	return nil
}

// indexOf returns the index of a file's source, building it on first use.
func (s *Sources) indexOf(f *model.File) *fileIndex {
	s.mu.Lock()
	defer s.mu.Unlock()
	ix := s.index[f]
	if ix == nil {
		ix = newFileIndex(f)
		s.index[f] = ix
	}
	return ix
}

// point converts a byte offset of the file at path to a line and UTF-16
// column, as UTF16Point does, through the file's line index.
func (s *Sources) point(path string, offset int) Point {
	f := s.File(path)
	if f == nil {
		return Point{Line: 1, Column: 1}
	}
	return s.indexOf(f).point(f.Src, offset)
}

// enclosing returns the innermost body of the file at path that contains
// offset, as EnclosingFunc does, by binary search.
func (s *Sources) enclosing(path string, offset int) *model.Func {
	f := s.File(path)
	if f == nil {
		return nil
	}
	return s.indexOf(f).enclosing(offset)
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
	return Point{Line: line, Column: utf16Column(src, lineStart, offset)}
}

// utf16Column is the 1-based UTF-16 column of offset in the line that
// starts at lineStart: one more than the code units of the runes that
// end at or before offset. Runes are decoded from the line, not from
// src[lineStart:offset], so that an offset inside a multi-byte rune
// (possible only for positions that do not come from the parser) is the
// column of that rune, instead of counting its bytes as invalid ones, one
// unit each, past the rune's end: columns never decrease as offsets grow.
func utf16Column(src []byte, lineStart, offset int) int {
	n := 0
	for i := lineStart; i < offset; {
		r, size := utf8.DecodeRune(src[i:])
		if i+size > offset {
			break
		}
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n + 1
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
// its line break ("\n" or "\r\n"). The range always holds offset: an
// offset just after the "\r" of "\r\n" (or of a final "\r") keeps the
// "\r" in the line, so that callers can slice src[offset:end].
func lineBounds(src []byte, offset int) (start, end int) {
	offset = max(0, min(offset, len(src)))
	start = bytes.LastIndexByte(src[:offset], '\n') + 1
	end = len(src)
	if i := bytes.IndexByte(src[offset:], '\n'); i >= 0 {
		end = offset + i
	}
	if end > start && end > offset && src[end-1] == '\r' {
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
