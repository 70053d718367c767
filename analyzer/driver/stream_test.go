package driver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// render prints a result's parsed files and findings, for comparisons.
func render(res *driver.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "seen %d keychain %d helpers %d bytes %d\n", res.Stats.FilesSeen, res.Stats.FilesKeychain, res.Stats.FilesHelpers, res.Stats.Bytes)
	for _, f := range res.Files {
		fmt.Fprintf(&b, "parsed %s\n", f.Path)
	}
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "%s %s %s %s\n", d.Pos, d.Severity, d.Rule, d.Message)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "\t%s %s\n", r.Pos, r.Message)
		}
	}
	return b.String()
}

// The sample app read from disk, sorted by path as source.Collect returns
// it.
func sampleInputs(t *testing.T) []driver.Input {
	t.Helper()
	files, _, err := source.Collect([]string{filepath.Join("..", "..", "testdata", "sampleapp")}, source.Options{})
	if err != nil || len(files) < 5 {
		t.Fatalf("collect the sample app: %d files, %v", len(files), err)
	}
	var inputs []driver.Input
	for _, f := range files {
		inputs = append(inputs, driver.Input{File: f})
	}
	return inputs
}

// A walk that finds the files in another order (reversed), finds one
// twice, finds one that it does not return in the end (a duplicate
// dropped) and returns one that it never handed over, gives the result of
// Run over the returned inputs, with 1 and 4 workers.
func TestRunWalkOrderIndependent(t *testing.T) {
	inputs := sampleInputs(t)
	ctx := context.Background()
	want, err := driver.Run(ctx, inputs, driver.Config{Analyzers: all.Analyzers(), Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Diagnostics) < 10 {
		t.Fatalf("%d findings on the sample app: the comparison is vacuous", len(want.Diagnostics))
	}
	dropped := driver.Input{File: source.File{Path: "Dropped.swift", Lang: model.Swift}, Src: []byte("let q = [kSecClass: kSecClassGenericPassword]; SecItemDelete(q as CFDictionary)\n")}
	for _, workers := range []int{1, 4} {
		walk := func(found func(driver.Input)) ([]driver.Input, error) {
			for _, in := range slices.Backward(inputs[1:]) {
				found(in)
			}
			found(inputs[2])
			found(dropped)
			return inputs, nil // inputs[0] was never found
		}
		got, err := driver.RunWalk(ctx, walk, driver.Config{Analyzers: all.Analyzers(), Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if g, w := render(got), render(want); g != w {
			t.Errorf("workers %d: RunWalk gives\n%s\nRun gives\n%s", workers, g, w)
		}
	}
}

// Files are read while the walk goes on: the walk waits, after finding the
// first file, until the run has read it.
func TestRunWalkStreams(t *testing.T) {
	dir := t.TempDir()
	var inputs []driver.Input
	for _, name := range []string{"A.swift", "B.swift"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("let q = [kSecClass: kSecClassGenericPassword]\nSecItemDelete(q as CFDictionary)\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, driver.Input{File: source.File{Path: name, Abs: p, Lang: model.Swift}})
	}
	var progress driver.Progress
	readDuringWalk := false
	walk := func(found func(driver.Input)) ([]driver.Input, error) {
		found(inputs[0])
		// Not a timing assertion: the deadline only ends the wait when
		// the run does not read before the walk returns.
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if progress.Read.Load() >= 1 {
				readDuringWalk = true
				break
			}
		}
		if progress.Walked.Load() {
			t.Error("the walk is marked ended while it runs")
		}
		found(inputs[1])
		return inputs, nil
	}
	res, err := driver.RunWalk(context.Background(), walk, driver.Config{Analyzers: all.Analyzers(), Workers: 2, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if !readDuringWalk {
		t.Error("the first file found was not read before the walk ended")
	}
	if len(res.Files) != 2 {
		t.Errorf("parsed %d files, want 2", len(res.Files))
	}
	// The counters at the end.
	for name, c := range map[string]int64{
		"Found": progress.Found.Load(), "Read": progress.Read.Load(), "Parsed": progress.Parsed.Load(),
		"ToAnalyse": progress.ToAnalyse.Load(), "Analysed": progress.Analysed.Load(),
	} {
		if c != 2 {
			t.Errorf("Progress.%s = %d, want 2", name, c)
		}
	}
	if !progress.Walked.Load() {
		t.Error("Progress.Walked not set at the end")
	}
}

// An error of the walk ends the run with it.
func TestRunWalkError(t *testing.T) {
	boom := fmt.Errorf("no such root")
	_, err := driver.RunWalk(context.Background(), func(func(driver.Input)) ([]driver.Input, error) { return nil, boom }, driver.Config{Analyzers: all.Analyzers()})
	if err != boom {
		t.Errorf("error %v, want %v", err, boom)
	}
}
