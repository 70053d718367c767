package project

import (
	"strings"
	"unicode"
)

// Wildcard is what expandWild writes for a build-setting reference it
// cannot resolve: $(AppIdentifierPrefix) and $(TeamIdentifierPrefix) come
// from the signing identity, not from any file; another variable may be
// set on the xcodebuild command line. A value with a wildcard matches
// whatever the real one is (model.MatchPattern): never a guess.
const Wildcard = "*"

// expandWild resolves $(VAR) and ${VAR} references among settings, with
// the :lower, :upper, :rfc1034identifier, :c99extidentifier and
// :identifier modifiers; what it cannot resolve becomes Wildcard. Depth
// bounds recursion through settings that refer to each other.
func expandWild(val string, settings map[string]string) string {
	budget := maxExpandRefs
	return expandDepth(val, settings, nil, &budget)
}

// maxExpandRefs bounds the references one expansion resolves: settings
// that each name another many times would otherwise multiply.
const maxExpandRefs = 1000

const maxExpandDepth = 8

// expandDepth expands val; busy are the settings being expanded around
// it (a setting that refers to itself is a wildcard).
func expandDepth(val string, settings map[string]string, busy []string, budget *int) string {
	if !strings.Contains(val, "$") {
		return strings.TrimSpace(val)
	}
	var b strings.Builder
	for i := 0; i < len(val); i++ {
		if val[i] == '$' && i+1 < len(val) && (val[i+1] == '(' || val[i+1] == '{') {
			closer := byte(')')
			if val[i+1] == '{' {
				closer = '}'
			}
			if j := strings.IndexByte(val[i+2:], closer); j >= 0 {
				b.WriteString(resolveRef(val[i+2:i+2+j], settings, busy, budget))
				i += 2 + j
				continue
			}
		}
		b.WriteByte(val[i])
	}
	return collapseWild(strings.TrimSpace(b.String()))
}

// resolveRef is the value of one reference (VAR or VAR:modifier).
func resolveRef(ref string, settings map[string]string, busy []string, budget *int) string {
	name, mods, _ := strings.Cut(ref, ":")
	v, ok := settings[name]
	*budget--
	if !ok || *budget < 0 || len(busy) >= maxExpandDepth || contains(busy, name) || strings.Contains(name, "$") {
		return Wildcard
	}
	v = expandDepth(v, settings, append(busy[:len(busy):len(busy)], name), budget)
	if mods == "" {
		return v
	}
	for _, m := range strings.Split(mods, ",") {
		switch m {
		case "lower":
			v = strings.ToLower(v)
		case "upper":
			v = strings.ToUpper(v)
		case "rfc1034identifier":
			v = mapIdent(v, func(r rune) bool {
				return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '.')
			}, '-')
		case "c99extidentifier", "identifier":
			v = mapIdent(v, func(r rune) bool { return r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_') }, '_')
		default:
			return Wildcard // a modifier we do not know: do not guess
		}
	}
	return v
}

// mapIdent replaces the runes keep rejects by with (wildcards stay).
func mapIdent(s string, keep func(rune) bool, with rune) string {
	return strings.Map(func(r rune) rune {
		if r == '*' || keep(r) {
			return r
		}
		return with
	}, s)
}

// collapseWild merges runs of wildcards.
func collapseWild(s string) string {
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	return s
}
