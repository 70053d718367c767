//go:build unix

package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// An ignore file that exists but cannot be read is reported: the scan then
// covers files it may have been meant to leave out. The file is made
// unreadable in a way that holds for root too: its path is longer than the
// system allows (PATH_MAX, 4096 bytes on Linux) while its directory's path
// is not, so the directory is listed but opening the file fails.
func TestCollectUnreadableGitignoreIsReported(t *testing.T) {
	base := tempDir(t)
	write(t, filepath.Join(base, "A.swift"), "")
	deep := base
	for len(deep) < 4085 {
		deep = filepath.Join(deep, strings.Repeat("d", min(200, 4085-len(deep)-1)))
		if err := os.Mkdir(deep, 0o755); err != nil {
			t.Skipf("cannot build a directory path of %d bytes: %v", len(deep), err)
		}
	}
	t.Chdir(deep)
	write(t, ".gitignore", "*.swift\n")
	if _, err := os.Lstat(filepath.Join(deep, ".gitignore")); !errors.Is(err, syscall.ENAMETOOLONG) {
		t.Skipf("a path of %d bytes does not fail with ENAMETOOLONG here: %v", len(deep)+11, err)
	}
	t.Chdir(base)

	files, skipped, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"A.swift", model.Swift}})
	rel, _ := filepath.Rel(base, filepath.Join(deep, ".gitignore"))
	assertSkipped(t, skipped, []Skipped{{rel, "file name too long" + ReasonIgnoreFileSuffix}})
}

// The same with a .gitignore without read permission (only when not
// running as root, for whom permissions do not hold).
func TestCollectGitignoreWithoutPermissionIsReported(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions are not enforced")
	}
	base := tempDir(t)
	write(t, filepath.Join(base, "A.swift"), "")
	write(t, filepath.Join(base, "sub", ".gitignore"), "*.swift\n")
	write(t, filepath.Join(base, "sub", "B.swift"), "")
	if err := os.Chmod(filepath.Join(base, "sub", ".gitignore"), 0); err != nil {
		t.Fatal(err)
	}
	t.Chdir(base)
	files, skipped, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"A.swift", model.Swift}, {"sub/B.swift", model.Swift}})
	assertSkipped(t, skipped, []Skipped{{"sub/.gitignore", ReasonPermission + ReasonIgnoreFileSuffix}})
}

// A .gitignore (or .git/info/exclude) that is a symbolic link is never
// followed, whether it points into the scanned tree, out of it, at a
// FIFO (following it would block the walk), at a directory or at itself,
// as git does not follow it; each is reported once with a note, and the
// files it would have ignored are scanned.
func TestCollectSymlinkedIgnoreFiles(t *testing.T) {
	base := tempDir(t)
	repo, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	write(t, filepath.Join(outside, "ignore"), "*.swift\n")
	if err := syscall.Mkfifo(filepath.Join(outside, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(repo, "real-ignore"), "In.swift\n")
	write(t, filepath.Join(repo, "In.swift"), "")
	symlink(t, "real-ignore", filepath.Join(repo, ".gitignore")) // into the tree
	write(t, filepath.Join(repo, "out", "Out.swift"), "")
	symlink(t, filepath.Join(outside, "ignore"), filepath.Join(repo, "out", ".gitignore")) // out of it
	write(t, filepath.Join(repo, "fifo", "Fifo.swift"), "")
	symlink(t, filepath.Join(outside, "fifo"), filepath.Join(repo, "fifo", ".gitignore"))
	write(t, filepath.Join(repo, "dir", "Dir.swift"), "")
	symlink(t, outside, filepath.Join(repo, "dir", ".gitignore"))
	write(t, filepath.Join(repo, "loop", "Loop.swift"), "")
	symlink(t, ".gitignore", filepath.Join(repo, "loop", ".gitignore"))
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	symlink(t, filepath.Join(outside, "ignore"), filepath.Join(repo, ".git", "info", "exclude"))
	t.Chdir(repo)

	type result struct {
		files   []File
		skipped []Skipped
		err     error
	}
	done := make(chan result, 1)
	go func() {
		files, skipped, err := Collect([]string{"."}, Options{})
		done <- result{files, skipped, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		t.Fatal("Collect blocked: it opened the FIFO a .gitignore links to")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	assertFiles(t, r.files, []fileRow{
		{"In.swift", model.Swift}, {"dir/Dir.swift", model.Swift}, {"fifo/Fifo.swift", model.Swift},
		{"loop/Loop.swift", model.Swift}, {"out/Out.swift", model.Swift},
	})
	link := ReasonIgnoreFileLink + ReasonIgnoreFileSuffix
	assertSkipped(t, r.skipped, []Skipped{
		{".git/info/exclude", link}, {".gitignore", link}, {"dir/.gitignore", link},
		{"fifo/.gitignore", link}, {"loop/.gitignore", link}, {"out/.gitignore", link},
	})
}
