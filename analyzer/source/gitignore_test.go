package source

import (
	"fmt"
	"strings"
	"testing"
)

// ign is an ignore file for the tests: its directory relative to the
// repository root ("" for the root) and its content.
type ign struct{ base, content string }

func rules(files ...ign) ignoreRules {
	var r ignoreRules
	for _, f := range files {
		r = r.with(parseIgnore(f.base, []byte(f.content)))
	}
	return r
}

type check struct {
	path  string
	isDir bool
	want  bool
}

// f and d build checks for a file and a directory.
func f(path string, want bool) check { return check{path, false, want} }
func d(path string, want bool) check { return check{path, true, want} }

// gitignoreCase is a set of ignore files and the expected answers. The
// expectations were checked against git 2.x (git status --ignored and
// git ls-files --others --exclude-standard on real trees).
type gitignoreCase struct {
	name   string
	files  []ign // increasing precedence, like Collect builds them
	checks []check
}

func TestGitignore(t *testing.T) {
	tests := gitignoreCases()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := rules(tt.files...)
			for _, c := range tt.checks {
				kind := "file"
				if c.isDir {
					kind = "dir"
				}
				if got := r.ignored(c.path, c.isDir); got != c.want {
					t.Errorf("%s %q: ignored = %v, want %v (patterns %s)", kind, c.path, got, c.want, describe(tt.files))
				}
			}
		})
	}
}

func gitignoreCases() []gitignoreCase {
	return []gitignoreCase{
		{
			name:  "plain name matches at any depth, files and directories",
			files: []ign{{"", "Secrets.swift\n"}},
			checks: []check{
				f("Secrets.swift", true), f("a/Secrets.swift", true), f("a/b/Secrets.swift", true),
				d("Secrets.swift", true), f("MySecrets.swift", false), f("Secrets.swifty", false),
			},
		},
		{
			name:  "blank lines and comments",
			files: []ign{{"", "\n# a comment\n   \n#*.swift\n\t\nx.m\n"}},
			checks: []check{
				f("x.m", true), f("a.swift", false), f("# a comment", false), f("#*.swift", false),
				f("#a.swift", false),
			},
		},
		{
			name:  "escaped hash",
			files: []ign{{"", `\#notes.swift` + "\n"}},
			checks: []check{
				f("#notes.swift", true), f("notes.swift", false), f(`\#notes.swift`, false),
			},
		},
		{
			name:  "escaped exclamation mark is not a negation",
			files: []ign{{"", "*.swift\n" + `\!important.swift` + "\n"}},
			checks: []check{
				f("!important.swift", true), f("important.swift", true), f("a.m", false),
			},
		},
		{
			name:  "escaped exclamation mark alone",
			files: []ign{{"", `\!important` + "\n"}},
			checks: []check{
				f("!important", true), f("important", false),
			},
		},
		{
			name:  "trailing spaces are trimmed, escaped ones kept",
			files: []ign{{"", "a.swift   \nb.swift\\ \nc.swift\\  \t \n"}},
			checks: []check{
				f("a.swift", true), f("a.swift   ", false),
				f("b.swift ", true), f("b.swift", false),
				// A tab is not trimmed, and trailing spaces after it are.
				f("c.swift  \t", true), f("c.swift", false), f("c.swift ", false), f("c.swift \t", false),
			},
		},
		{
			name:  "spaces inside a pattern are literal",
			files: []ign{{"", "My File.swift\n"}},
			checks: []check{
				f("My File.swift", true), f("MyFile.swift", false),
			},
		},
		{
			name:  "CRLF line endings and a BOM",
			files: []ign{{"", "\ufeffa.swift\r\nb.swift\r\n"}},
			checks: []check{
				f("a.swift", true), f("b.swift", true), f("a.swift\r", false),
			},
		},
		{
			name:  "a trailing backslash matches nothing",
			files: []ign{{"", "foo\\\n"}},
			checks: []check{
				f("foo", false), f(`foo\`, false),
			},
		},
		{
			name:  "negation: last matching pattern wins",
			files: []ign{{"", "*.swift\n!keep.swift\n"}},
			checks: []check{
				f("a.swift", true), f("keep.swift", false), f("sub/keep.swift", false),
				f("sub/a.swift", true), f("keep.m", false),
			},
		},
		{
			name:  "negation before the pattern has no effect",
			files: []ign{{"", "!keep.swift\n*.swift\n"}},
			checks: []check{
				f("keep.swift", true),
			},
		},
		{
			name:  "a negated file inside an ignored directory stays ignored",
			files: []ign{{"", "logs/\n!logs/keep.swift\n!keep2.swift\n"}},
			checks: []check{
				d("logs", true), f("logs/keep.swift", true), f("logs/keep2.swift", true),
				f("logs/sub/keep.swift", true), f("keep.swift", false),
			},
		},
		{
			name:  "dir/* then a negation re-includes (the directory is not ignored)",
			files: []ign{{"", "logs/*\n!logs/keep.swift\n"}},
			checks: []check{
				d("logs", false), f("logs/a.swift", true), f("logs/keep.swift", false),
				d("logs/sub", true), f("logs/sub/keep.swift", true),
			},
		},
		{
			name:  "re-including a directory un-ignores its content",
			files: []ign{{"", "/*\n!/Sources/\n"}},
			checks: []check{
				f("a.swift", true), d("Tests", true), f("Tests/a.swift", true),
				d("Sources", false), f("Sources/a.swift", false), f("Sources/x/y.swift", false),
			},
		},
		{
			name:  "build/ matches a directory at any depth, not a file",
			files: []ign{{"", "build/\n"}},
			checks: []check{
				d("build", true), d("a/build", true), d("a/b/build", true),
				f("build", false), f("a/build", false),
				f("build/x.swift", true), f("a/build/x.swift", true),
				d("mybuild", false), d("build2", false),
			},
		},
		{
			name:  "/build only at the root of the .gitignore",
			files: []ign{{"", "/build\n"}},
			checks: []check{
				d("build", true), f("build", true), f("build/x.swift", true),
				d("a/build", false), f("a/build", false), f("a/build/x.swift", false),
			},
		},
		{
			name:  "/build/ only a directory at the root",
			files: []ign{{"", "/build/\n"}},
			checks: []check{
				d("build", true), f("build", false), d("a/build", false),
			},
		},
		{
			name:  "a slash in the middle anchors: doc/*.txt",
			files: []ign{{"", "doc/*.txt\n"}},
			checks: []check{
				f("doc/x.txt", true), f("doc/.txt", true),
				f("doc/sub/x.txt", false), f("a/doc/x.txt", false), f("x.txt", false),
			},
		},
		{
			name:  "* and ? do not match a slash in anchored patterns",
			files: []ign{{"", "a/*\nb/?/c\n"}},
			checks: []check{
				f("a/x", true), d("a/x", true), f("a/x/y", true), // inside the ignored a/x
				f("b/1/c", true), f("b/12/c", false), f("b//c", false),
			},
		},
		{
			name:  "**/foo matches foo at any depth",
			files: []ign{{"", "**/foo\n"}},
			checks: []check{
				f("foo", true), d("foo", true), f("a/foo", true), f("a/b/foo", true),
				f("xfoo", false), f("a/xfoo", false), f("foo/bar", true), // inside the directory foo
			},
		},
		{
			name:  "**/foo/bar",
			files: []ign{{"", "**/foo/bar\n"}},
			checks: []check{
				f("foo/bar", true), f("x/foo/bar", true), f("x/y/foo/bar", true),
				f("foo/x/bar", false), f("bar", false), f("xfoo/bar", false),
			},
		},
		{
			name:  "foo/** matches everything inside foo, not foo",
			files: []ign{{"", "foo/**\n"}},
			checks: []check{
				d("foo", false), f("foo", false),
				f("foo/a", true), d("foo/a", true), f("foo/a/b", true),
				f("bar/foo/a", false), f("foobar/a", false),
			},
		},
		{
			name:  "foo/** then a negation re-includes a file",
			files: []ign{{"", "Vendor/**\n!Vendor/Keep.swift\n"}},
			checks: []check{
				f("Vendor/Lib.swift", true), f("Vendor/Keep.swift", false),
			},
		},
		{
			name:  "a/**/b matches zero or more directories",
			files: []ign{{"", "a/**/b\n"}},
			checks: []check{
				f("a/b", true), f("a/x/b", true), f("a/x/y/b", true), d("a/x/b", true),
				f("a/xb", false), f("ab", false), f("x/a/b", false), f("a/b/c", true), // inside a/b
				f("a/x/bc", false),
			},
		},
		{
			name:  "a/**/*.swift",
			files: []ign{{"", "Gen/**/*.generated.swift\n"}},
			checks: []check{
				f("Gen/A.generated.swift", true), f("Gen/x/y/A.generated.swift", true),
				f("Gen/A.swift", false), f("Other/A.generated.swift", false),
			},
		},
		{
			name:  "runs of ** act as one: a/**/**/b, **/**/c, d/**/**",
			files: []ign{{"", "a/**/**/b\n**/**/c\nd/**/**\n"}},
			checks: []check{
				f("a/b", true), f("a/x/b", true), f("a/x/y/b", true), f("x/a/b", false),
				f("c", true), f("x/c", true), f("x/y/c", true),
				d("d", false), f("d/x", true), f("d/x/y", true),
			},
		},
		{
			name:  "**/x/**: x at any depth, its content only",
			files: []ign{{"", "**/x/**\n"}},
			checks: []check{
				d("x", false), f("x/a", true), f("p/x/a", true), f("p/q/x/a/b", true), d("p/x", false),
			},
		},
		{
			name:  "/**/x is **/x anchored (the same)",
			files: []ign{{"", "/**/x\n"}},
			checks: []check{
				f("x", true), f("a/x", true), f("a/b/x", true), f("xa", false),
			},
		},
		{
			name:  "a/**/b/**/c: several ** in the middle",
			files: []ign{{"", "a/**/b/**/c\n"}},
			checks: []check{
				f("a/b/c", true), f("a/1/b/2/c", true), f("a/b/b/c", true), f("a/1/2/b/c", true),
				f("a/c", false), f("a/b/x", false), f("a/1/b", false),
			},
		},
		{
			name:  "** next to a name is a plain * in anchored patterns: a/**x/b",
			files: []ign{{"", "a/**x/b\n"}},
			checks: []check{
				f("a/x/b", true), f("a/yx/b", true), f("a/y/x/b", false),
			},
		},
		{
			name:  "**/ in a nested .gitignore is relative to its directory",
			files: []ign{{"", ""}, {"sub", "**/gen\n"}},
			checks: []check{
				d("sub/gen", true), d("sub/a/gen", true), d("gen", false), d("other/gen", false),
			},
		},
		{
			name:  "** not alone in an element is a plain *",
			files: []ign{{"", "x/a**b\n**.log\n"}},
			checks: []check{
				f("x/ab", true), f("x/aXYb", true), f("x/a/b", false),
				f("a.log", true), f("deep/er/a.log", true),
			},
		},
		{
			name:  "** alone matches everything",
			files: []ign{{"", "**\n!*.swift\n"}},
			checks: []check{
				f("a.m", true), f("a.swift", false), d("dir", true),
			},
		},
		{
			name:  "? matches one character",
			files: []ign{{"", "?.swift\n"}},
			checks: []check{
				f("a.swift", true), f("ab.swift", false), f(".swift", false),
				f("é.swift", false), // git matches bytes: é is two
			},
		},
		{
			name:  "?? matches a two-byte UTF-8 character",
			files: []ign{{"", "??.swift\n"}},
			checks: []check{
				f("é.swift", true), f("ab.swift", true), f("a.swift", false),
			},
		},
		{
			name:  "character classes",
			files: []ign{{"", "file[0-9].swift\n[!a]bc\n[^x]yz\nm[abc].h\n[]]q\n[a-]r\n[[:digit:]]d\n[[:upper:][:digit:]]u\n"}},
			checks: []check{
				f("file0.swift", true), f("file9.swift", true), f("filea.swift", false), f("file10.swift", false),
				f("bbc", true), f("abc", false),
				f("ayz", true), f("xyz", false),
				f("ma.h", true), f("mc.h", true), f("md.h", false),
				f("]q", true), f("aq", false),
				f("ar", true), f("-r", true), f("br", false),
				f("7d", true), f("xd", false),
				f("Au", true), f("3u", true), f("au", false),
			},
		},
		{
			// Found by FuzzGitignoreMatch against the wildmatch reference.
			name:  "escaped slashes and slashes in brackets count as slashes, but only a real leading / anchors",
			files: []ign{{"", "\\/0\na[!/]b\n**\\/c\n[/]d\nx\\/y\n"}},
			checks: []check{
				f("0", false), f("a/0", false), f("axb", true), f("d/axb", false), f("a/b", false),
				f("c", false), f("x/c", true), f("x/y/c", true), f("d", false), f("x/y", true), f("q/x/y", false),
			},
		},
		{
			// Found by FuzzGitignoreMatch against the wildmatch reference.
			name:  "a run of three stars as an element is **",
			files: []ign{{"", "***/a\nb/***\n"}},
			checks: []check{
				f("a", true), f("x/a", true), f("x/y/a", true), f("b/c", true), d("b", false), f("xb/c", false),
			},
		},
		{
			name:  "malformed classes match nothing",
			files: []ign{{"", "abc[\n[[:nope:]]x\n"}},
			checks: []check{
				f("abc[", false), f("abc", false), f("ax", false), f("[[:nope:]]x", false),
			},
		},
		{
			name:  "escaped wildcards are literal",
			files: []ign{{"", `\*.swift` + "\n" + `q\?` + "\n" + `\[x]` + "\n"}},
			checks: []check{
				f("*.swift", true), f("a.swift", false),
				f("q?", true), f("qa", false),
				f("[x]", true), f("x", false),
			},
		},
		{
			name:  "directory-only glob",
			files: []ign{{"", "*.xcassets/\n"}},
			checks: []check{
				d("Assets.xcassets", true), d("a/Assets.xcassets", true), f("Assets.xcassets", false),
			},
		},
		{
			name:  "dot files",
			files: []ign{{"", "*.swift\n"}},
			checks: []check{
				f(".hidden.swift", true), // * matches a leading dot (unlike the shell)
			},
		},
		{
			name: "nested .gitignore is relative to its directory",
			files: []ign{
				{"", "*.log\n"},
				{"Sources/App", "/Local.m\n*.tmp\nGen/*.swift\n"},
			},
			checks: []check{
				f("Sources/App/Local.m", true), f("Local.m", false),
				f("Sources/App/x/Local.m", false), f("Sources/Local.m", false),
				f("Sources/App/a.tmp", true), f("Sources/App/x/a.tmp", true),
				f("a.tmp", false), f("Sources/a.tmp", false),
				f("Sources/App/Gen/a.swift", true), f("Gen/a.swift", false), f("Sources/App/x/Gen/a.swift", false),
				f("Sources/App/z.log", true), // the root .gitignore still applies below
			},
		},
		{
			name: "a deeper .gitignore overrides a shallower one",
			files: []ign{
				{"", "*.log\n!keep.m\n"},
				{"sub", "!*.log\nkeep.m\n"},
			},
			checks: []check{
				f("a.log", true), f("sub/a.log", false), f("sub/x/a.log", false),
				f("keep.m", false), f("sub/keep.m", true),
			},
		},
		{
			name: "a nested .gitignore does not apply to siblings with the same prefix",
			files: []ign{
				{"", ""},
				{"sub", "*.swift\n"},
			},
			checks: []check{
				f("sub/a.swift", true), f("subway/a.swift", false), f("a.swift", false),
			},
		},
		{
			name: ".git/info/exclude has the lowest precedence",
			files: []ign{
				{"", "Excluded.swift\nOverridden.swift\n"}, // info/exclude comes first
				{"", "!Overridden.swift\n"},                // the root .gitignore
			},
			checks: []check{
				f("Excluded.swift", true), f("Overridden.swift", false), f("a/Excluded.swift", true),
			},
		},
		{
			name:  "negation of a directory-only pattern",
			files: []ign{{"", "*\n!*/\n!*.swift\n"}},
			checks: []check{
				d("Sources", false), f("Sources/a.swift", false), f("Sources/a.txt", true), f("README", true),
			},
		},
		{
			name:  "pattern with only slashes or a lone ! is ignored",
			files: []ign{{"", "/\n!\n!/\n"}},
			checks: []check{
				f("a", false), d("a", false),
			},
		},
	}
}

func describe(files []ign) string {
	s := ""
	for _, f := range files {
		s += fmt.Sprintf("[%q: %q]", f.base, f.content)
	}
	return s
}

// TestGitignoreMatchSelf checks that match looks at the path only, not at
// its parent directories (the walk never asks about a path inside an
// ignored directory).
func TestGitignoreMatchSelf(t *testing.T) {
	r := rules(ign{"", "logs/\n!keep.swift\nfoo/**\n"})
	for _, c := range []check{
		d("logs", true), f("logs/keep.swift", false), f("logs/a.swift", false),
		d("foo", false), f("foo/a", true),
	} {
		if got := r.match(c.path, c.isDir); got != c.want {
			t.Errorf("match(%q, %v) = %v, want %v", c.path, c.isDir, got, c.want)
		}
	}
}

func TestTrimTrailingSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"a":         "a",
		"a   ":      "a",
		`a\ `:       `a\ `,
		`a\  `:      `a\ `,
		`a\ \ `:     `a\ \ `,
		"a\t ":      "a\t",
		" a":        " a",
		`a\`:        `a\`,
		`a \\ `:     `a \\`,
		"a b  ":     "a b",
		`\ `:        `\ `,
		"   ":       "",
		`a\\\ b\  `: `a\\\ b\ `,
	} {
		if got := trimTrailingSpaces(in); got != want {
			t.Errorf("trimTrailingSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		line                       string
		ok, neg, dirOnly, basename bool
		elems                      []string
	}{
		{"foo", true, false, false, true, []string{"foo"}},
		{"!foo", true, true, false, true, []string{"foo"}},
		{"foo/", true, false, true, true, []string{"foo"}},
		{"/foo", true, false, false, false, []string{"foo"}},
		{"/foo/", true, false, true, false, []string{"foo"}},
		{"a/b/", true, false, true, false, []string{"a", "b"}},
		{"!a/**/b", true, true, false, false, []string{"a", "**", "b"}},
		{"a/**/**/**/b/**/**", true, false, false, false, []string{"a", "**", "b", "**"}},
		{"/**/**/x", true, false, false, false, []string{"**", "x"}},
		{`\!a`, true, false, false, true, []string{`\!a`}},
		{`a\/b`, true, false, false, false, []string{"a", "b"}},
		{"/", false, false, true, false, nil},
		{"!", false, true, false, false, nil},
	}
	for _, tt := range tests {
		p, ok := parsePattern(tt.line)
		if ok != tt.ok {
			t.Errorf("parsePattern(%q) ok = %v, want %v", tt.line, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		var elems []string
		for _, e := range p.elems {
			elems = append(elems, string(e))
		}
		if p.negate != tt.neg || p.dirOnly != tt.dirOnly || p.basename != tt.basename || fmt.Sprint(elems) != fmt.Sprint(tt.elems) {
			t.Errorf("parsePattern(%q) = neg %v dirOnly %v basename %v elems %q, want %v %v %v %q",
				tt.line, p.negate, p.dirOnly, p.basename, elems, tt.neg, tt.dirOnly, tt.basename, tt.elems)
		}
	}
}

// deepPath returns n path elements "name" joined by "/".
func deepPath(name string, n int) string {
	return strings.TrimSuffix(strings.Repeat(name+"/", n), "/")
}

// TestGitignorePathologicalPatterns checks that matching is bounded by
// the product of the pattern and path lengths, counting the work done (not
// timing it): a line of 20 "**" elements over a path 14 deep made the
// recursive matcher backtrack exponentially (it never finished).
func TestGitignorePathologicalPatterns(t *testing.T) {
	stars := func(sep string, n int, last string) string {
		return strings.Repeat("**/"+sep, n) + last
	}
	tests := []struct {
		name, line string
		depth      int
		want       bool
	}{
		{"20 ** then a name that is not there, 14 deep", stars("", 20, "x"), 14, false},
		{"20 ** then the last name, 14 deep", stars("", 20, "a"), 14, true},
		{"20 ** at the end, 14 deep", "a/" + stars("", 19, "**"), 14, true},
		{"20 ** then a name that is not there, 200 deep", stars("", 20, "x"), 200, false},
		{"**/a/ 20 times then a missing name, 14 deep", stars("a/", 20, "x"), 14, false},
		{"**/a/ 20 times then a missing name, 40 deep", stars("a/", 20, "x"), 40, false},
		{"**/a/ 10 times then the last name, 40 deep", stars("a/", 10, "a"), 40, true},
		{"**/a/ 20 times then the last name, 14 deep (too few a)", stars("a/", 20, "a"), 14, false},
		{"**/a/ 50 times then a missing name, 200 deep", stars("a/", 50, "x"), 200, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := parsePattern(tt.line)
			if !ok || p.basename {
				t.Fatalf("parsePattern(%q): ok %v basename %v", tt.line, ok, p.basename)
			}
			rel := deepPath("a", tt.depth)
			got, steps := matchElems(p.elems, rel)
			if got != tt.want {
				t.Errorf("match = %v, want %v", got, tt.want)
			}
			rawElems := strings.Count(tt.line, "/") + 1
			if bound := (rawElems + 1) * (tt.depth + 1); steps > bound {
				t.Errorf("%d steps for %d pattern elements and %d path elements, want at most %d", steps, rawElems, tt.depth, bound)
			}
			// The whole rule set, as the walk asks (every parent directory
			// of the path too), gives the same answer.
			if got := rules(ign{"", tt.line + "\n"}).ignored(rel, false); got != tt.want {
				t.Errorf("ignored = %v, want %v", got, tt.want)
			}
		})
	}
	// A run of "**" elements is kept as one.
	if p, _ := parsePattern(stars("", 20, "x")); len(p.elems) != 2 {
		t.Errorf("20 ** then x: elems %q, want [** x]", p.elems)
	}
}

// TestGlobPathological checks the bound on matching one element with many
// stars: at most (len(pattern)+1) × (len(name)+1) steps.
func TestGlobPathological(t *testing.T) {
	for _, tt := range []struct {
		pat, name string
		want      bool
	}{
		{strings.Repeat("*a", 20) + "*b", strings.Repeat("a", 200), false},
		{strings.Repeat("*a", 20) + "*b", strings.Repeat("a", 200) + "b", true},
		{strings.Repeat("*[a-c]", 20) + "*[!a]", strings.Repeat("a", 200), false},
		{strings.Repeat("*?", 20) + "x", strings.Repeat("y", 200), false},
		{strings.Repeat("*", 100) + "x", strings.Repeat("y", 200), false},
	} {
		got, steps := globSteps(tt.pat, tt.name)
		if got != tt.want {
			t.Errorf("globMatch(%q, %d bytes) = %v, want %v", tt.pat, len(tt.name), got, tt.want)
		}
		if bound := (len(tt.pat) + 1) * (len(tt.name) + 1); steps > bound {
			t.Errorf("globMatch(%q, %d bytes): %d steps, want at most %d", tt.pat, len(tt.name), steps, bound)
		}
	}
}
