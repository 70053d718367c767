package main

import (
	"os"
	"path/filepath"

	"github.com/keychainlint/keychainlint/analyzer/source"
)

// namedSkipped returns the skipped files that were named on the command
// line themselves (not found below a named directory): the user asked for
// exactly that file, so not analysing it is an error, not a note.
func namedSkipped(roots []string, skipped []source.Skipped) []source.Skipped {
	named := map[string]bool{}
	for _, r := range roots {
		if fi, err := os.Lstat(r); err == nil && fi.IsDir() {
			continue
		}
		if abs, err := filepath.Abs(r); err == nil {
			named[abs] = true
		}
	}
	var out []source.Skipped
	for _, s := range skipped {
		if abs, err := filepath.Abs(s.Path); err == nil && named[abs] {
			out = append(out, s)
		}
	}
	return out
}
