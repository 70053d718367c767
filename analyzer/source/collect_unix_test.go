//go:build unix

package source

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A named pipe with a source extension is reported, never opened (opening
// it would block).
func TestCollectNamedPipe(t *testing.T) {
	dir := tempDir(t)
	if err := syscall.Mkfifo(filepath.Join(dir, "Pipe.swift"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "A.swift"), "")
	t.Chdir(dir)

	files, skipped, err := Collect([]string{".", "Pipe.swift"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"A.swift", model.Swift}})
	assertSkipped(t, skipped, []Skipped{{"Pipe.swift", ReasonNotRegular}})
}
