package project

import "strings"

// A tolerant lexer for the subset of Ruby that podspecs are written in.
// It knows strings (with #{} interpolation), symbols, numbers, names,
// comments, heredocs and punctuation; anything else becomes a one-byte
// punctuation token, so arbitrary bytes never stop it.

type rtokKind int

const (
	rName   rtokKind = iota // identifiers and keywords, with a trailing ? or !
	rString                 // a string literal; parts holds literal text and #{} expressions
	rSymbol                 // :ios
	rNumber
	rPunct
	rNewline
)

type rtok struct {
	kind rtokKind
	text string // name, symbol (without ':'), punctuation, number
	// for strings: the literal pieces and the interpolated expressions,
	// alternating (parts[0] literal, parts[1] expression, ...).
	parts []string
}

func rubyLex(src string) []rtok {
	var toks []rtok
	var heredocs []string // terminators pending at the next newline
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			toks = append(toks, rtok{kind: rNewline})
			i++
			for _, term := range heredocs {
				// skip lines up to the terminator
				for i < len(src) {
					j := strings.IndexByte(src[i:], '\n')
					line := src[i:]
					if j >= 0 {
						line = src[i : i+j]
					}
					if j < 0 {
						i = len(src)
					} else {
						i += j + 1
					}
					if strings.TrimSpace(line) == term {
						break
					}
				}
			}
			heredocs = nil
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i += 2 // line continuation
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '=' && strings.HasPrefix(src[i:], "=begin") && (i == 0 || src[i-1] == '\n'):
			if j := strings.Index(src[i:], "\n=end"); j >= 0 {
				i += j + 5
			} else {
				i = len(src)
			}
		case c == '<' && strings.HasPrefix(src[i:], "<<") && i+2 < len(src) && (src[i+2] == '-' || src[i+2] == '~' || isUpper(src[i+2])):
			j := i + 2
			if src[j] == '-' || src[j] == '~' {
				j++
			}
			k := j
			for k < len(src) && (isUpper(src[k]) || src[k] == '_' || isDigit(src[k])) {
				k++
			}
			if k == j {
				toks = append(toks, rtok{kind: rPunct, text: "<"})
				i++
				continue
			}
			heredocs = append(heredocs, src[j:k])
			toks = append(toks, rtok{kind: rString, parts: []string{""}})
			i = k
		case c == '\'' || c == '"':
			t, n := lexString(src[i:])
			toks = append(toks, t)
			i += n
		case c == '%' && i+2 < len(src) && (src[i+1] == 'w' || src[i+1] == 'W' || src[i+1] == 'i') && strings.IndexByte("([{<|", src[i+2]) >= 0:
			// %w[a b] word arrays: a list of strings
			open := src[i+2]
			closeCh := map[byte]byte{'(': ')', '[': ']', '{': '}', '<': '>', '|': '|'}[open]
			end := strings.IndexByte(src[i+3:], closeCh)
			if end < 0 {
				i = len(src)
				continue
			}
			toks = append(toks, rtok{kind: rPunct, text: "["})
			for n, w := range strings.Fields(src[i+3 : i+3+end]) {
				if n > 0 {
					toks = append(toks, rtok{kind: rPunct, text: ","})
				}
				toks = append(toks, rtok{kind: rString, parts: []string{w}})
			}
			toks = append(toks, rtok{kind: rPunct, text: "]"})
			i += 3 + end + 1
		case c == ':' && i+1 < len(src) && (isLetter(src[i+1]) || src[i+1] == '_'):
			j := i + 1
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			toks = append(toks, rtok{kind: rSymbol, text: src[i+1 : j]})
			i = j
		case c == ':' && i+1 < len(src) && src[i+1] == ':':
			toks = append(toks, rtok{kind: rPunct, text: "::"})
			i += 2
		case isLetter(c) || c == '_' || c == '@' || c == '$':
			j := i + 1
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			if j < len(src) && (src[j] == '?' || src[j] == '!') {
				j++
			}
			name := src[i:j]
			// Ruby 1.9 hash keys: ios: '12.0'
			if j < len(src) && src[j] == ':' && (j+1 >= len(src) || src[j+1] != ':') {
				toks = append(toks, rtok{kind: rSymbol, text: name}, rtok{kind: rPunct, text: "=>"})
				i = j + 1
				continue
			}
			toks = append(toks, rtok{kind: rName, text: name})
			i = j
		case isDigit(c):
			j := i
			for j < len(src) && (isDigit(src[j]) || src[j] == '.' || src[j] == '_') {
				j++
			}
			toks = append(toks, rtok{kind: rNumber, text: src[i:j]})
			i = j
		case c == '=' && strings.HasPrefix(src[i:], "=>"):
			toks = append(toks, rtok{kind: rPunct, text: "=>"})
			i += 2
		case c == '=' && i+1 < len(src) && (src[i+1] == '=' || src[i+1] == '~'):
			toks = append(toks, rtok{kind: rPunct, text: src[i : i+2]})
			i += 2
		case (c == '+' || c == '|' || c == '&' || c == '-') && i+1 < len(src) && src[i+1] == '=':
			toks = append(toks, rtok{kind: rPunct, text: src[i : i+2]})
			i += 2
		default:
			toks = append(toks, rtok{kind: rPunct, text: string(c)})
			i++
		}
	}
	return toks
}

// lexString reads a quoted string at the start of s; it returns the token
// and its length. Double-quoted strings keep #{...} expressions apart.
func lexString(s string) (rtok, int) {
	q := s[0]
	parts := []string{""}
	var b strings.Builder
	i := 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == q:
			parts[len(parts)-1] = b.String()
			return rtok{kind: rString, parts: parts}, i + 1
		case c == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i += 2
		case q == '"' && c == '#' && i+1 < len(s) && s[i+1] == '{':
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				i = len(s)
				continue
			}
			parts[len(parts)-1] = b.String()
			b.Reset()
			parts = append(parts, strings.TrimSpace(s[i+2:i+2+end]), "")
			i += 2 + end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	parts[len(parts)-1] = b.String()
	return rtok{kind: rString, parts: parts}, len(s)
}

func isUpper(c byte) bool    { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isLetter(c byte) bool   { return c >= 'a' && c <= 'z' || isUpper(c) }
func isNameChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }
