package swiftparse

import (
	"bytes"
	"strings"
)

// Objective-C methods declared through macros at @implementation scope
// (React Native's `RCT_EXPORT_METHOD(setItem:(NSString *)key resolver:
// (RCTPromiseResolveBlock)resolve ...) { ... }`, `RCT_REMAP_METHOD(js,
// sel...) { ... }`, Expo's `EX_EXPORT_METHOD_AS(js, sel...)`, and any
// `MACRO(...) { body }`) are not C or Objective-C the grammar can parse
// without expanding the macro: tree-sitter turns them into ERROR nodes and
// the body, SecItem calls included, was lost. Before parsing, the macro
// header is rewritten in place (same length, same offsets) into the method
// definition the macro expands to:
//
//	RCT_EXPORT_METHOD(setItem:(NSString *)key value:(id)v) {   // selector
//	-                 setItem:(NSString *)key value:(id)v  {
//	RCT_REMAP_METHOD(js, setItem:(NSString *)key) {             // JS name, selector
//	-                    setItem:(NSString *)key  {
//	MY_MACRO(a, 1) {                                            // anything else
//	-MY_MACRO      {
//
// so the body lowers as a method of the @implementation's class, named by
// the selector where the arguments have its shape, else after the macro.
// A macro invocation at that scope without a body (`RCT_EXPORT_MODULE();`)
// is blanked. Only identifiers in capitals that start a line inside an
// @implementation, outside any braces, are considered; comments, strings
// and preprocessor lines are skipped.

// rewriteObjCMethodMacros returns src with the macro headers rewritten, or
// src itself when there are none.
func rewriteObjCMethodMacros(src []byte) []byte {
	var out []byte
	inImpl := false
	depth := 0
	lineStart := true // only white space since the last newline
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
			continue
		case c == '#' && lineStart:
			i = skipPreprocessorLine(src, i)
			continue
		}
		wasLineStart := lineStart
		lineStart = false
		switch {
		case c == '"' || c == '\'':
			i = skipQuoted(src, i)
		case c == '{':
			depth++
			i++
		case c == '}':
			depth = max(0, depth-1)
			i++
		case c == '@':
			j := i + 1
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			switch string(src[i+1 : j]) {
			case "implementation":
				inImpl, depth = true, 0
			case "end":
				inImpl = false
			}
			i = max(j, i+1)
		case isIdentByte(c):
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			if depth == 0 && isEnumMacro(src[i:j]) {
				if o, next := rewriteEnumMacroAt(src, out, i, j); o != nil {
					out, i = o, next
					continue
				}
			}
			if depth == 0 && wasLineStart && isRegionMacro(src[i:j]) {
				if e := regionMacroEnd(src, j); e >= 0 {
					if out == nil {
						out = append([]byte(nil), src...)
					}
					for k := i; k < e; k++ {
						if out[k] != '\n' {
							out[k] = ' '
						}
					}
					i = e
					continue
				}
			}
			if inImpl && depth == 0 && wasLineStart && isMacroName(src[i:j]) {
				if o, next := rewriteMacroAt(src, out, i, j); o != nil {
					out, i = o, next
					continue
				}
			}
			i = j
		default:
			i++
		}
	}
	if out == nil {
		return src
	}
	return out
}

// rewriteMacroAt rewrites the macro invocation whose name is src[start:
// nameEnd], if it is one with a body or a semicolon after it. It returns
// the rewritten copy (out, or a new copy of src) and where to go on, or
// nil when it leaves the text alone.
func rewriteMacroAt(src, out []byte, start, nameEnd int) ([]byte, int) {
	open := skipSpaceAndComments(src, nameEnd)
	if open >= len(src) || src[open] != '(' {
		return nil, 0
	}
	closing := matchParen(src, open)
	if closing < 0 {
		return nil, 0
	}
	after := skipSpaceAndComments(src, closing+1)
	if after >= len(src) || (src[after] != '{' && src[after] != ';') {
		return nil, 0
	}
	if out == nil {
		out = append([]byte(nil), src...)
	}
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	if src[after] == ';' {
		blank(start, closing+1)
		return out, closing + 1
	}
	args := src[open+1 : closing]
	selStart := -1
	if isSelectorShape(args) {
		selStart = open + 1
	} else if comma := topLevelComma(args); comma >= 0 && isSelectorShape(args[comma+1:]) {
		selStart = open + 1 + comma + 1
	}
	if selStart >= 0 {
		blank(start, selStart)
		out[start] = '-'
		blank(closing, closing+1)
		return out, closing + 1
	}
	// Not a selector: a method named after the macro.
	blank(start, closing+1)
	out[start] = '-'
	copy(out[start+1:], src[start:nameEnd])
	return out, closing + 1
}

// isEnumMacro reports the enumeration macros of Foundation and Core
// Foundation (NS_ENUM, NS_OPTIONS, NS_CLOSED_ENUM, NS_ERROR_ENUM, CF_ENUM,
// CF_OPTIONS, and the same shape in other prefixes).
func isEnumMacro(id []byte) bool {
	s := string(id)
	return isMacroName(id) && (strings.HasSuffix(s, "_ENUM") || strings.HasSuffix(s, "_OPTIONS"))
}

// rewriteEnumMacroAt rewrites `typedef NS_ENUM(Type, Name) {` into
// `enum Name {` (typedef and the underlying type blanked): the grammar
// does not expand the macro, and without it the rest of the file, every
// method of an @implementation below included, fell into an ERROR node.
// The enumeration itself means nothing to the model.
func rewriteEnumMacroAt(src, out []byte, start, nameEnd int) ([]byte, int) {
	open := skipSpaceAndComments(src, nameEnd)
	if open >= len(src) || src[open] != '(' {
		return nil, 0
	}
	closing := matchParen(src, open)
	if closing < 0 || closing-open < 5 {
		return nil, 0
	}
	after := skipSpaceAndComments(src, closing+1)
	if after >= len(src) || src[after] != '{' {
		return nil, 0
	}
	args := src[open+1 : closing]
	name := []byte(nil)
	if comma := topLevelComma(args); comma >= 0 {
		name = bytes.TrimSpace(args[comma+1:])
		for _, b := range name {
			if !isIdentByte(b) {
				return nil, 0
			}
		}
	}
	if out == nil {
		out = append([]byte(nil), src...)
	}
	from := start
	if t := bytes.LastIndex(src[:start], []byte("typedef")); t >= 0 && len(bytes.TrimSpace(src[t+len("typedef"):start])) == 0 {
		from = t
	}
	for k := from; k <= closing; k++ {
		if out[k] != '\n' {
			out[k] = ' '
		}
	}
	// "enum Name" fits: the macro name and its parentheses are longer.
	copy(out[start:], "enum ")
	copy(out[start+len("enum "):], name)
	return out, closing + 1
}

// isRegionMacro reports the macros that open or close an annotated region
// of declarations (NS_ASSUME_NONNULL_BEGIN / _END, CF_EXTERN_C_BEGIN,
// NS_HEADER_AUDIT_BEGIN(...)): they expand to pragmas or nothing, and the
// grammar reads them as the start of a declaration, which makes the
// @interface or @implementation after them an ERROR. A line holding only
// such a macro (and its arguments) is blanked.
func isRegionMacro(id []byte) bool {
	s := string(id)
	return isMacroName(id) && strings.Contains(s, "_") && (strings.HasSuffix(s, "_BEGIN") || strings.HasSuffix(s, "_END"))
}

// regionMacroEnd returns the end of a region macro's invocation whose name
// ends at nameEnd when nothing but white space or a comment follows it on
// its line, else -1.
func regionMacroEnd(src []byte, nameEnd int) int {
	e := nameEnd
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	if e < len(src) && src[e] == '(' {
		c := matchParen(src, e)
		if c < 0 {
			return -1
		}
		e = c + 1
	}
	end := e
	for e < len(src) && (src[e] == ' ' || src[e] == '\t' || src[e] == '\r') {
		e++
	}
	if e == len(src) || src[e] == '\n' || e+1 < len(src) && src[e] == '/' && (src[e+1] == '/' || src[e+1] == '*') {
		return end
	}
	return -1
}

// isMacroName reports an identifier in capitals, digits and underscores
// with at least one underscore or of three letters or more (RCT_EXPORT_METHOD,
// EX_EXPORT_METHOD_AS).
func isMacroName(id []byte) bool {
	if len(id) < 3 || id[0] < 'A' || id[0] > 'Z' {
		return false
	}
	for _, b := range id {
		if !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_') {
			return false
		}
	}
	return true
}

// isSelectorShape reports whether s is a method selector with parameters,
// `name` or `part:(Type)param part:(Type)param …` (the type optional).
func isSelectorShape(s []byte) bool {
	i := skipSpace(s, 0)
	first := true
	for {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			return false // a number, not a selector part
		}
		j := i
		for j < len(s) && isIdentByte(s[j]) {
			j++
		}
		k := skipSpace(s, j)
		if k == len(s) {
			return first && j > i // a unary selector
		}
		if s[k] != ':' {
			return false
		}
		k = skipSpace(s, k+1)
		if k < len(s) && s[k] == '(' {
			e := matchParen(s, k)
			if e < 0 {
				return false
			}
			k = skipSpace(s, e+1)
		}
		p := k
		for p < len(s) && isIdentByte(s[p]) {
			p++
		}
		if p == k || s[k] >= '0' && s[k] <= '9' {
			return false // no parameter name
		}
		first = false
		i = skipSpace(s, p)
		if i == len(s) {
			return true
		}
	}
}

// topLevelComma is the offset of the first comma outside parentheses, or -1.
func topLevelComma(s []byte) int {
	depth := 0
	for i, b := range s {
		switch b {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// matchParen returns the offset of the parenthesis closing the one at
// open (skipping strings and comments), or -1.
func matchParen(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); {
		switch c := src[i]; {
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
			continue
		case c == '"' || c == '\'':
			i = skipQuoted(src, i)
			continue
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		case c == '{' || c == '}' || c == ';':
			return -1 // not a macro header
		}
		i++
	}
	return -1
}

func skipSpace(s []byte, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func skipSpaceAndComments(src []byte, i int) int {
	for {
		i = skipSpace(src, i)
		if i+1 < len(src) && src[i] == '/' && (src[i+1] == '/' || src[i+1] == '*') {
			i = skipComment(src, i)
			continue
		}
		return i
	}
}

// skipComment returns the offset after the comment at i.
func skipComment(src []byte, i int) int {
	if src[i+1] == '/' {
		for i < len(src) && src[i] != '\n' {
			i++
		}
		return i
	}
	for i += 2; i+1 < len(src); i++ {
		if src[i] == '*' && src[i+1] == '/' {
			return i + 2
		}
	}
	return len(src)
}

// skipQuoted returns the offset after the string or character literal at i.
func skipQuoted(src []byte, i int) int {
	q := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case q:
			return i + 1
		case '\n':
			return i
		}
	}
	return len(src)
}

// skipPreprocessorLine returns the offset of the newline ending the
// directive at i, following backslash continuations.
func skipPreprocessorLine(src []byte, i int) int {
	for i < len(src) {
		if src[i] == '\n' && (i == 0 || src[i-1] != '\\') {
			return i
		}
		i++
	}
	return i
}
