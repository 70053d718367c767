package lsp

import (
	"bytes"
	"go/token"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// Positions: LSP counts characters in UTF-16 code units unless the client
// and server agreed on UTF-8 at initialize; the analyzers count bytes.
// Every conversion goes through the text the position belongs to, and
// positions past the end of a line or of the text are clamped to it (as
// the specification asks), never an error or a panic.

// lineStart returns the byte offset of the start of line (0-based),
// clamped to the text.
func lineStart(src []byte, line int) int {
	off := 0
	for l := 0; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// offset converts an LSP position to a byte offset in src.
func offset(src []byte, p protocol.Position, utf8Units bool) int {
	off := lineStart(src, int(p.Line))
	want := int(p.Character)
	for n := 0; n < want && off < len(src) && src[off] != '\n'; {
		r, size := utf8.DecodeRune(src[off:])
		if utf8Units {
			n += size
		} else if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		off += size
	}
	return off
}

// position converts a byte offset in src to an LSP position.
func position(src []byte, off int, utf8Units bool) protocol.Position {
	off = max(0, min(off, len(src)))
	line := bytes.Count(src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return protocol.Position{Line: uint32(line), Character: units(src[start:off], utf8Units)}
}

// units is the length of a line's text in the position encoding's units.
func units(text []byte, utf8Units bool) uint32 {
	if utf8Units {
		return uint32(len(text))
	}
	n := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return uint32(n)
}

// tokenRange converts a finding's span to an LSP range. The driver's
// positions carry their lines, so only the text of those lines is read
// (not the file from its start, once per finding).
func tokenRange(src []byte, pos, end token.Position, utf8Units bool) protocol.Range {
	start := tokenPosition(src, pos, utf8Units)
	stop := start
	if end.Line > 0 {
		stop = tokenPosition(src, end, utf8Units)
	}
	if stop.Line < start.Line || stop.Line == start.Line && stop.Character < start.Character {
		stop = start
	}
	return protocol.Range{Start: start, End: stop}
}

// tokenPosition converts a driver position (1-based line, 1-based byte
// column) to an LSP position, clamped to its line and to the text.
func tokenPosition(src []byte, p token.Position, utf8Units bool) protocol.Position {
	if p.Line <= 0 {
		return protocol.Position{}
	}
	start := lineStart(src, p.Line-1)
	if start == len(src) {
		return position(src, start, utf8Units) // the last line, or past the end
	}
	off := min(start+max(p.Column-1, 0), len(src))
	if nl := bytes.IndexByte(src[start:off], '\n'); nl >= 0 {
		off = start + nl // a column past the line's end stays on the line
	}
	return protocol.Position{Line: uint32(p.Line - 1), Character: units(src[start:off], utf8Units)}
}
