package main

import (
	"fmt"
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

// writablePath checks, before the scan, that an output file can be
// written: its directory exists and the path is not a directory (a device
// such as /dev/stdout or a FIFO is fine). It creates nothing ("" is stdout
// or unset).
func writablePath(path string) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	} else if !fi.IsDir() {
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("cannot write %s: it is a directory", path)
	}
	return nil
}
