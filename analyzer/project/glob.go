package project

import (
	"regexp"
	"strings"
)

// A glob is a CocoaPods file pattern (Ruby's Dir.glob): * matches within
// a path component, ** any number of directories, ? one character,
// {a,b} either alternative, [abc] a character set. A pattern that names a
// directory matches the files below it.
type glob struct {
	re *regexp.Regexp
}

const maxGlobLen = 4096

func compileGlob(pattern string) *glob {
	pattern = strings.TrimPrefix(strings.TrimSpace(pattern), "./")
	if pattern == "" || len(pattern) > maxGlobLen {
		return nil
	}
	var b strings.Builder
	b.WriteString("^")
	depth := 0
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch c {
		case '*':
			if i+1 < len(pattern) && pattern[i+1] == '*' {
				i++
				if i+1 < len(pattern) && pattern[i+1] == '/' {
					i++
					b.WriteString(`(?:[^/]*/)*`)
				} else {
					b.WriteString(`.*`)
				}
			} else {
				b.WriteString(`[^/]*`)
			}
		case '?':
			b.WriteString(`[^/]`)
		case '{':
			depth++
			b.WriteString(`(?:`)
		case '}':
			if depth > 0 {
				depth--
				b.WriteString(`)`)
			} else {
				b.WriteString(`\}`)
			}
		case ',':
			if depth > 0 {
				b.WriteString(`|`)
			} else {
				b.WriteString(`,`)
			}
		case '[':
			j := strings.IndexByte(pattern[i+1:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			set := pattern[i+1 : i+1+j]
			set = strings.ReplaceAll(set, `\`, `\\`)
			if strings.HasPrefix(set, "!") {
				set = "^" + set[1:]
			}
			b.WriteString("[" + set + "]")
			i += j + 1
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	for ; depth > 0; depth-- {
		b.WriteString(`)`)
	}
	b.WriteString(`(?:/.*)?$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil
	}
	return &glob{re: re}
}

// match reports whether the "/"-separated relative path matches.
func (g *glob) match(rel string) bool { return g.re.MatchString(rel) }
