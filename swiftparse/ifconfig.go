package swiftparse

import (
	"strings"
	"unicode"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// cond is the meaning of a conditional-compilation condition: the
// platforms on which it may be true and those on which it may be false.
// A condition that does not depend on the platform (DEBUG, swift(>=5.9),
// __APPLE__) may be either anywhere.
type cond struct{ t, f model.Platform }

var unknownCond = cond{model.AllPlatforms, model.AllPlatforms}

func platformCond(p model.Platform) cond { return cond{p, model.AllPlatforms &^ p} }

// Swift os(...) arguments. os(iOS) is also true when building for Mac
// Catalyst; os(Linux) and friends are never true on an Apple platform.
var swiftOS = map[string]model.Platform{
	"macos": model.MacOS, "osx": model.MacOS,
	"ios":      model.IOS | model.MacCatalyst,
	"tvos":     model.TVOS,
	"watchos":  model.WatchOS,
	"visionos": model.VisionOS, "xros": model.VisionOS,
	"linux": 0, "windows": 0, "android": 0, "freebsd": 0, "openbsd": 0, "wasi": 0, "cygwin": 0, "haiku": 0, "ps4": 0,
}

// Target conditionals from <TargetConditionals.h>. TARGET_OS_MAC is true
// on every Darwin platform, so it does not narrow.
var targetMacros = map[string]model.Platform{
	"TARGET_OS_OSX":           model.MacOS,
	"TARGET_OS_IPHONE":        model.IOSFamily,
	"TARGET_OS_IOS":           model.IOS | model.MacCatalyst,
	"TARGET_OS_MACCATALYST":   model.MacCatalyst,
	"TARGET_OS_UIKITFORMAC":   model.MacCatalyst,
	"TARGET_OS_TV":            model.TVOS,
	"TARGET_OS_WATCH":         model.WatchOS,
	"TARGET_OS_VISION":        model.VisionOS,
	"TARGET_OS_XR":            model.VisionOS,
	"TARGET_OS_EMBEDDED":      model.IOSFamily &^ model.MacCatalyst,
	"TARGET_IPHONE_SIMULATOR": model.IOSFamily &^ model.MacCatalyst,
}

// Platforms on which canImport(X) is true, for the frameworks that tell
// platforms apart.
var canImport = map[string]model.Platform{
	"uikit":    model.IOS | model.TVOS | model.VisionOS | model.MacCatalyst | model.WatchOS, // UIKit exists on watchOS too
	"appkit":   model.MacOS,
	"cocoa":    model.MacOS,
	"watchkit": model.WatchOS,
}

// evalCondition evaluates the text of an #if condition (Swift or C
// preprocessor syntax). Anything it does not understand is unknownCond.
func evalCondition(text string) cond {
	p := &condParser{toks: tokenizeCond(text)}
	c := p.or()
	if p.pos != len(p.toks) {
		return unknownCond
	}
	return c
}

type condParser struct {
	toks []string
	pos  int
}

func (p *condParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *condParser) next() string { t := p.peek(); p.pos++; return t }

func (p *condParser) or() cond {
	c := p.and()
	for p.peek() == "||" {
		p.next()
		d := p.and()
		c = cond{c.t | d.t, c.f & d.f}
	}
	return c
}

func (p *condParser) and() cond {
	c := p.cmp()
	for p.peek() == "&&" {
		p.next()
		d := p.cmp()
		c = cond{c.t & d.t, c.f | d.f}
	}
	return c
}

// cmp handles `MACRO == 1`, `MACRO != 0` and the like.
func (p *condParser) cmp() cond {
	c := p.unary()
	if op := p.peek(); op == "==" || op == "!=" {
		p.next()
		v := p.next()
		if !isNumber(v) {
			// `0 == TARGET_OS_IPHONE`, `A == B`: not understood.
			return unknownCond
		}
		truth := v != "0"
		if op == "!=" {
			truth = !truth
		}
		if !truth {
			c = cond{c.f, c.t}
		}
	}
	return c
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (p *condParser) unary() cond {
	switch p.peek() {
	case "!":
		p.next()
		c := p.unary()
		return cond{c.f, c.t}
	case "(":
		p.next()
		c := p.or()
		if p.peek() == ")" {
			p.next()
		}
		return c
	}
	return p.atom()
}

func (p *condParser) atom() cond {
	name := p.next()
	if name == "" {
		return unknownCond
	}
	var arg string
	if p.peek() == "(" {
		// Function-like: os(macOS), defined(X), canImport(UIKit), swift(>=5).
		p.next()
		var parts []string
		for depth := 1; p.pos < len(p.toks); {
			t := p.next()
			if t == "(" {
				depth++
			} else if t == ")" {
				depth--
				if depth == 0 {
					break
				}
			}
			parts = append(parts, t)
		}
		arg = strings.Join(parts, "")
	}
	switch name {
	case "os":
		if pl, ok := swiftOS[strings.ToLower(arg)]; ok {
			return platformCond(pl)
		}
	case "targetEnvironment":
		if strings.EqualFold(arg, "macCatalyst") {
			return platformCond(model.MacCatalyst)
		}
	case "canImport":
		if pl, ok := canImport[strings.ToLower(arg)]; ok {
			return platformCond(pl)
		}
	case "defined":
		// The TARGET_OS_* macros are defined (to 0 or 1) everywhere, so
		// defined() of them says nothing. The SDK version macros do.
		switch arg {
		case "__IPHONE_OS_VERSION_MIN_REQUIRED", "__IPHONE_OS_VERSION_MAX_ALLOWED":
			return cond{model.IOSFamily, model.AllPlatforms}
		}
	case "true", "1":
		return cond{model.AllPlatforms, 0}
	case "false", "0":
		return cond{0, model.AllPlatforms}
	default:
		if pl, ok := targetMacros[name]; ok && arg == "" {
			return platformCond(pl)
		}
	}
	return unknownCond
}

// tokenizeCond splits a condition into identifiers, numbers, operators
// and parentheses; comments and line continuations are dropped.
func tokenizeCond(s string) []string {
	if i := strings.Index(s, "//"); i >= 0 {
		s = s[:i]
	}
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "*/")
		if j < 0 {
			s = s[:i]
			break
		}
		s = s[:i] + " " + s[i+2+j+2:]
	}
	var toks []string
	for i := 0; i < len(s); {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c) || c == '\\':
			i++
		case c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.':
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '.' || unicode.IsLetter(rune(s[j])) || unicode.IsDigit(rune(s[j]))) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "&&"), strings.HasPrefix(s[i:], "||"), strings.HasPrefix(s[i:], "=="),
			strings.HasPrefix(s[i:], "!="), strings.HasPrefix(s[i:], ">="), strings.HasPrefix(s[i:], "<="):
			toks = append(toks, s[i:i+2])
			i += 2
		default:
			toks = append(toks, s[i:i+1])
			i++
		}
	}
	return toks
}

// clausePlatforms computes, for a chain of conditions (#if, #elseif…,
// with "" for #else), the platforms on which each branch is compiled.
func clausePlatforms(conds []string) []model.Platform {
	out := make([]model.Platform, len(conds))
	rest := model.AllPlatforms // platforms where no earlier branch was certainly taken
	for i, c := range conds {
		if c == "" {
			out[i] = rest
			continue
		}
		ev := evalCondition(c)
		out[i] = ev.t & rest
		rest &= ev.f
	}
	return out
}
