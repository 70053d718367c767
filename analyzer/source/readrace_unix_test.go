//go:build unix

package source

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// collectOne collects root and returns the file whose Path is path.
func collectOne(t *testing.T, root, path string) File {
	t.Helper()
	files, _, err := Collect([]string{root}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == path {
			return f
		}
	}
	t.Fatalf("%s not collected from %s (%v)", path, root, files)
	return File{}
}

// replace makes p a symbolic link to target.
func replace(t *testing.T, p, target string) {
	t.Helper()
	if err := os.RemoveAll(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		t.Fatal(err)
	}
}

// assertRefused checks that Read refuses f with want, and reads nothing.
func assertRefused(t *testing.T, f File, want error, reason string) {
	t.Helper()
	data, err := Read(f, Options{})
	if !errors.Is(err, want) {
		t.Fatalf("Read(%s) = %q, %v; want error %v", f.Path, data, err, want)
	}
	if data != nil {
		t.Errorf("Read(%s) returned %q with the error", f.Path, data)
	}
	if got := SkipReason(err); got != reason {
		t.Errorf("SkipReason = %q, want %q", got, reason)
	}
}

const secret = "let k = kSecAttrAccount // outside the tree\n"

// A file the walk saw as a regular file and that is a symbolic link to a
// file outside the tree when Read opens it is not followed.
func TestReadFileBecameLink(t *testing.T) {
	dir, outside := tempDir(t), tempDir(t)
	write(t, filepath.Join(dir, "A.swift"), "let a = 1\n")
	write(t, filepath.Join(outside, "Secret.swift"), secret)
	t.Chdir(dir)
	f := collectOne(t, ".", "A.swift")
	replace(t, filepath.Join(dir, "A.swift"), filepath.Join(outside, "Secret.swift"))
	assertRefused(t, f, ErrBecameLink, ReasonBecameLink)
}

// A directory on the path replaced by a link to an outside directory that
// holds a file of the same name: the file opened is not the one the walk
// saw.
func TestReadDirectoryBecameLink(t *testing.T) {
	dir, outside := tempDir(t), tempDir(t)
	write(t, filepath.Join(dir, "Sub", "A.swift"), "let a = 1\n")
	write(t, filepath.Join(outside, "A.swift"), secret)
	t.Chdir(dir)
	f := collectOne(t, ".", filepath.Join("Sub", "A.swift"))
	replace(t, filepath.Join(dir, "Sub"), outside)
	assertRefused(t, f, ErrReplaced, ReasonReplaced)
}

// A link inside the tree that the walk followed is read through; pointed
// elsewhere after the walk, it is refused.
func TestReadFollowedLinkRetargeted(t *testing.T) {
	dir, outside := tempDir(t), tempDir(t)
	write(t, filepath.Join(dir, "Real", "A.swift"), "let a = 1\n")
	write(t, filepath.Join(outside, "Secret.swift"), secret)
	if err := os.Symlink(filepath.Join("Real", "A.swift"), filepath.Join(dir, "Link.swift")); err != nil {
		t.Fatal(err)
	}
	// A link is followed when its target is not also reached directly:
	// walk only the link, as a named root.
	t.Chdir(dir)
	f := collectOne(t, "Link.swift", "Link.swift")
	if data, err := Read(f, Options{}); err != nil || string(data) != "let a = 1\n" {
		t.Fatalf("Read(Link.swift) = %q, %v; want the target's source", data, err)
	}
	replace(t, filepath.Join(dir, "Link.swift"), filepath.Join(outside, "Secret.swift"))
	assertRefused(t, f, ErrReplaced, ReasonReplaced)
}

// A link inside a walked directory to a file inside the tree is read
// through, as before.
func TestReadLinkInsideTree(t *testing.T) {
	dir := tempDir(t)
	// The target is not a source file by its name: only the link is
	// collected.
	write(t, filepath.Join(dir, "Real", "B.inc"), "let b = 1\n")
	if err := os.Symlink(filepath.Join("Real", "B.inc"), filepath.Join(dir, "B.swift")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	files, skipped, err := Collect([]string{"."}, Options{})
	if err != nil || len(skipped) != 0 || len(files) != 1 || files[0].Path != "B.swift" {
		t.Fatal(files, skipped, err)
	}
	for _, f := range files {
		if data, err := Read(f, Options{}); err != nil || string(data) != "let b = 1\n" {
			t.Errorf("Read(%s) = %q, %v", f.Path, data, err)
		}
	}
}

// A file replaced by another regular file after the walk (a new inode) is
// refused too: it is not the file the walk saw.
func TestReadFileReplaced(t *testing.T) {
	dir := tempDir(t)
	write(t, filepath.Join(dir, "A.swift"), "let a = 1\n")
	t.Chdir(dir)
	f := collectOne(t, ".", "A.swift")
	write(t, filepath.Join(dir, "New.swift"), secret)
	if err := os.Rename(filepath.Join(dir, "New.swift"), filepath.Join(dir, "A.swift")); err != nil {
		t.Fatal(err)
	}
	assertRefused(t, f, ErrReplaced, ReasonReplaced)
}
