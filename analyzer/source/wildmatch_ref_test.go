package source

import "strings"

// An independent reference for the ignore rules, written from
// gitignore(5) and the behaviour of git's wildmatch: it shares no code
// with gitignore.go (not the line parser, not splitPattern, not
// matchClass). Where gitignore.go splits patterns and paths into elements
// and runs an automaton, this matches the whole pattern against the whole
// path string, recursively, as git does: exponential on many stars, so it
// is only used on small inputs (the table and FuzzGitignoreMatch).

// wildPathname matches text against pat like git's wildmatch with
// WM_PATHNAME: "*", "?" and "[...]" never match "/"; "**" that is a whole
// path element matches across "/" ("**/" zero or more leading
// directories, a trailing "/**" everything below).
func wildPathname(pat, text string) bool { return wild(pat, text, true) }

// wild matches from a pattern position; afterSlash says whether the
// pattern character before it is "/" (or there is none): "**" is special
// only there.
func wild(pat, text string, afterSlash bool) bool {
	if pat == "" {
		return text == ""
	}
	switch pat[0] {
	case '*':
		n := len(pat) - len(strings.TrimLeft(pat, "*"))
		rest := pat[n:]
		if n >= 2 && afterSlash && (rest == "" || rest[0] == '/' || strings.HasPrefix(rest, `\/`)) {
			switch {
			case rest == "":
				return true // everything, slashes included
			case rest[0] == '/':
				// "**/": zero or more whole directories.
				if wild(rest[1:], text, true) {
					return true
				}
				for i := 0; i < len(text); i++ {
					if text[i] == '/' && wild(rest[1:], text[i+1:], true) {
						return true
					}
				}
				return false
			default:
				// "**\/": git treats the "**" as matching anything
				// (slashes too), followed by a literal "/".
				for i := 0; i <= len(text); i++ {
					if wild(rest, text[i:], false) {
						return true
					}
				}
				return false
			}
		}
		// A plain star (also "**" inside an element): any run of
		// characters but "/".
		for i := 0; i <= len(text); i++ {
			if wild(rest, text[i:], false) {
				return true
			}
			if i < len(text) && text[i] == '/' {
				break
			}
		}
		return false
	case '?':
		return text != "" && text[0] != '/' && wild(pat[1:], text[1:], false)
	case '[':
		if text == "" || text[0] == '/' {
			return false
		}
		in, size, ok := refClass(pat, text[0])
		return ok && in && wild(pat[size:], text[1:], false)
	case '\\':
		if len(pat) == 1 {
			return false // a trailing backslash matches nothing
		}
		return text != "" && text[0] == pat[1] && wild(pat[2:], text[1:], pat[1] == '/')
	}
	return text != "" && text[0] == pat[0] && wild(pat[1:], text[1:], pat[0] == '/')
}

// refClass reads the bracket expression at the start of pat and tells
// whether c is in it, with the length of the expression; ok is false for
// a malformed one (no closing "]", an unknown [:name:]), which matches
// nothing.
func refClass(pat string, c byte) (in bool, size int, ok bool) {
	i := 1
	negate := false
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		negate = true
		i++
	}
	var prev int = -1 // the last single character, for a range; -1: none
	first := true
	for {
		if i >= len(pat) {
			return false, 0, false
		}
		ch := pat[i]
		if ch == ']' && !first {
			return in != negate, i + 1, true
		}
		first = false
		switch {
		case ch == '\\':
			if i+1 >= len(pat) {
				return false, 0, false
			}
			ch = pat[i+1]
			in = in || c == ch
			prev = int(ch)
			i += 2
		case ch == '-' && prev >= 0 && i+1 < len(pat) && pat[i+1] != ']':
			hi := pat[i+1]
			i += 2
			if hi == '\\' {
				if i >= len(pat) {
					return false, 0, false
				}
				hi = pat[i]
				i++
			}
			in = in || int(c) >= prev && c <= hi
			prev = -1
		case ch == '[' && i+1 < len(pat) && pat[i+1] == ':':
			close := strings.IndexByte(pat[i+2:], ']')
			if close < 0 {
				return false, 0, false
			}
			name, isClass := strings.CutSuffix(pat[i+2:i+2+close], ":")
			if !isClass {
				// "[:" without ":]": a literal "[".
				in = in || c == '['
				prev = '['
				i++
				continue
			}
			member, known := refPosix(name, c)
			if !known {
				return false, 0, false
			}
			in = in || member
			prev = -1
			i += 2 + close + 1
		default:
			in = in || c == ch
			prev = int(ch)
			i++
		}
	}
}

// refPosix is c's membership of the POSIX class name, in ASCII (bytes
// from 0x80 are in no class, as in git).
func refPosix(name string, c byte) (member, known bool) {
	upper, lower, digit := c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9'
	graph := c > ' ' && c < 0x7f
	switch name {
	case "alpha":
		return upper || lower, true
	case "alnum":
		return upper || lower || digit, true
	case "digit":
		return digit, true
	case "xdigit":
		return digit || strings.IndexByte("abcdefABCDEF", c) >= 0, true
	case "upper":
		return upper, true
	case "lower":
		return lower, true
	case "space":
		return strings.IndexByte(" \t\n\v\f\r", c) >= 0, true
	case "blank":
		return c == ' ' || c == '\t', true
	case "cntrl":
		return c < ' ' || c == 0x7f, true
	case "print":
		return graph || c == ' ', true
	case "graph":
		return graph, true
	case "punct":
		return graph && !upper && !lower && !digit, true
	}
	return false, false
}

// refRule is one pattern line, as gitignore(5) describes it.
type refRule struct {
	pattern  string // without "!", the trailing "/" and a leading "/"
	negate   bool
	dirOnly  bool
	basename bool // no "/" in it: matched against the last path element
}

// refRules reads an ignore file.
func refRules(content string) []refRule {
	var out []refRule
	content = strings.TrimPrefix(content, "\ufeff")
	for _, line := range strings.Split(content, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		// Trailing spaces go, unless escaped: find where the run of
		// spaces at the end starts, skipping escaped characters.
		cut := len(line)
		for i := 0; i < len(line); i++ {
			switch line[i] {
			case ' ':
				if cut == len(line) {
					cut = i // a run of spaces starts
				}
			case '\\':
				i++ // escapes the next character, a space too
				cut = len(line)
			default:
				cut = len(line)
			}
		}
		line = line[:cut]
		var r refRule
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly, line = true, line[:len(line)-1]
		}
		if line == "" {
			continue
		}
		r.basename = !strings.Contains(line, "/")
		r.pattern = strings.TrimPrefix(line, "/")
		out = append(out, r)
	}
	return out
}

func (r refRule) matches(rel string, isDir bool) bool {
	if r.dirOnly && !isDir {
		return false
	}
	if r.basename {
		// Without WM_PATHNAME, but a name has no "/" anyway.
		return wildPathname(r.pattern, rel[strings.LastIndexByte(rel, '/')+1:])
	}
	return wildPathname(r.pattern, rel)
}

// refIgnoredBy is whether rel ("/"-separated, relative to the root) is
// ignored by the ignore files (base directory and content, in increasing
// precedence), git's way: a path inside an ignored directory is ignored;
// otherwise the deepest file that has a matching pattern decides, by its
// last matching pattern.
func refIgnoredBy(files []ign, rel string, isDir bool) bool {
	own := func(rel string, isDir bool) bool {
		for i := len(files) - 1; i >= 0; i-- {
			sub := rel
			if b := files[i].base; b != "" {
				var ok bool
				if sub, ok = strings.CutPrefix(rel, b+"/"); !ok {
					continue
				}
			}
			rs := refRules(files[i].content)
			for j := len(rs) - 1; j >= 0; j-- {
				if rs[j].matches(sub, isDir) {
					return !rs[j].negate
				}
			}
		}
		return false
	}
	parts := strings.Split(rel, "/")
	for i := 1; i < len(parts); i++ {
		if own(strings.Join(parts[:i], "/"), true) {
			return true
		}
	}
	return own(rel, isDir)
}
