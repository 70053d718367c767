package source

import (
	"strings"
)

// This file implements git's ignore rules (gitignore(5)) without running
// git. The semantics follow git's dir.c and wildmatch.c:
//
//   - Lines are split at "\n"; a "\r" before it is dropped, and a UTF-8 BOM
//     at the start of the file is skipped.
//   - A line starting with "#" is a comment; "\#" starts a pattern with a
//     literal "#". Blank lines match nothing.
//   - Trailing spaces are removed unless escaped with a backslash ("foo\ ").
//   - A leading "!" negates the pattern; "\!" starts a pattern with a literal
//     "!".
//   - A trailing "/" makes the pattern match directories only; it is removed
//     before the next rule is applied.
//   - A pattern without any other "/" is matched against the last element of
//     the path, at any depth below the .gitignore's directory. A pattern
//     with a "/" at the beginning or in the middle is anchored: it is matched
//     against the whole path relative to the .gitignore's directory, and a
//     leading "/" is dropped.
//   - In anchored patterns "*", "?" and "[...]" never match "/". A "**"
//     element matches any number of directories: "**/foo" (foo at any depth),
//     "a/**/b" (zero or more directories between a and b) and "foo/**"
//     (everything inside foo, but not foo itself). A "**" that is not a
//     whole path element behaves like "*"; a run of three stars or more
//     that is a whole element is "**".
//   - Character classes: "[abc]", ranges "[a-z]", negation "[!a-z]" and
//     "[^a-z]", "]" first in the class is literal, backslash escapes, and the
//     POSIX classes "[:alpha:]" etc. A backslash escapes any character.
//   - Within one file the last matching pattern decides; a deeper .gitignore
//     takes precedence over the ones above it, and every .gitignore takes
//     precedence over .git/info/exclude. A negative match ("!") un-ignores.
//   - A path inside an ignored directory is ignored whatever its own
//     patterns say (git does not even look inside the directory). The walk
//     in Collect gets this for free by not descending into ignored
//     directories; ignoreRules.ignored implements it for a single path.
//
// Matching is case-sensitive (core.ignorecase is not read) and, like git's,
// byte-oriented: "?" matches one byte of a UTF-8 name. It takes time
// bounded by the product of the pattern and path lengths, whatever the
// pattern: runs of "**" are collapsed, the elements are matched by one pass
// over the path keeping the set of pattern positions reached (matchElems),
// and an element's "*" backtracks to the last star only (globSteps).

// ignorePattern is one pattern line of an ignore file.
type ignorePattern struct {
	text     string // the line as written (after trimming), for debugging
	negate   bool   // "!pattern"
	dirOnly  bool   // "pattern/"
	basename bool   // no "/" in the pattern: matched against the last path element
	// elems are the "/"-separated elements of the pattern; a basename
	// pattern has exactly one.
	elems []string
}

// ignoreList is the content of one ignore file.
type ignoreList struct {
	// base is the directory the patterns are relative to, "/"-separated and
	// relative to the root of the ignore context (normally the repository
	// root); "" is that root itself.
	base     string
	patterns []ignorePattern
}

// parseIgnore parses the content of an ignore file whose patterns are
// relative to base ("" or a "/"-separated relative directory path).
func parseIgnore(base string, data []byte) *ignoreList {
	l := &ignoreList{base: base}
	text := strings.TrimPrefix(string(data), "\ufeff")
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		line = trimTrailingSpaces(line)
		if p, ok := parsePattern(line); ok {
			l.patterns = append(l.patterns, p)
		}
	}
	return l
}

// trimTrailingSpaces removes unescaped trailing spaces (not tabs), like
// git's trim_trailing_spaces.
func trimTrailingSpaces(s string) string {
	lastSpace := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if lastSpace < 0 {
				lastSpace = i
			}
		case '\\':
			i++
			if i == len(s) {
				// A trailing backslash: git keeps the line as is.
				return s
			}
			lastSpace = -1
		default:
			lastSpace = -1
		}
	}
	if lastSpace >= 0 {
		return s[:lastSpace]
	}
	return s
}

func parsePattern(line string) (ignorePattern, bool) {
	p := ignorePattern{text: line}
	if strings.HasPrefix(line, "!") {
		p.negate = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = line[:len(line)-1]
	}
	if line == "" {
		return p, false
	}
	elems := splitPattern(line)
	// Like git, a pattern is a basename pattern when it has no "/" at all
	// (an escaped one, or one inside brackets, counts too), and only a
	// real leading "/" anchors it: "\/x" must match a path that begins
	// with "/", which none does, and its empty first element never
	// matches.
	if !strings.Contains(line, "/") {
		p.basename = true
	} else {
		if line[0] == '/' {
			elems = elems[1:]
		}
		elems = collapseDoubleStars(elems)
	}
	p.elems = elems
	return p, true
}

// splitPattern splits a pattern at "/", keeping escape sequences and
// bracket expressions intact (a bracket expression can hold a "/", which
// it never matches: "[!/]" is any character). An escaped "\/" is a
// separator too, a path element cannot contain "/"; but git's wildmatch
// lets a "**" before it match across directories without the "zero
// directories" case of "**/", so "**\/" is one or more directories: the
// elements "*" and "**".
func splitPattern(s string) []string {
	var elems []string
	var cur strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] == '/':
			i++
			if isDoubleStar(cur.String()) {
				elems = append(elems, "*")
			}
			fallthrough
		case c == '/':
			elems = append(elems, cur.String())
			cur.Reset()
		case c == '\\' && i+1 < len(s):
			cur.WriteByte(c)
			i++
			cur.WriteByte(s[i])
		case c == '[':
			if _, next, ok := matchClass(s, i, 0); ok {
				cur.WriteString(s[i:next])
				i = next - 1
				continue
			}
			cur.WriteByte(c)
		default:
			cur.WriteByte(c)
		}
	}
	return append(elems, cur.String())
}

// match reports whether the pattern matches rel, a "/"-separated path
// relative to the pattern's ignore file directory.
func (p *ignorePattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if p.basename {
		name := rel
		if i := strings.LastIndexByte(rel, '/'); i >= 0 {
			name = rel[i+1:]
		}
		return globMatch(p.elems[0], name)
	}
	ok, _ := matchElems(p.elems, rel)
	return ok
}

// collapseDoubleStars replaces every run of "**" elements by one: "**/**"
// matches what "**" matches (zero or more directories in the middle or at
// the start, one or more at the end).
func collapseDoubleStars(elems []string) []string {
	out := elems[:0:0]
	for i, e := range elems {
		if isDoubleStar(e) && i > 0 && isDoubleStar(elems[i-1]) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// matchElems matches pattern elements against the elements of rel, with
// "**" elements matching any number of path elements (at least one when
// "**" is the last element: "foo/**" matches what is inside foo, not foo).
//
// It runs the pattern as a nondeterministic automaton whose states are the
// pattern positions 0..len(pat): one pass over the path elements, keeping
// the set of positions reachable after each element, so every pair
// (pattern position, path element) is looked at once (a recursive
// matcher backtracks exponentially on "**/a/**/a/**/a/..."). steps counts
// those pairs, for the tests: at most (len(pat)+1) × (elements of rel).
func matchElems(pat []string, rel string) (matched bool, steps int) {
	m := len(pat)
	const small = 16
	var buf [2 * (small + 1)]bool
	var cur, next []bool
	if m <= small {
		cur, next = buf[:m+1], buf[small+1:small+1+m+1]
	} else {
		cur, next = make([]bool, m+1), make([]bool, m+1)
	}
	cur[0] = true
	closeDoubleStars(pat, cur)
	for start := 0; ; {
		elem := rel[start:]
		end := strings.IndexByte(elem, '/')
		if end >= 0 {
			elem = elem[:end]
		}
		clear(next)
		live := false
		for i := 0; i <= m; i++ {
			steps++
			switch {
			case !cur[i] || i == m:
				// Nothing is left of the pattern for this element.
			case isDoubleStar(pat[i]):
				next[i] = true // "**" takes the element and maybe more
				if i == m-1 {
					next[m] = true
				}
				live = true
			case globMatch(pat[i], elem):
				next[i+1] = true
				live = true
			}
		}
		cur, next = next, cur
		if !live {
			return false, steps
		}
		closeDoubleStars(pat, cur)
		if end < 0 {
			break
		}
		start += end + 1
	}
	return cur[m], steps
}

// closeDoubleStars adds to the set of positions reachable the position
// after every reachable "**" that is not the last element (it can match
// zero elements there).
func closeDoubleStars(pat []string, set []bool) {
	for i := 0; i < len(pat)-1; i++ {
		if set[i] && isDoubleStar(pat[i]) {
			set[i+1] = true
		}
	}
}

// isDoubleStar reports whether a pattern element is "**": two stars or
// more ("***/x" is "**/x" in git's wildmatch, which takes a run of stars
// as one).
func isDoubleStar(e string) bool {
	return len(e) >= 2 && strings.Trim(e, "*") == ""
}

// globMatch matches one path element (no "/") against one pattern element
// with *, ?, [...] and backslash escapes. Like git, it works on bytes: "?"
// matches one byte, not one UTF-8 character.
func globMatch(pat, name string) bool {
	ok, _ := globSteps(pat, name)
	return ok
}

// globSteps is globMatch, also returning the number of steps it took, for
// the tests. On a mismatch it backtracks to the last "*" only (the earlier
// ones cannot do better, as "*" does not cross "/" here), and the position
// that "*" resumes from only grows, so the steps are at most
// (len(pat)+1) × (len(name)+1).
func globSteps(pat, name string) (matched bool, steps int) {
	px, nx := 0, 0
	starPx, starNx := -1, -1
	for px < len(pat) || nx < len(name) {
		steps++
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				for px < len(pat) && pat[px] == '*' {
					px++
				}
				starPx, starNx = px, nx
				continue
			case '?':
				if nx < len(name) {
					px++
					nx++
					continue
				}
			case '[':
				if nx < len(name) {
					matched, next, ok := matchClass(pat, px, name[nx])
					if !ok {
						// Malformed class: git's wildmatch aborts the match.
						return false, steps
					}
					if matched {
						px = next
						nx++
						continue
					}
				}
			case '\\':
				if px+1 == len(pat) {
					// A trailing backslash matches nothing.
					return false, steps
				}
				if nx < len(name) && name[nx] == pat[px+1] {
					px += 2
					nx++
					continue
				}
			default:
				if nx < len(name) && name[nx] == c {
					px++
					nx++
					continue
				}
			}
		}
		// Mismatch: let the last "*" swallow one more byte.
		if starPx >= 0 && starNx < len(name) {
			starNx++
			px, nx = starPx, starNx
			continue
		}
		return false, steps
	}
	return true, steps
}

// matchClass matches the byte b against the bracket expression starting
// at pat[px] ('['), following git's wildmatch. It returns whether b
// matched, the index after the closing ']', and ok=false when the class is
// malformed (unterminated, or an unknown [:name:]), which makes the whole
// pattern fail, as in git.
func matchClass(pat string, px int, b byte) (matched bool, next int, ok bool) {
	at := func(i int) byte {
		if i < len(pat) {
			return pat[i]
		}
		return 0
	}
	p := px + 1
	c := at(p)
	negated := false
	if c == '!' || c == '^' {
		negated = true
		p++
		c = at(p)
	}
	var prev byte
	for {
		if p >= len(pat) {
			return false, 0, false
		}
		switch {
		case c == '\\':
			p++
			if p >= len(pat) {
				return false, 0, false
			}
			c = pat[p]
			if b == c {
				matched = true
			}
		case c == '-' && prev != 0 && p+1 < len(pat) && pat[p+1] != ']':
			p++
			c = pat[p]
			if c == '\\' {
				p++
				if p >= len(pat) {
					return false, 0, false
				}
				c = pat[p]
			}
			if b >= prev && b <= c {
				matched = true
			}
			c = 0 // a range end cannot start another range
		case c == '[' && at(p+1) == ':':
			end := strings.IndexByte(pat[p+2:], ']')
			if end < 0 {
				return false, 0, false
			}
			end += p + 2
			if end-1 < p+2 || pat[end-1] != ':' {
				// No ":]": a literal '[' in the set.
				if b == '[' {
					matched = true
				}
				break
			}
			fn, known := posixClasses[pat[p+2:end-1]]
			if !known {
				return false, 0, false
			}
			if fn(b) {
				matched = true
			}
			p = end
			c = 0
		default:
			if b == c {
				matched = true
			}
		}
		prev = c
		p++
		c = at(p)
		if p >= len(pat) {
			return false, 0, false
		}
		if c == ']' {
			break
		}
	}
	return matched != negated, p + 1, true
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }
func isAlpha(b byte) bool { return isUpper(b) || isLower(b) }
func isPrint(b byte) bool { return ' ' <= b && b <= '~' }

// posixClasses are the [:name:] classes, with the ASCII meaning git's
// wildmatch gives them.
var posixClasses = map[string]func(byte) bool{
	"alnum":  func(b byte) bool { return isAlpha(b) || isDigit(b) },
	"alpha":  isAlpha,
	"blank":  func(b byte) bool { return b == ' ' || b == '\t' },
	"cntrl":  func(b byte) bool { return b < ' ' || b == 0x7f },
	"digit":  isDigit,
	"graph":  func(b byte) bool { return isPrint(b) && b != ' ' },
	"lower":  isLower,
	"print":  isPrint,
	"punct":  func(b byte) bool { return isPrint(b) && b != ' ' && !isAlpha(b) && !isDigit(b) },
	"space":  func(b byte) bool { return b == ' ' || '\t' <= b && b <= '\r' },
	"upper":  isUpper,
	"xdigit": func(b byte) bool { return isDigit(b) || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F' },
}

// ignoreRules is the set of ignore files that apply to a directory, in
// increasing order of precedence: .git/info/exclude first, then the
// .gitignore files from the root of the ignore context down.
type ignoreRules struct {
	lists []*ignoreList
}

// with returns the rules extended by l (a deeper ignore file), without
// modifying r.
func (r ignoreRules) with(l *ignoreList) ignoreRules {
	if l == nil || len(l.patterns) == 0 {
		return r
	}
	lists := make([]*ignoreList, len(r.lists), len(r.lists)+1)
	copy(lists, r.lists)
	return ignoreRules{lists: append(lists, l)}
}

// match reports whether rel ("/"-separated, relative to the root of the
// ignore context) is ignored by its own patterns, without looking at its
// parent directories. The most specific matching pattern decides: the
// deepest ignore file first, and within a file the last pattern.
func (r ignoreRules) match(rel string, isDir bool) bool {
	for i := len(r.lists) - 1; i >= 0; i-- {
		l := r.lists[i]
		sub := rel
		if l.base != "" {
			var ok bool
			sub, ok = strings.CutPrefix(rel, l.base+"/")
			if !ok {
				continue
			}
		}
		for j := len(l.patterns) - 1; j >= 0; j-- {
			if p := &l.patterns[j]; p.match(sub, isDir) {
				return !p.negate
			}
		}
	}
	return false
}

// ignored reports whether rel is ignored, taking git's rule into account
// that nothing inside an ignored directory can be re-included.
func (r ignoreRules) ignored(rel string, isDir bool) bool {
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' && r.match(rel[:i], true) {
			return true
		}
	}
	return r.match(rel, isDir)
}
