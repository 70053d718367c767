package source

import (
	"bytes"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Decl says whether and how ScanNames saw a name declared: a set of bits.
type Decl uint8

const (
	NotDecl    Decl = 0
	DeclGlobal Decl = 1 << (iota - 1) // at file scope (a function, a constant) or a type name: used without a receiver
	DeclMember                        // a member of a type: a method, a property, an enum case
	DeclScope                         // a type whose body is here: its declaration, an extension, a category
)

// ScanNames is the token scan of the prefilter's second round (see
// analyzer/driver): it calls visit for every identifier in src outside
// comments and string literals, saying whether it is declared there. It
// is a lexer, not a parser: one pass over the bytes, no allocation, so
// that it can run over every file a scan does not parse.
//
// Declarations it recognises, by the tokens before the name:
//
//   - Swift: `class|struct|enum|actor|protocol NAME` (global and scope),
//     `extension NAME` (scope), `typealias NAME` (global), and `func
//     NAME`, `var NAME`, `let NAME`, `case NAME[, NAME…]` at file scope
//     (global) or where every enclosing brace is a type body (member), so
//     that a local `let data = …` in a function is not a declaration.
//   - Objective-C and C, outside any brace: `@interface|@implementation|
//     @protocol NAME` (scope), the first selector part of a method
//     (`- (T)NAME…`, `+ (T)NAME…`) and the last name of an `@property`
//     line (members), and, outside parentheses, a name followed by `(`,
//     `=`, `;`, `,` or `[` (functions, global constants such as
//     `NSString *const NAME = …` and their `extern` declarations:
//     globals), and the name of an object-like macro whose replacement
//     is a string literal (`#define NAME @"…"`, global: the model lowers
//     it as a constant). Other macros are not declarations: the model
//     does not expand them.
//
// visit returns false to stop the scan.
func ScanNames(src []byte, lang model.Lang, visit func(name []byte, d Decl) bool) {
	if lang == model.Swift {
		scanSwift(src, visit)
		return
	}
	scanC(src, visit)
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentByte(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// identEnd returns the end of the identifier starting at i.
func identEnd(src []byte, i int) int {
	for i < len(src) && isIdentByte(src[i]) {
		i++
	}
	return i
}

// skipQuoted skips a C-style quoted literal that opens at src[i] (" or ')
// and returns the index after it (escapes honoured; a newline ends an
// unterminated literal).
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
	return i
}

// skipLineComment returns the index of the newline ending a // comment.
func skipLineComment(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// skipBlockComment skips /* … */ starting at i; Swift block comments nest.
func skipBlockComment(src []byte, i int, nest bool) int {
	depth := 0
	for i < len(src) {
		switch {
		case src[i] == '/' && i+1 < len(src) && src[i+1] == '*':
			if depth == 0 || nest {
				depth++
			}
			i += 2
		case src[i] == '*' && i+1 < len(src) && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return i
}

// swiftKeyword classifies the Swift declaration keywords the scan tracks.
type swiftKeyword int

const (
	kwNone    swiftKeyword = iota
	kwType                 // class struct enum actor protocol extension: the next { opens a type body
	kwFunc                 // func
	kwNamed                // typealias (and type keywords other than extension): the next name is declared
	kwBinding              // var let
	kwCase                 // case
	kwOther                // any other identifier
)

func classifySwift(w []byte) (kind swiftKeyword, declaresType bool) {
	switch string(w) {
	case "class", "struct", "enum", "actor", "protocol":
		return kwType, true
	case "extension":
		return kwType, false
	case "func":
		return kwFunc, false
	case "typealias":
		return kwNamed, false
	case "var", "let":
		return kwBinding, false
	case "case":
		return kwCase, false
	}
	return kwOther, false
}

// maxTrackedDepth bounds the brace stack the Swift scan keeps; deeper
// braces are all code (a declaration nested that deep is not a member
// other files use).
const maxTrackedDepth = 64

func scanSwift(src []byte, visit func([]byte, Decl) bool) {
	// body[d] is true when the brace at depth d opens a type body.
	var body [maxTrackedDepth]bool
	depth := 0
	// level is how a declaration here is seen: at file scope, in a type
	// body (every enclosing brace one), or in code.
	level := func() Decl {
		if depth == 0 {
			return DeclGlobal
		}
		if depth > maxTrackedDepth {
			return NotDecl
		}
		for d := 0; d < depth; d++ {
			if !body[d] {
				return NotDecl
			}
		}
		return DeclMember
	}
	pendingType := false // a type keyword was seen since the last brace or declaration keyword
	prev := kwNone       // the keyword before the current token, kwNone after punctuation
	prevDeclaresType := false
	inCase := false // inside `case a, b = …` of a type body, until the end of the line
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			inCase = false
			i++
		case c == ' ' || c == '\t' || c == '\r' || c == '`':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = skipLineComment(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i, true)
		case c == '"' || c == '#' && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '#'):
			i = skipSwiftString(src, i)
			prev = kwNone
		case isIdentStart(c):
			j := identEnd(src, i)
			w := src[i:j]
			kind, declType := classifySwift(w)
			def := NotDecl
			switch prev {
			case kwType:
				if kind == kwOther && level() != NotDecl {
					def = DeclScope
					if prevDeclaresType {
						def |= DeclGlobal
					}
				}
			case kwNamed:
				if level() != NotDecl {
					def = DeclGlobal
				}
			case kwFunc, kwBinding:
				def = level()
			case kwCase:
				if level() == DeclMember {
					def, inCase = DeclMember, true
				}
			}
			if def == NotDecl && inCase && kind == kwOther && lastSignificant(src, i) == ',' {
				def = DeclMember
			}
			if !visit(w, def) {
				return
			}
			switch kind {
			case kwType:
				pendingType = true
			case kwFunc, kwBinding:
				pendingType = false
			}
			prev, prevDeclaresType = kind, declType
			if kind == kwOther {
				prev = kwNone
			}
			i = j
		case c == '{':
			if depth < maxTrackedDepth {
				body[depth] = pendingType
			}
			depth++
			pendingType, prev, inCase = false, kwNone, false
			i++
		case c == '}':
			if depth > 0 {
				depth--
			}
			pendingType, prev, inCase = false, kwNone, false
			i++
		case c == ';':
			pendingType, prev, inCase = false, kwNone, false
			i++
		default:
			if c != ',' {
				prev = kwNone
			}
			i++
		}
	}
}

// lastSignificant returns the last byte before i that is not white space.
func lastSignificant(src []byte, i int) byte {
	for i--; i >= 0; i-- {
		switch src[i] {
		case ' ', '\t', '\r', '\n', '`':
			continue
		}
		return src[i]
	}
	return 0
}

// skipSwiftString skips a Swift string literal at i: "…", """…""", and raw
// strings #"…"# (any number of #). Interpolations are skipped with the
// string. A # not followed by a string (#if, #available) is one byte.
func skipSwiftString(src []byte, i int) int {
	hashes := 0
	for i < len(src) && src[i] == '#' {
		hashes++
		i++
	}
	if i >= len(src) || src[i] != '"' {
		return i
	}
	multi := i+2 < len(src) && src[i+1] == '"' && src[i+2] == '"'
	if multi {
		i += 3
	} else {
		i++
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\' && hashes == 0:
			i += 2
			continue
		case c == '\n' && !multi:
			return i
		case c == '"':
			n := 1
			if multi {
				if !(i+2 < len(src) && src[i+1] == '"' && src[i+2] == '"') {
					i++
					continue
				}
				n = 3
			}
			k := i + n
			h := 0
			for k < len(src) && src[k] == '#' && h < hashes {
				h++
				k++
			}
			if h == hashes {
				return k
			}
			i++
			continue
		}
		i++
	}
	return i
}

func scanC(src []byte, visit func([]byte, Decl) bool) {
	depth := 0
	lineStart := true // only white space since the last newline
	header := false   // inside a method header (- (T)name: … up to { or ;)
	headerName := false
	headerParens := 0
	property := false // inside an @property line
	var propName []byte
	parens := 0        // open parentheses outside braces
	directive := false // on a preprocessor line
	// define is 1 on a preprocessor line before its directive word, 2
	// after `define` (the next name is the macro's), 0 otherwise.
	define := 0
	atKeyword := NotDecl
	afterAt := false // after @interface, @implementation, @class, …
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			directive = false
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i += 2 // a continued line
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = skipLineComment(src, i)
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i, false)
			continue
		}
		atLineStart := lineStart
		lineStart = false
		switch {
		case c == '"' || c == '\'':
			i = skipQuoted(src, i)
		case c == '#' && atLineStart:
			directive, define = true, 1
			i++
		case c == '@' && i+1 < len(src) && isIdentStart(src[i+1]):
			j := identEnd(src, i+1)
			switch kw := string(src[i+1 : j]); {
			case depth == 0 && kw == "property":
				property, propName = true, nil
			case kw == "interface" || kw == "implementation" || kw == "protocol":
				afterAt, atKeyword = true, DeclScope
			default:
				afterAt, atKeyword = true, NotDecl
			}
			i = j
		case (c == '-' || c == '+') && atLineStart && depth == 0:
			header, headerName, headerParens = true, true, 0
			i++
		case isIdentStart(c):
			j := identEnd(src, i)
			w := src[i:j]
			def := NotDecl
			switch {
			case directive:
				switch {
				case define == 1 && string(w) == "define":
					define = 2
				case define == 2:
					if stringMacro(src, j) {
						def = DeclGlobal
					}
					define = 0
				default:
					define = 0
				}
			case afterAt:
				// @interface NSString (Helpers): a category, the scope of
				// its methods, not a declaration of NSString.
				def, afterAt = atKeyword, false
			case header:
				if headerName && headerParens == 0 {
					def, headerName = DeclMember, false
				}
			case property:
				propName = w
			case depth == 0 && parens == 0:
				k := j
				for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\r' || src[k] == '\n') {
					k++
				}
				if k < len(src) && !cKeyword(w) {
					switch src[k] {
					case '(', '=', ';', ',', '[':
						def = DeclGlobal
					}
				}
			}
			if !visit(w, def) {
				return
			}
			i = j
		default:
			switch c {
			case '{':
				depth++
				header, parens = false, 0
			case '}':
				if depth > 0 {
					depth--
				}
			case ';':
				header = false
				if depth == 0 {
					parens = 0
				}
				if property {
					property = false
					if propName != nil && !visit(propName, DeclMember) {
						return
					}
				}
			case '(':
				if header {
					headerParens++
				} else if depth == 0 && !directive {
					parens++
				}
			case ')':
				if header && headerParens > 0 {
					headerParens--
				} else if parens > 0 && !directive {
					parens--
				}
			}
			i++
		}
	}
}

// stringMacro reports whether the macro name that ends at i starts a
// replacement that is a string literal: `@"`, `"` or `CFSTR(`, after
// white space and opening parentheses (a `(` right after the name makes a
// function-like macro). It looks at the start only, as the prefilter
// may: the lowering decides (swiftparse objcDefine).
func stringMacro(src []byte, i int) bool {
	if i >= len(src) || (src[i] != ' ' && src[i] != '\t') {
		return false
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '(') {
		i++
	}
	rest := src[i:]
	return len(rest) > 1 && (rest[0] == '"' || rest[0] == '@' && rest[1] == '"') || bytes.HasPrefix(rest, []byte("CFSTR("))
}

// cKeyword reports the C keywords and builtin types that may stand before
// "(" or ";" at file scope (typedef void (^Handler)(…), return;).
func cKeyword(w []byte) bool {
	switch string(w) {
	case "void", "int", "char", "short", "long", "float", "double", "signed", "unsigned", "const", "static",
		"extern", "typedef", "struct", "union", "enum", "return", "sizeof", "if", "while", "for", "switch",
		"inline", "volatile", "id", "BOOL", "__attribute__", "__declspec":
		return true
	}
	return false
}
