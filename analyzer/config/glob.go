package config

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A glob is a path pattern of a configuration file, matched against a
// path relative to the file's directory (slash-separated):
//
//   - * matches any run of characters within one path component, ? one
//     character, ** any number of whole components (Tests/**, **/Mocks);
//   - a pattern without a slash matches a file or directory name at any
//     depth (*.generated.swift, Legacy); one with a slash is anchored at
//     the configuration file's directory (Sources/Legacy/**; a leading
//     "/" or "./" is allowed);
//   - a pattern that matches a directory matches everything below it.
//
// Patterns compile to regular expressions (RE2), so matching takes time
// linear in the path whatever the pattern.
type glob struct {
	pattern string
	re      *regexp.Regexp
}

// maxGlobLen bounds a pattern, and with it the compiled expression.
const maxGlobLen = 1024

func compileGlob(pattern string) (*glob, error) {
	p := strings.TrimSpace(pattern)
	if p == "" {
		return nil, fmt.Errorf("empty pattern")
	}
	if len(p) > maxGlobLen {
		return nil, fmt.Errorf("pattern longer than %d bytes", maxGlobLen)
	}
	p = strings.TrimSuffix(p, "/")
	anchored := strings.Contains(p, "/")
	p = strings.TrimPrefix(strings.TrimPrefix(p, "./"), "/")
	// "dir/**" is "dir": a directory's pattern matches what is below it
	// (and the directory itself, which the walk asks about).
	if q := strings.TrimSuffix(p, "/**"); q != p && q != "" && q != "**" {
		p = q
	}
	var b strings.Builder
	if anchored {
		b.WriteString("^")
	} else {
		b.WriteString("(?:^|/)")
	}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '*' && strings.HasPrefix(p[i:], "**/"):
			b.WriteString(`(?:[^/]*/)*`)
			i += 2
		case c == '*' && strings.HasPrefix(p[i:], "**"):
			b.WriteString(`.*`)
			i++
		case c == '*':
			b.WriteString(`[^/]*`)
		case c == '?':
			b.WriteString(`[^/]`)
		default:
			// Whole runes, so that a name in any script stays valid UTF-8.
			_, size := utf8.DecodeRuneInString(p[i:])
			b.WriteString(regexp.QuoteMeta(p[i : i+size]))
			i += size - 1
		}
	}
	b.WriteString(`(?:/.*)?$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, err
	}
	return &glob{pattern: pattern, re: re}, nil
}

// match reports whether the slash-separated relative path matches.
func (g *glob) match(rel string) bool { return g.re.MatchString(rel) }
