// Package gitdiff finds the lines added or changed since a git revision,
// for keychainlint --diff REV.
//
// It runs the git command (`git diff --unified=0 REV -- paths` and `git
// ls-files --others` for untracked files) and parses the hunks, and reads
// files as the revision has them (revision.go: `git ls-tree`, `git
// cat-file blob`); it never
// runs project code: external diff drivers, textconv filters, the clean
// and process filters of .gitattributes (git runs them on work-tree files
// it compares with a revision), the pager and the fsmonitor hook are
// switched off on the command line.
package gitdiff

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Range is a run of lines [Start, Start+Count) on the new side of a diff.
type Range struct {
	Start, Count int
}

// Changes are the lines added or changed since a revision, by file.
type Changes struct {
	// Top is the root of the work tree (symbolic links resolved).
	Top string
	// Lines maps a slash-separated path relative to Top to its changed
	// lines.
	Lines map[string][]Range
	// New holds the paths of files git does not track (untracked and not
	// ignored): every line of them is new.
	New map[string]bool
}

// Contains reports whether line (1-based) of the file at path (absolute,
// or relative to the working directory) was added or changed.
func (c *Changes) Contains(path string, line int) bool {
	rel, ok := c.rel(path)
	if !ok {
		return false
	}
	if c.New[rel] {
		return true
	}
	for _, r := range c.Lines[rel] {
		if r.Start <= line && line < r.Start+r.Count {
			return true
		}
	}
	return false
}

func (c *Changes) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	// Resolve symbolic links in the directory (git reports physical
	// paths: /tmp may be /private/tmp).
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	rel, err := filepath.Rel(c.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Error is a failure of git, with what it printed.
type Error struct {
	Args   []string
	Err    error
	Stderr string
}

func (e *Error) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("git %s: %s", strings.Join(e.Args, " "), msg)
}

func (e *Error) Unwrap() error { return e.Err }

// safety switches off everything through which git could run programs
// configured in the repository, and pins the diff format this package
// parses.
var safety = []string{
	"-c", "core.fsmonitor=false",
	"-c", "core.quotePath=false",
	"-c", "diff.noprefix=false",
	"-c", "diff.mnemonicPrefix=false",
	"--literal-pathspecs",
	"--no-pager",
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	full := append(append([]string{"-C", dir}, safety...), args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, &Error{Args: args, Err: err, Stderr: stderr.String()}
	}
	return stdout.Bytes(), nil
}

// Changed returns the lines added or changed since rev in the work tree
// holding dir (committed, staged and unstaged changes alike, and untracked
// files), restricted to paths (absolute, or relative to the working
// directory; none means the whole work tree).
func Changed(ctx context.Context, dir, rev string, paths []string) (*Changes, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a revision", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("--diff needs the git command: %w", err)
	}
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top := strings.TrimSpace(string(out))
	if t, err := filepath.EvalSymlinks(top); err == nil {
		top = t
	}
	if _, err := git(ctx, top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%q is not a commit in %s", rev, top)
	}
	var specs []string
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real // git compares pathspecs with the physical top
		}
		specs = append(specs, p)
	}
	noFilters, err := filterOverrides(ctx, top)
	if err != nil {
		return nil, err
	}
	diffArgs := append(append(noFilters, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
		"--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", rev, "--"), specs...)
	out, err = git(ctx, top, diffArgs...)
	if err != nil {
		return nil, err
	}
	lines, err := Parse(bytes.NewReader(out))
	if err != nil {
		return nil, fmt.Errorf("reading git diff: %w", err)
	}
	lsArgs := append([]string{"ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--"}, specs...)
	out, err = git(ctx, top, lsArgs...)
	if err != nil {
		return nil, err
	}
	c := &Changes{Top: top, Lines: lines, New: map[string]bool{}}
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) > 0 {
			c.New[string(p)] = true
		}
	}
	return c, nil
}

// filterOverrides returns the -c options that switch off every filter
// driver the repository's configuration defines (filter.NAME.clean,
// .smudge and .process set to empty, which git reads as no filter): a
// .gitattributes line `*.swift filter=NAME` would otherwise make git diff
// run the configured program on each changed work-tree file. Listing the
// configuration runs nothing.
func filterOverrides(ctx context.Context, top string) ([]string, error) {
	out, err := git(ctx, top, "config", "--null", "--name-only", "--get-regexp", `^filter\.`)
	var ee *Error
	if errors.As(err, &ee) {
		var exit *exec.ExitError
		if errors.As(ee.Err, &exit) && exit.ExitCode() == 1 {
			return nil, nil // no filter is configured
		}
	}
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var args []string
	for _, key := range strings.Split(string(out), "\x00") {
		name, ok := strings.CutPrefix(key, "filter.")
		if i := strings.LastIndexByte(name, '.'); ok && i > 0 {
			name = name[:i]
		} else {
			continue
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		for _, v := range []string{"clean", "smudge", "process"} {
			args = append(args, "-c", "filter."+name+"."+v+"=")
		}
	}
	return args, nil
}

// Parse reads a unified diff (as `git diff --unified=0` prints it) and
// returns the new-side line ranges of each file, by the path after "b/".
// Deleted files and pure deletions contribute no lines.
func Parse(r io.Reader) (map[string][]Range, error) {
	out := map[string][]Range{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	file := ""
	inHeader := false
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			file, inHeader = "", true
		case inHeader && strings.HasPrefix(line, "+++ "):
			name, err := unquote(strings.TrimPrefix(line, "+++ "))
			if err != nil {
				return nil, fmt.Errorf("%q: %w", line, err)
			}
			if name == "/dev/null" {
				file = ""
			} else if n, ok := strings.CutPrefix(name, "b/"); ok {
				file = n
			} else {
				return nil, fmt.Errorf("%q: new-side path without the b/ prefix", line)
			}
		case strings.HasPrefix(line, "@@ "):
			inHeader = false
			if file == "" {
				continue
			}
			rg, err := hunkRange(line)
			if err != nil {
				return nil, err
			}
			if rg.Count > 0 {
				out[file] = append(out[file], rg)
			}
		}
	}
	return out, sc.Err()
}

// hunkRange reads the new side of "@@ -a,b +c,d @@ ...".
func hunkRange(line string) (Range, error) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return Range{}, fmt.Errorf("malformed hunk header %q", line)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	startText, countText, hasCount := strings.Cut(spec, ",")
	start, err := strconv.Atoi(startText)
	if err != nil {
		return Range{}, fmt.Errorf("malformed hunk header %q", line)
	}
	count := 1
	if hasCount {
		if count, err = strconv.Atoi(countText); err != nil {
			return Range{}, fmt.Errorf("malformed hunk header %q", line)
		}
	}
	return Range{Start: start, Count: count}, nil
}

// unquote reads a path git may have quoted C-style ("b/a\"b.swift",
// "b/\303\251.swift": octal bytes). git ends the name with a tab when it
// contains a space, quoted or not (`+++ "b/x \"y\" z.swift"<TAB>`), so
// that the tab is not part of it.
//
// The quoted form is read byte by byte, not with strconv.Unquote: with
// core.quotePath=false git leaves bytes from 0x80 as they are inside the
// quotes, and strconv.Unquote would turn one that is not UTF-8 into
// U+FFFD, so the file's changes would be filed under another name.
func unquote(s string) (string, error) {
	s = strings.TrimSuffix(s, "\t")
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	bad := errors.New("cannot unquote the path")
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			if i != len(s)-1 {
				return "", bad
			}
			return b.String(), nil
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(s) {
			return "", bad
		}
		switch e := s[i]; e {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'v':
			b.WriteByte('\v')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case '"', '\\':
			b.WriteByte(e)
		default:
			// Three octal digits: one byte.
			if i+2 >= len(s) || !isOctal(e) || e > '3' || !isOctal(s[i+1]) || !isOctal(s[i+2]) {
				return "", bad
			}
			b.WriteByte((e-'0')<<6 | (s[i+1]-'0')<<3 | (s[i+2] - '0'))
			i += 2
		}
	}
	return "", bad // no closing quote
}

func isOctal(c byte) bool { return '0' <= c && c <= '7' }
