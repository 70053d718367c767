package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// TestSampleAppEqualsCLI: the diagnostics of every file of the sample app,
// opened in the server, are the CLI's findings for it (the same pipeline
// as cmd/keychainlint: walk, project facts, driver, inline suppressions).
func TestSampleAppEqualsCLI(t *testing.T) {
	root, err := filepath.Abs("../../testdata/sampleapp")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	opts := source.Options{MaxFileSize: source.DefaultMaxFileSize}
	files, _, err := source.Walk([]string{root}, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	inputs := make([]driver.Input, len(files))
	for i, f := range files {
		inputs[i] = driver.Input{File: f}
	}
	res, err := driver.Run(ctx, inputs, driver.Config{Analyzers: all.Analyzers(), Projects: project.Discover(ctx, []string{root}, opts)})
	if err != nil {
		t.Fatal(err)
	}
	sup := suppress.Apply(res.Files, res.Diagnostics, suppress.Options{Known: func(r string) bool { _, ok := all.Lookup(r); return ok }, URL: rulekit.URL})
	want := map[string][]string{}
	for _, d := range sup.Kept {
		want[d.Pos.Filename] = append(want[d.Pos.Filename], fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Column, d.Rule, d.Message))
	}
	if len(sup.Kept) < 20 {
		t.Fatalf("the CLI pipeline found %d findings in the sample app: the test is not testing", len(sup.Kept))
	}

	c := newClient(t, Options{Debounce: -1, Analyzers: nil})
	c.initialize(root, map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8"}}}})
	total := 0
	for _, f := range files {
		text, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		ds := c.diagnostics(c.open(f.Path, string(text)), nil)
		var got []string
		for _, d := range ds {
			// UTF-8 positions: the column is the byte column.
			got = append(got, fmt.Sprintf("%d:%d %s %s", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Code, d.Message))
		}
		slices.Sort(got)
		w := slices.Clone(want[f.Path])
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s:\nserver %q\nCLI    %q", f.Path, got, w)
		}
		total += len(got)
	}
	if total != len(sup.Kept) {
		t.Errorf("server published %d findings, the CLI has %d", total, len(sup.Kept))
	}
	c.shutdown()
}
