//go:build unix

package source

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// collectWithin runs Collect and fails the test, instead of hanging it,
// if the walk does not return (a FIFO read blocks forever).
func collectWithin(t *testing.T, root string) ([]File, []Skipped) {
	t.Helper()
	type result struct {
		files   []File
		skipped []Skipped
		err     error
	}
	done := make(chan result, 1)
	go func() {
		files, skipped, err := Collect([]string{root}, Options{})
		done <- result{files, skipped, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		return r.files, r.skipped
	case <-time.After(30 * time.Second):
		t.Fatal("Collect did not return: it blocked on a git file")
		return nil, nil
	}
}

// Tarball inputs can hold anything where git keeps its files: a .git that
// is a FIFO (reading it blocks), a commondir that is a link to /dev/zero
// (reading it never ends), a huge .gitignore. The walk reads each only if
// it is a regular file of bounded size, and scans the sources.
func TestCollectHostileGitFiles(t *testing.T) {
	t.Run("FIFO .git", func(t *testing.T) {
		dir := t.TempDir()
		if err := syscall.Mkfifo(filepath.Join(dir, ".git"), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		write(t, filepath.Join(dir, "A.swift"), "SecItemAdd(q, nil)\n")
		files, _ := collectWithin(t, dir)
		if len(files) != 1 {
			t.Errorf("files %v, want A.swift", files)
		}
	})
	t.Run("commondir is /dev/zero", func(t *testing.T) {
		dir := t.TempDir()
		gd := filepath.Join(dir, "gitdir")
		if err := os.MkdirAll(gd, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("/dev/zero", filepath.Join(gd, "commondir")); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "repo", ".git"), "gitdir: "+gd+"\n")
		write(t, filepath.Join(dir, "repo", "A.swift"), "SecItemAdd(q, nil)\n")
		files, _ := collectWithin(t, filepath.Join(dir, "repo"))
		if len(files) != 1 {
			t.Errorf("files %v, want A.swift", files)
		}
	})
	t.Run("huge .gitignore", func(t *testing.T) {
		dir := t.TempDir()
		write(t, filepath.Join(dir, "A.swift"), "SecItemAdd(q, nil)\n")
		p := filepath.Join(dir, ".gitignore")
		write(t, p, "A.swift\n")
		if err := os.Truncate(p, maxIgnoreFileSize+1); err != nil {
			t.Fatal(err)
		}
		files, skipped := collectWithin(t, dir)
		if len(files) != 1 {
			t.Errorf("files %v, want A.swift (the ignore file is not applied)", files)
		}
		if len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "larger than 4.0 MB, its ignore patterns are not applied") {
			t.Errorf("skipped %v, want the .gitignore reported", skipped)
		}
	})
}
