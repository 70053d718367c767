package lsp

import (
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
		i := indexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
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
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	line, start := 0, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	char := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case utf8Units:
			char += size
		case r >= 0x10000:
			char += 2
		default:
			char++
		}
		i += size
	}
	return protocol.Position{Line: uint32(line), Character: uint32(char)}
}

// tokenOffset converts a driver position (1-based line, 1-based byte
// column) to a byte offset in src.
func tokenOffset(src []byte, p token.Position) int {
	if p.Line <= 0 {
		return 0
	}
	off := lineStart(src, p.Line-1) + p.Column - 1
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	return off
}

// tokenRange converts a finding's span to an LSP range.
func tokenRange(src []byte, pos, end token.Position, utf8Units bool) protocol.Range {
	start := tokenOffset(src, pos)
	stop := start
	if end.Line > 0 {
		stop = tokenOffset(src, end)
	}
	if stop < start {
		stop = start
	}
	return protocol.Range{Start: position(src, start, utf8Units), End: position(src, stop, utf8Units)}
}
