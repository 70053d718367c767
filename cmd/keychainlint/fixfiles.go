package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/fix"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// fileFixes are the fixes --fix applies to one file, with the findings
// they fix (index into the findings the scan reported).
type fileFixes struct {
	path     string
	fixes    []fix.Fix
	findings []int
}

// planFixes picks, for each finding, its first fix that may be applied
// (safe, or any with --unsafe-fixes) whose edits all lie in one file,
// and groups them by file in path order.
func planFixes(findings []report.Finding, unsafe bool) []*fileFixes {
	byPath := map[string]*fileFixes{}
	for i, f := range findings {
		for j := range f.Fixes {
			if !f.FixSafe(j) && !unsafe {
				continue
			}
			edits := f.FixEdits(j)
			if len(edits) == 0 {
				continue
			}
			path := edits[0].Filename
			var fx fix.Fix
			for _, e := range edits {
				if e.Filename != path {
					fx.Edits = nil
					break
				}
				fx.Edits = append(fx.Edits, fix.Edit{Start: e.Start, End: e.End, New: e.New})
			}
			if fx.Edits == nil {
				continue
			}
			ff := byPath[path]
			if ff == nil {
				ff = &fileFixes{path: path}
				byPath[path] = ff
			}
			ff.fixes = append(ff.fixes, fx)
			ff.findings = append(ff.findings, i)
			break
		}
	}
	out := make([]*fileFixes, 0, len(byPath))
	for _, ff := range byPath {
		out = append(out, ff)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// fixOutcome is what applying the fixes of one file did.
type fixOutcome struct {
	path    string
	fixed   []int  // findings whose fix was applied (or, dry run, would be)
	refused string // why the file was left as it was ("" when it was not)
	diff    []byte // the unified diff of the change
}

// beforeFixWrite, when set (by tests), runs after a file's new text is
// ready and before the file is checked once more and replaced: a test
// changes the file there, as an editor could during the run.
var beforeFixWrite func(path string)

// applyFileFixes applies the fixes of one file whose analysed text is
// src. It refuses, leaving the file as it is, a file outside the scanned
// roots or reached through a symbolic link, a read-only file, a file that
// changed since it was read, and a result with more syntax errors than
// the file had. With write false it only computes the diff.
func applyFileFixes(ff *fileFixes, src []byte, roots []string, write bool) fixOutcome {
	out := fixOutcome{path: ff.path}
	if err := insideRoots(ff.path, roots); err != nil {
		out.refused = err.Error()
		return out
	}
	newSrc, applied := fix.Apply(src, ff.fixes)
	var edits []fix.Edit
	for i, ok := range applied {
		if ok {
			out.fixed = append(out.fixed, ff.findings[i])
			edits = append(edits, ff.fixes[i].Edits...)
		}
	}
	if len(out.fixed) == 0 {
		out.refused = "its fixes overlap"
		return out
	}
	if more, err := addsSyntaxErrors(ff.path, src, newSrc); err != nil || more {
		out.fixed, out.refused = nil, "the fixed text would have more syntax errors than the file has"
		if err != nil {
			out.refused = "the fixed text does not parse: " + err.Error()
		}
		return out
	}
	d, err := fix.Diff("a/"+filepath.ToSlash(ff.path), "b/"+filepath.ToSlash(ff.path), src, edits)
	if err != nil {
		out.fixed, out.refused = nil, err.Error()
		return out
	}
	out.diff = d
	if !write {
		return out
	}
	if err := replaceFile(ff.path, src, newSrc); err != nil {
		out.fixed, out.diff, out.refused = nil, nil, err.Error()
	}
	return out
}

// addsSyntaxErrors reports whether the fixed text has more regions that
// tree-sitter cannot parse than the text the scan analysed.
func addsSyntaxErrors(path string, before, after []byte) (bool, error) {
	old, err := swiftparse.ParseFile(path, before)
	if err != nil {
		return false, err
	}
	fixed, err := swiftparse.ParseFile(path, after)
	if err != nil {
		return false, err
	}
	return len(fixed.Errors) > len(old.Errors), nil
}

// insideRoots checks that path lies below one of the scanned roots (or
// is one of them) and that neither the root nor any directory or file on
// the way to it is a symbolic link: --fix writes only what the scan was
// asked to look at, never where a link points.
func insideRoots(path string, roots []string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	for _, r := range roots {
		root, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		at := root
		parts := []string{}
		if rel != "." {
			parts = strings.Split(rel, string(filepath.Separator))
		}
		for i := -1; i < len(parts); i++ {
			if i >= 0 {
				at = filepath.Join(at, parts[i])
			}
			st, err := os.Lstat(at)
			if err != nil {
				return err
			}
			if st.Mode()&os.ModeSymlink != 0 {
				return fmt.Errorf("%s is a symbolic link", at)
			}
		}
		return nil
	}
	return errors.New("it is outside the scanned paths")
}

// replaceFile writes newSrc to path atomically (a temporary file in the
// same directory, renamed over it, with the file's permissions) when the
// file still holds src, the text the scan analysed.
func replaceFile(path string, src, newSrc []byte) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return errors.New("it is not a regular file")
	}
	if st.Mode().Perm()&0o200 == 0 {
		return errors.New("it is read-only")
	}
	if err := unchanged(path, src); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".keychainlint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(newSrc); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if beforeFixWrite != nil {
		beforeFixWrite(path)
	}
	// Checked again just before the rename: an edit made while the fix
	// was prepared is kept, and the fix is not applied.
	if err := unchanged(path, src); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// unchanged fails when the file no longer holds src.
func unchanged(path string, src []byte) error {
	f, err := os.Open(path) // a link here was refused by insideRoots and Lstat
	if err != nil {
		return err
	}
	defer f.Close()
	cur, err := io.ReadAll(io.LimitReader(f, int64(len(src))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, src) {
		return errors.New("it changed since it was read")
	}
	return nil
}
