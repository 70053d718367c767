package lsp

import (
	"go/token"
	"testing"

	"go.lsp.dev/protocol"
)

// A finding's driver position (line, byte column) becomes the LSP
// position of the same character, in UTF-16 and UTF-8 units, clamped to
// its line and to the text; and it agrees with converting its byte
// offset.
func TestTokenPosition(t *testing.T) {
	src := []byte("let a = 1\nlet 😀 = kSecClass\nlast")
	for _, c := range []struct {
		line, col int
		utf16     protocol.Position
		utf8      protocol.Position
	}{
		{1, 1, protocol.Position{Line: 0, Character: 0}, protocol.Position{Line: 0, Character: 0}},
		{2, 10, protocol.Position{Line: 1, Character: 7}, protocol.Position{Line: 1, Character: 9}},   // after the emoji
		{2, 99, protocol.Position{Line: 1, Character: 18}, protocol.Position{Line: 1, Character: 20}}, // past the line's end
		{3, 5, protocol.Position{Line: 2, Character: 4}, protocol.Position{Line: 2, Character: 4}},
		{9, 1, protocol.Position{Line: 2, Character: 4}, protocol.Position{Line: 2, Character: 4}}, // past the text
		{0, 0, protocol.Position{}, protocol.Position{}},
	} {
		p := token.Position{Line: c.line, Column: c.col}
		if got := tokenPosition(src, p, false); got != c.utf16 {
			t.Errorf("%d:%d in UTF-16: %+v, want %+v", c.line, c.col, got, c.utf16)
		}
		if got := tokenPosition(src, p, true); got != c.utf8 {
			t.Errorf("%d:%d in UTF-8: %+v, want %+v", c.line, c.col, got, c.utf8)
		}
	}
	// Every byte offset that starts a character: the two conversions agree.
	line, col := 1, 1
	for off := 0; off <= len(src); off++ {
		if off == len(src) || src[off]&0xC0 != 0x80 {
			if got, want := tokenPosition(src, token.Position{Line: line, Column: col}, false), position(src, off, false); got != want {
				t.Errorf("offset %d (%d:%d): %+v, want %+v", off, line, col, got, want)
			}
		}
		if off < len(src) && src[off] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
}
