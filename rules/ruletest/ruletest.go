// Package ruletest checks keychainlint analyzers against fixtures, in the
// style of golang.org/x/tools/go/analysis/analysistest: Swift, Objective-C
// and C files under a rule's testdata/ directory carry `// want "regexp"`
// comments (or /* want "regexp" */), and every diagnostic must match a
// want on its line while every want must be matched by a diagnostic. For a
// fixture F with a sibling F.golden, applying every suggested fix to F
// must produce F.golden exactly.
package ruletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Options adjusts a run.
type Options struct {
	// Platforms is the configured platform scope (default: all).
	Platforms model.Platform
}

// Run analyses every source file below dir as one program (so helpers
// in one file serve calls in another) and checks the wants. It returns
// the diagnostics for further assertions.
func Run(t *testing.T, dir string, a *analysis.Analyzer, opt ...Options) []driver.Diagnostic {
	t.Helper()
	diags, inputs := run(t, dir, a, opt...)
	check(t, inputs, diags)
	return diags
}

// RunAll analyses like Run with several analyzers together, as the
// command does (so the driver keeps one finding per bug when several rules
// report the same call), and checks the wants against every diagnostic.
func RunAll(t *testing.T, dir string, as []*analysis.Analyzer, opt ...Options) []driver.Diagnostic {
	t.Helper()
	diags, inputs := runAnalyzers(t, dir, as, opt...)
	check(t, inputs, diags)
	return diags
}

// RunQuiet analyses like Run but checks no wants; it returns the
// diagnostics for tests that assert on them directly.
func RunQuiet(t *testing.T, dir string, a *analysis.Analyzer, opt ...Options) []driver.Diagnostic {
	t.Helper()
	diags, _ := run(t, dir, a, opt...)
	return diags
}

func run(t *testing.T, dir string, a *analysis.Analyzer, opt ...Options) ([]driver.Diagnostic, []driver.Input) {
	t.Helper()
	return runAnalyzers(t, dir, []*analysis.Analyzer{a}, opt...)
}

func runAnalyzers(t *testing.T, dir string, as []*analysis.Analyzer, opt ...Options) ([]driver.Diagnostic, []driver.Input) {
	t.Helper()
	var o Options
	if len(opt) > 0 {
		o = opt[0]
	}
	var inputs []driver.Input
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || model.LangForPath(path) == model.LangUnknown {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		inputs = append(inputs, driver.Input{File: source.File{Path: path, Abs: path, Lang: model.LangForPath(path)}, Src: src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatalf("no fixtures under %s", dir)
	}
	// Project files among the fixtures (Package.swift, project.pbxproj,
	// podspecs) apply as in a scan.
	projects := project.Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: as, Platforms: o.Platforms, Workers: 2, Projects: projects})
	if err != nil {
		t.Fatal(err)
	}
	return res.Diagnostics, inputs
}

func check(t *testing.T, inputs []driver.Input, diags []driver.Diagnostic) {
	t.Helper()
	var wants []*want
	for _, in := range inputs {
		ws, err := parseWants(in.File.Path, in.Src)
		if err != nil {
			t.Fatal(err)
		}
		wants = append(wants, ws...)
	}
	for _, d := range diags {
		matched := false
		for _, w := range wants {
			if !w.used && w.file == d.Pos.Filename && w.line == d.Pos.Line && w.re.MatchString(d.Message) {
				w.used, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected %s: %s", d.Pos.Filename, d.Pos.Line, d.Pos.Column, d.Severity, d.Message)
		}
	}
	for _, w := range wants {
		if !w.used {
			t.Errorf("%s:%d: no diagnostic was reported matching %q", w.file, w.line, w.re)
		}
	}
	checkGolden(t, inputs, diags)
}

type want struct {
	file string
	line int
	re   *regexp.Regexp
	used bool
}

var wantRE = regexp.MustCompile(`(?://|/\*)\s*want\s+(.*?)(?:\*/)?\s*$`)

// parseWants reads the `want "re" "re2"` comments of a fixture.
func parseWants(path string, src []byte) ([]*want, error) {
	var out []*want
	for i, line := range strings.Split(string(src), "\n") {
		m := wantRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		rest := strings.TrimSpace(m[1])
		for rest != "" {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad want comment %q: %v", path, i+1, m[1], err)
			}
			s, _ := strconv.Unquote(q)
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad want regexp: %v", path, i+1, err)
			}
			out = append(out, &want{file: path, line: i + 1, re: re})
			rest = strings.TrimSpace(rest[len(q):])
		}
	}
	return out, nil
}

// checkGolden applies the suggested fixes to each fixture that has a
// .golden file and compares.
func checkGolden(t *testing.T, inputs []driver.Input, diags []driver.Diagnostic) {
	t.Helper()
	for _, in := range inputs {
		golden := in.File.Path + ".golden"
		want, err := os.ReadFile(golden)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got := ApplyFixes(in.File.Path, in.Src, diags)
		if string(got) != string(want) {
			t.Errorf("%s: applying the suggested fixes gives\n%s\nwant (%s)\n%s", in.File.Path, got, golden, want)
		}
	}
}

// ApplyFixes applies the first suggested fix of every diagnostic to the
// file at path (edits in other files are ignored).
func ApplyFixes(path string, src []byte, diags []driver.Diagnostic) []byte {
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	seen := map[edit]bool{}
	for _, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		for _, e := range d.FixEdits(0) {
			if e.Filename != path {
				continue
			}
			ed := edit{e.Start, e.End, e.New}
			if !seen[ed] {
				seen[ed] = true
				edits = append(edits, ed)
			}
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		if e.start < 0 || e.end > len(out) || e.start > e.end {
			continue
		}
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return out
}
