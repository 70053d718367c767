package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/internal/logcmd"
)

// githubAnnotation is a line of --format github as the runner reads it.
type githubAnnotation struct {
	level, file, at, title, message string
}

// readGitHub parses the output of --format github: every line must be one
// annotation command with only the properties keychainlint writes.
func readGitHub(t *testing.T, out string) []githubAnnotation {
	t.Helper()
	var as []githubAnnotation
	if out == "" {
		return nil
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		c, ok := logcmd.Parse(l)
		if !ok || c.Syntax != "::" || !slices.Contains([]string{"error", "warning", "notice"}, c.Name) {
			t.Errorf("not an annotation command: %q", l)
			continue
		}
		for k := range c.Props {
			if !slices.Contains([]string{"file", "line", "col", "endLine", "endColumn", "title"}, k) {
				t.Errorf("property %q in %q", k, l)
			}
		}
		if bad, ok := rawControl(l); ok {
			t.Errorf("the raw %q in %q", bad, l)
		}
		as = append(as, githubAnnotation{c.Name, c.Props["file"], c.Props["line"] + ":" + c.Props["col"], c.Props["title"], c.Data})
	}
	return as
}

// TestGitHubSampleApp compares --format github on the sample app with
// testdata/sampleapp.github.golden, and checks that the runner reads one
// annotation per finding of the JSON output, at its file, line, column
// and rule, with the level of its severity.
func TestGitHubSampleApp(t *testing.T) {
	t.Chdir(repoRoot)
	r := runCmd(t, "--format", "github", "testdata/sampleapp")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1\n%s", r.code, r.stderr)
	}
	compareGolden(t, "sampleapp.github.golden", r.stdout)
	as := readGitHub(t, r.stdout)
	doc := decodeJSON(t, runCmd(t, "--format", "json", "testdata/sampleapp").stdout)
	if len(as) != len(doc.Findings) || len(as) == 0 {
		t.Fatalf("%d annotations, %d findings in JSON", len(as), len(doc.Findings))
	}
	level := map[string]string{"error": "error", "warning": "warning", "note": "notice"}
	for i, f := range doc.Findings {
		want := githubAnnotation{level[f.Severity], f.File, fmt.Sprintf("%d:%d", f.Line, f.Column), f.Rule, ""}
		got := as[i]
		got.message = ""
		if got != want {
			t.Errorf("annotation %d is %+v, want %+v", i, got, want)
		}
		if first, _, _ := strings.Cut(as[i].message, "\n"); first != f.Message {
			t.Errorf("annotation %d: message %q, want %q", i, first, f.Message)
		}
		if _, err := os.Stat(filepath.FromSlash(as[i].file)); err != nil {
			t.Errorf("the annotation's file is not a path from the repository root: %v", err)
		}
	}
}

// TestNoOutputForgesALogCommand scans files with hostile names (newlines,
// "::error file=…::", "::add-mask::", "::stop-commands::", "##[error]",
// CR, ESC, commas and colons) in every format, printed to stdout as in a
// CI log: no line of stdout or stderr is a command a CI runner reads,
// except the annotations of --format github, exactly one per finding of
// the JSON output, each naming its file (percent-encoded when the name
// has control characters).
func TestNoOutputForgesALogCommand(t *testing.T) {
	dir := t.TempDir()
	names := append(slices.Clone(hostileNames), "comma,colon:a=b.swift", "pct%0A%3A.swift")
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(hostileSwift), 0o644); err != nil {
			t.Skipf("the file system refuses %q: %v", n, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "broken\n::error::b##[error]x.swift"), []byte(brokenSwift), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	args := []string{"--show-suppressed", "--verbose", "--srcroot", "."}
	noCommands := func(what, out string) {
		for _, l := range strings.Split(out, "\n") {
			if c, ok := logcmd.Parse(l); ok {
				t.Errorf("%s: the line %q reads as the command %s%s", what, l, c.Syntax, c.Name)
			}
		}
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := runCmd(t, append(args, "--format", format, ".")...)
		if r.code != 1 {
			t.Errorf("--format %s: exit %d, want 1\n%s", format, r.code, r.stderr)
		}
		noCommands(format+" stderr", r.stderr)
		if format != "github" {
			noCommands(format+" stdout", r.stdout)
		}
	}
	as := readGitHub(t, runCmd(t, append(args, "--format", "github", ".")...).stdout)
	doc := decodeJSON(t, runCmd(t, append(args, "--format", "json", ".")...).stdout)
	if len(as) != len(doc.Findings) {
		t.Fatalf("%d annotations, %d findings in JSON", len(as), len(doc.Findings))
	}
	perFile := map[string]int{}
	for _, a := range as {
		perFile[a.file]++
	}
	each := perFile["comma,colon:a=b.swift"]
	if each == 0 {
		t.Fatalf("no annotation names comma,colon:a=b.swift: %v", perFile)
	}
	for _, n := range names {
		want := n
		if _, unprintable := rawControl(n); unprintable || strings.Contains(n, "##") {
			continue // percent-encoded: checked by the count below
		}
		if perFile[want] != each {
			t.Errorf("%d annotations name %q, want %d", perFile[want], want, each)
		}
	}
}
