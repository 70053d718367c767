// Package logcmd reads lines of a CI log the way CI runners look for
// commands in them, for tests that show keychainlint's output cannot forge
// one: GitHub Actions workflow commands ("::name k=v,k=v::data" at the
// start of a line, after white space; the older "##[name k=v;]data"
// anywhere in a line) and Azure Pipelines logging commands
// ("##vso[name k=v;]data" anywhere in a line).
//
// It follows the runner's documented behaviour (and actions/runner's
// ActionCommand parser): any name counts as a command here, registered or
// not, so that a test fails on anything a runner might take.
package logcmd

import (
	"strings"
	"unicode"
)

// Command is a command found in a line.
type Command struct {
	// Syntax is "::", "##[" or "##vso[".
	Syntax string
	Name   string
	// Props are the properties, unescaped (for "::" commands).
	Props map[string]string
	// Data is the data after the command, unescaped (for "::" commands).
	Data string
}

// Parse returns the command a runner reads in line, if any.
func Parse(line string) (Command, bool) {
	if c, ok := parseV2(line); ok {
		return c, true
	}
	for _, prefix := range []string{"##[", "##vso["} {
		if i := strings.Index(line, prefix); i >= 0 {
			rest := line[i+len(prefix):]
			if end := strings.IndexByte(rest, ']'); end >= 0 {
				name, _, _ := strings.Cut(rest[:end], " ")
				return Command{Syntax: prefix, Name: name, Data: rest[end+1:]}, true
			}
		}
	}
	return Command{}, false
}

// parseV2 reads "::name props::data" after leading white space (the
// runner trims what .NET's char.IsWhiteSpace accepts, as unicode.IsSpace
// does).
func parseV2(line string) (Command, bool) {
	s := strings.TrimLeftFunc(line, unicode.IsSpace)
	if !strings.HasPrefix(s, "::") {
		return Command{}, false
	}
	end := strings.Index(s[2:], "::")
	if end < 0 {
		return Command{}, false
	}
	info := s[2 : 2+end]
	c := Command{Syntax: "::", Props: map[string]string{}, Data: unescape(s[2+end+2:], false)}
	name, props, hasProps := strings.Cut(info, " ")
	c.Name = name
	if name == "" {
		return Command{}, false
	}
	if hasProps {
		for _, p := range strings.Split(strings.TrimSpace(props), ",") {
			k, v, ok := strings.Cut(p, "=")
			if ok && k != "" && v != "" {
				c.Props[k] = unescape(v, true)
			}
		}
	}
	return c, true
}

// unescape undoes the runner's escapes, in the runner's order (%25
// last, so that "%250A" is "%0A").
func unescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return strings.ReplaceAll(s, "%25", "%")
}
