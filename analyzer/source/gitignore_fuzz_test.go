package source

import (
	"strings"
	"testing"
)

// The reference implementation of the ignore rules for FuzzGitignoreMatch:
// the straightforward recursive matcher this package used before matching
// was made linear (exponential on "**/a/**/a/..." and on many stars, so
// the fuzz target feeds it small inputs only). It re-parses each pattern
// line without collapsing runs of "**", and matches characters with a
// recursive glob instead of the backtracking loop of globSteps.

type refPattern struct {
	negate, dirOnly, basename bool
	elems                     []string
}

func refParse(line string) (refPattern, bool) {
	var p refPattern
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
	if !strings.Contains(line, "/") {
		p.basename = true
	} else if line[0] == '/' {
		elems = elems[1:]
	}
	p.elems = elems
	return p, true
}

func (p *refPattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if p.basename {
		return refGlob(p.elems[0], rel[strings.LastIndexByte(rel, '/')+1:])
	}
	return refElems(p.elems, strings.Split(rel, "/"))
}

func refElems(pat, path []string) bool {
	for len(pat) > 0 {
		if isDoubleStar(pat[0]) {
			if len(pat) == 1 {
				return len(path) > 0
			}
			for i := 0; i <= len(path); i++ {
				if refElems(pat[1:], path[i:]) {
					return true
				}
			}
			return false
		}
		if len(path) == 0 || !refGlob(pat[0], path[0]) {
			return false
		}
		pat, path = pat[1:], path[1:]
	}
	return len(path) == 0
}

// refGlob matches one element recursively: "*" tries every length.
func refGlob(pat, name string) bool {
	if pat == "" {
		return name == ""
	}
	switch pat[0] {
	case '*':
		rest := strings.TrimLeft(pat, "*")
		for i := 0; i <= len(name); i++ {
			if refGlob(rest, name[i:]) {
				return true
			}
		}
		return false
	case '?':
		return name != "" && refGlob(pat[1:], name[1:])
	case '[':
		if name == "" {
			return false
		}
		matched, next, ok := matchClass(pat, 0, name[0])
		return ok && matched && refGlob(pat[next:], name[1:])
	case '\\':
		return len(pat) > 1 && name != "" && name[0] == pat[1] && refGlob(pat[2:], name[1:])
	}
	return name != "" && name[0] == pat[0] && refGlob(pat[1:], name[1:])
}

// refIgnored is ignoreRules.ignored for one ignore file at the root.
func refIgnored(content, rel string, isDir bool) bool {
	var pats []refPattern
	for _, p := range parseIgnore("", []byte(content)).patterns {
		if rp, ok := refParse(p.text); ok {
			pats = append(pats, rp)
		}
	}
	match := func(rel string, isDir bool) bool {
		for j := len(pats) - 1; j >= 0; j-- {
			if pats[j].match(rel, isDir) {
				return !pats[j].negate
			}
		}
		return false
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' && match(rel[:i], true) {
			return true
		}
	}
	return match(rel, isDir)
}

// FuzzGitignoreMatch compares the ignore rules with two references on
// small ignore files and paths: the element-wise matcher above, and the
// independent whole-string wildmatch of wildmatch_ref_test.go (which
// shares no code with gitignore.go, and agrees with git itself on the
// table: TestGitignoreTableMatchesGit).
func FuzzGitignoreMatch(f *testing.F) {
	for _, c := range gitignoreCases() {
		if len(c.files) != 1 || c.files[0].base != "" {
			continue
		}
		for _, ch := range c.checks {
			f.Add(c.files[0].content, ch.path, ch.isDir)
		}
	}
	f.Add("**/a/**/a/**/b\n", "a/a/a/a/b", false)
	f.Add("a/**/**/b/**\n!a/**/c\n", "a/x/b/y/c", true)
	f.Add("*a*[!b]?*\\*\n", "xaaca*", false)
	f.Fuzz(func(t *testing.T, content, rel string, isDir bool) {
		if len(content) > 40 || len(rel) > 24 || strings.Count(content, "*") > 8 {
			return // the reference is exponential
		}
		if rel == "" || strings.HasPrefix(rel, "/") || strings.HasSuffix(rel, "/") || strings.Contains(rel, "//") {
			return // not a relative path as the walk makes them
		}
		got := rules(ign{"", content}).ignored(rel, isDir)
		if want := refIgnored(content, rel, isDir); got != want {
			t.Errorf("ignore file %q, path %q (dir %v): ignored = %v, the element-wise reference says %v", content, rel, isDir, got, want)
		}
		if want := refIgnoredBy([]ign{{"", content}}, rel, isDir); got != want {
			t.Errorf("ignore file %q, path %q (dir %v): ignored = %v, the wildmatch reference says %v", content, rel, isDir, got, want)
		}
	})
}
