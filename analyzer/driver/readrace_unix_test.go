//go:build unix

package driver_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// A file the walk found and that is a symbolic link to keychain code
// outside the tree when it is read is reported as skipped, with the
// reason, and nothing of it is analysed.
func TestRunWalkFileBecameLink(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	for p, src := range map[string]string{
		filepath.Join(dir, "A.swift"):          "let a = 1\n",
		filepath.Join(outside, "Secret.swift"): "func f() { SecItemDelete([:] as CFDictionary) }\n",
	} {
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	walk := func(found func(driver.Input)) ([]driver.Input, error) {
		files, _, err := source.Collect([]string{dir}, source.Options{})
		if err != nil {
			return nil, err
		}
		// Between the walk and the read.
		a := filepath.Join(dir, "A.swift")
		if err := os.Remove(a); err != nil {
			return nil, err
		}
		if err := os.Symlink(filepath.Join(outside, "Secret.swift"), a); err != nil {
			return nil, err
		}
		inputs := make([]driver.Input, len(files))
		for i, f := range files {
			inputs[i] = driver.Input{File: f}
			found(inputs[i])
		}
		return inputs, nil
	}
	res, err := driver.RunWalk(context.Background(), walk, driver.Config{Analyzers: all.Analyzers()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 0 || len(res.Diagnostics) != 0 {
		t.Errorf("parsed %d files with %d findings, want none", len(res.Files), len(res.Diagnostics))
	}
	if len(res.Stats.Skipped) != 1 || !strings.HasSuffix(res.Stats.Skipped[0].Path, "A.swift") ||
		!strings.Contains(res.Stats.Skipped[0].Reason, source.ReasonBecameLink) {
		t.Errorf("skipped %v, want A.swift: %s", res.Stats.Skipped, source.ReasonBecameLink)
	}
}
