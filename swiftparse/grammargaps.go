package swiftparse

import "bytes"

// Gaps of the tree-sitter Swift grammar we use that are worked around by
// blanking a few bytes of the source before parsing (same length, same
// offsets, as for directives in directives.go). The lowerer reads all text
// from the original source, so nothing it models changes.
//
//   - Typed throws (`func f() throws(KeychainError) -> T`, Swift 6): the
//     thrown type becomes an ERROR node after the signature. It means
//     nothing to the model; blanked, the signature is a plain `throws`.
//   - `try await` in a condition (`if let x = try await f(y) {`): the
//     grammar reads the `{` as a trailing closure of the call, so the if
//     has no body, and the rest of the function (and of an actor: its
//     later methods) falls into an ERROR node. `try f(y) {` and
//     `await f(y) {` parse right; so `await` after `try` is blanked (it
//     is an effect marker, transparent to the model like await_expression
//     itself).

// blankGrammarGaps applies both blankings to src, copying it only when
// something is blanked (src is modified in place only when owned).
func blankGrammarGaps(src []byte, owned bool) []byte {
	src, owned = blankTypedThrows(src, owned)
	src, _ = blankAwaitAfterTry(src, owned)
	return src
}

// blankAwaitAfterTry blanks `await` when it follows `try`, `try?` or
// `try!` and white space.
func blankAwaitAfterTry(src []byte, owned bool) ([]byte, bool) {
	kw := []byte("await")
	out := src
	for i := 0; ; {
		j := bytes.Index(out[i:], kw)
		if j < 0 {
			return out, owned
		}
		start := i + j
		i = start + len(kw)
		if i < len(out) && isIdentByte(out[i]) {
			continue
		}
		k := start
		for k > 0 && (out[k-1] == ' ' || out[k-1] == '\t') {
			k--
		}
		if k == start {
			continue
		}
		if k > 0 && (out[k-1] == '?' || out[k-1] == '!') {
			k--
		}
		if k < 3 || string(out[k-3:k]) != "try" || k > 3 && isIdentByte(out[k-4]) {
			continue
		}
		if !owned {
			out = append([]byte(nil), out...)
			owned = true
		}
		for p := start; p < i; p++ {
			out[p] = ' '
		}
	}
}

// blankTypedThrows blanks the parenthesised type after every `throws`.
func blankTypedThrows(src []byte, owned bool) ([]byte, bool) {
	kw := []byte("throws")
	out := src
	for i := 0; ; {
		j := bytes.Index(out[i:], kw)
		if j < 0 {
			return out, owned
		}
		start := i + j
		i = start + len(kw)
		if start > 0 && isIdentByte(out[start-1]) || i < len(out) && isIdentByte(out[i]) {
			continue // rethrows, throwsError, …
		}
		k := i
		for k < len(out) && (out[k] == ' ' || out[k] == '\t') {
			k++
		}
		if k >= len(out) || out[k] != '(' {
			continue
		}
		end := closingParen(out, k)
		if end < 0 {
			continue
		}
		if !owned {
			out = append([]byte(nil), out...)
			owned = true
		}
		for p := k; p <= end; p++ {
			out[p] = ' '
		}
		i = end + 1
	}
}

// closingParen returns the offset of the parenthesis closing the one at
// open, on the same line, or -1.
func closingParen(src []byte, open int) int {
	depth := 0
	for p := open; p < len(src); p++ {
		switch src[p] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return p
			}
		case '\n', '\r', '"', '{', '}':
			return -1
		}
	}
	return -1
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
