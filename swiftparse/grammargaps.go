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
//   - `unsafe` expressions (Swift 6.2, SE-0458: `unsafe SecItemCopyMatching(
//     q, &r)`): the grammar reads `unsafe` as an identifier and the call
//     after it as garbage, so the SecItem call was lost. The keyword is
//     blanked where it stands before an operand (`unsafe` followed by
//     white space and an identifier, `(`, `&`, `[` or `$`); not in
//     `nonisolated(unsafe)`, `@unsafe`, `.unsafe` or `let unsafe = …`.
//   - The empty tuple as a switch case's body (`default: ()`, the Swift
//     idiom for "do nothing") is not an expression the grammar knows
//     (it inserts a MISSING node): `()` there is read as `[]`, an empty
//     array literal, which does nothing either.
//   - `nonisolated(unsafe)` (Swift 5.10) is not a modifier the grammar
//     knows; the `(unsafe)` is blanked, leaving `nonisolated`.

// blankGrammarGaps applies both blankings to src, copying it only when
// something is blanked (src is modified in place only when owned).
func blankGrammarGaps(src []byte, owned bool) []byte {
	src, owned = blankTypedThrows(src, owned)
	src, owned = blankAwaitAfterTry(src, owned)
	src, owned = blankUnsafeExpressions(src, owned)
	src, owned = blankAfter(src, owned, "nonisolated", "(unsafe)")
	src, _ = emptyTupleCaseBodies(src, owned)
	return src
}

// emptyTupleCaseBodies turns `()` into `[]` where it is the whole body of
// a case on the case's line (`case .x: ()`, `default: ()`).
func emptyTupleCaseBodies(src []byte, owned bool) ([]byte, bool) {
	out := src
	for i := 0; ; {
		j := bytes.Index(out[i:], []byte("()"))
		if j < 0 {
			return out, owned
		}
		start := i + j
		i = start + 2
		k := start
		for k > 0 && (out[k-1] == ' ' || out[k-1] == '\t') {
			k--
		}
		if k == 0 || out[k-1] != ':' {
			continue
		}
		ls := bytes.LastIndexByte(out[:k], '\n') + 1
		line := bytes.TrimLeft(out[ls:k], " \t")
		if !bytes.HasPrefix(line, []byte("case ")) && !bytes.HasPrefix(line, []byte("default")) && !bytes.HasPrefix(line, []byte("@unknown default")) {
			continue
		}
		e := i
		for e < len(out) && (out[e] == ' ' || out[e] == '\t') {
			e++
		}
		if e < len(out) && out[e] != '\n' && out[e] != '\r' && out[e] != '}' && out[e] != ';' && out[e] != '/' {
			continue
		}
		out, owned = own(out, owned)
		out[start], out[start+1] = '[', ']'
	}
}

// blankAtEach calls edit at each occurrence [start, end) of word in src,
// in order, and blanks the range edit returns (from < 0: nothing). Blanking
// keeps every offset, so the search goes on in the rewritten source; src
// is copied before the first blanking unless it is owned.
func blankAtEach(src []byte, owned bool, word string, edit func(out []byte, start, end int) (from, to int)) ([]byte, bool) {
	out, w := src, []byte(word)
	for i := 0; ; {
		j := bytes.Index(out[i:], w)
		if j < 0 {
			return out, owned
		}
		start := i + j
		i = start + len(w)
		if from, to := edit(out, start, i); from >= 0 {
			out, owned = blank(out, owned, from, to)
		}
	}
}

// blankAfter blanks every suffix that directly follows the word prefix.
func blankAfter(src []byte, owned bool, prefix, suffix string) ([]byte, bool) {
	return blankAtEach(src, owned, prefix+suffix, func(out []byte, start, end int) (int, int) {
		if start > 0 && isIdentByte(out[start-1]) {
			return -1, 0
		}
		return start + len(prefix), end
	})
}

// blankUnsafeExpressions blanks the `unsafe` of unsafe expressions.
func blankUnsafeExpressions(src []byte, owned bool) ([]byte, bool) {
	return blankAtEach(src, owned, "unsafe", func(out []byte, start, end int) (int, int) {
		if start > 0 && (isIdentByte(out[start-1]) || out[start-1] == '.' || out[start-1] == '@' || out[start-1] == '`') {
			return -1, 0
		}
		k := end
		for k < len(out) && (out[k] == ' ' || out[k] == '\t') {
			k++
		}
		if k == end || k >= len(out) {
			return -1, 0
		}
		if c := out[k]; !(isIdentByte(c) && !(c >= '0' && c <= '9') || c == '(' || c == '&' || c == '[' || c == '$') {
			return -1, 0
		}
		if isKeywordAt(out, k, "in", "is", "as") {
			return -1, 0 // `unsafe in`, `unsafe as T`: unsafe is a name there
		}
		return start, end
	})
}

// isKeywordAt reports whether one of the words starts at src[k] as a
// whole word.
func isKeywordAt(src []byte, k int, words ...string) bool {
	for _, w := range words {
		e := k + len(w)
		if e <= len(src) && string(src[k:e]) == w && (e == len(src) || !isIdentByte(src[e])) {
			return true
		}
	}
	return false
}

// blankAwaitAfterTry blanks `await` when it follows `try`, `try?` or
// `try!` and white space.
func blankAwaitAfterTry(src []byte, owned bool) ([]byte, bool) {
	return blankAtEach(src, owned, "await", func(out []byte, start, end int) (int, int) {
		if end < len(out) && isIdentByte(out[end]) {
			return -1, 0
		}
		k := start
		for k > 0 && (out[k-1] == ' ' || out[k-1] == '\t') {
			k--
		}
		if k == start {
			return -1, 0
		}
		if k > 0 && (out[k-1] == '?' || out[k-1] == '!') {
			k--
		}
		if k < 3 || string(out[k-3:k]) != "try" || k > 3 && isIdentByte(out[k-4]) {
			return -1, 0
		}
		return start, end
	})
}

// blankTypedThrows blanks the parenthesised type after every `throws`.
func blankTypedThrows(src []byte, owned bool) ([]byte, bool) {
	return blankAtEach(src, owned, "throws", func(out []byte, start, end int) (int, int) {
		if start > 0 && isIdentByte(out[start-1]) || end < len(out) && isIdentByte(out[end]) {
			return -1, 0 // rethrows, throwsError, …
		}
		k := end
		for k < len(out) && (out[k] == ' ' || out[k] == '\t') {
			k++
		}
		if k >= len(out) || out[k] != '(' {
			return -1, 0
		}
		paren := closingParen(out, k)
		if paren < 0 {
			return -1, 0
		}
		return k, paren + 1
	})
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

// own returns out itself if it is already the rewriter's copy (owned),
// else a copy of it: the rewrites never change the caller's source.
func own(out []byte, owned bool) ([]byte, bool) {
	if !owned {
		out = append([]byte(nil), out...)
	}
	return out, true
}

// blank overwrites out[from:to] with spaces (same length, so every offset
// stays valid), in the rewriter's own copy.
func blank(out []byte, owned bool, from, to int) ([]byte, bool) {
	out, owned = own(out, owned)
	for p := from; p < to; p++ {
		out[p] = ' '
	}
	return out, owned
}
