package source

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// skipDirNames are directory names never entered by the walk (besides every
// hidden directory): dependency checkouts and build products.
var skipDirNames = map[string]bool{
	"Pods":         true,
	"Carthage":     true,
	"DerivedData":  true,
	"build":        true,
	"node_modules": true,
}

// skipDir reports whether the walk leaves out a directory with this name:
// hidden directories (.git, .build, .swiftpm, ...) and skipDirNames.
func skipDir(name string) bool {
	return strings.HasPrefix(name, ".") || skipDirNames[name]
}

// notExistError is the error for a root that does not exist.
type notExistError struct {
	path string
	err  error
}

func (e *notExistError) Error() string {
	return "keychainlint: " + e.path + ": no such file or directory"
}

func (e *notExistError) Unwrap() error { return e.err }

// Collect expands roots (files or directories) into the source files to
// scan, sorted by Path and without duplicates, and lists what it skipped.
// See the package documentation for the rules. The only error is a root
// that does not exist (checked for every root before anything is walked);
// everything else that goes wrong is reported in the Skipped list.
func Collect(roots []string, opt Options) ([]File, []Skipped, error) {
	return Walk(roots, opt, nil)
}

// Walk is Collect that also hands each file to found (when not nil) as
// soon as the walk reaches it, in walk order, so that the caller can read
// it while the walk goes on. The files it returns are those Collect
// returns; each is one of those found, but not every file found is
// returned: a physical file reached twice (a link and its target,
// overlapping roots) is found under each name and returned once. found is
// called from Walk's goroutine, never for the same File twice, and never
// after an error.
func Walk(roots []string, opt Options, found func(File)) ([]File, []Skipped, error) {
	cwd, abs, err := checkRoots(roots)
	if err != nil {
		return nil, nil, err
	}
	c := &collector{opt: opt, cwd: cwd, found: found}
	for i, root := range roots {
		c.collectRoot(root, abs[i])
	}
	files, skipped := c.result()
	return files, skipped, nil
}

// CheckRoots returns the error Collect and Walk return for roots: the
// first root that does not exist, or nil. A caller that must do other
// work before the walk (and fail on a missing root first) checks with it.
func CheckRoots(roots []string) error {
	_, _, err := checkRoots(roots)
	return err
}

// checkRoots returns the working directory and the absolute roots, or the
// error for the first root that does not exist.
func checkRoots(roots []string) (cwd string, abs []string, err error) {
	cwd, err = os.Getwd()
	if err != nil {
		return "", nil, fmt.Errorf("keychainlint: %w", err)
	}
	abs = make([]string, len(roots))
	for i, root := range roots {
		abs[i] = filepath.Clean(root)
		if !filepath.IsAbs(abs[i]) {
			abs[i] = filepath.Join(cwd, root)
		}
		fi, err := os.Lstat(abs[i])
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			// A dangling symbolic link does not name an existing file.
			_, err = os.Stat(abs[i])
		}
		if err != nil && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)) {
			return "", nil, &notExistError{path: root, err: err}
		}
	}
	return cwd, abs, nil
}

// candidate is a file found by Collect before duplicates are removed.
type candidate struct {
	File
	key     string // physical path of the file, to find duplicates
	symlink bool   // reached through a symbolic link found by the walk
}

type collector struct {
	opt Options
	// pick selects the files to collect by the directory they are in and
	// their name; nil selects source files (model.LangForPath).
	pick func(dir, name string) bool

	// also, when not nil, collects a second selection in the same walk
	// (WalkWith): every decision about a file is made by both.
	also *collector

	// found, when not nil, is given each file as the walk adds it (Walk);
	// handed are those it was given.
	found  func(File)
	handed map[File]bool

	cwd      string
	treeReal string // physical path of the directory root being walked
	files    []candidate
	skipped  []Skipped
}

// dirState describes a directory (or a file) during the walk.
type dirState struct {
	abs   string // absolute path as reached (not symlink-resolved)
	shown string // path for printing
	real  string // physical path, for duplicate detection and containment
	// rel is the "/"-separated path relative to the root of the ignore
	// context (the repository root, or the walk root outside a
	// repository); "" for that root.
	rel   string
	rules ignoreRules
}

func (st dirState) child(name string) dirState {
	rel := name
	if st.rel != "" {
		rel = st.rel + "/" + name
	}
	return dirState{
		abs:   filepath.Join(st.abs, name),
		shown: filepath.Join(st.shown, name),
		real:  filepath.Join(st.real, name),
		rel:   rel,
		rules: st.rules,
	}
}

// show returns the printed path of a file or directory found by the walk:
// relative to the working directory when it is below it, otherwise as
// found from the root.
func (c *collector) show(st dirState) string {
	if within(c.cwd, st.abs) {
		if rel, err := filepath.Rel(c.cwd, st.abs); err == nil {
			return rel
		}
	}
	return st.shown
}

func (c *collector) skip(p, reason string) {
	c.skipped = append(c.skipped, Skipped{Path: p, Reason: reason})
}

// within reports whether child is parent or below it. Both must be clean
// absolute paths.
func within(parent, child string) bool {
	rel, err := filepath.Rel(parent, child)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// physical resolves symbolic links in p, or returns p when that fails.
func physical(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

func (c *collector) collectRoot(given, abs string) {
	shown := c.show(dirState{abs: abs, shown: filepath.Clean(given)})
	fi, err := os.Stat(abs) // explicit roots are followed if they are symbolic links
	if err != nil {
		c.skip(shown, reasonFor(err))
		return
	}
	switch {
	case fi.IsDir():
		c.walkRoot(abs, filepath.Clean(given))
	case fi.Mode().IsRegular():
		if c.also != nil {
			c.also.collectRoot(given, abs)
		}
		// A file named explicitly is scanned even if it is ignored, hidden
		// or in a skipped directory.
		lang, ok := c.wanted(filepath.Dir(abs), filepath.Base(abs))
		if !ok {
			if c.pick == nil {
				c.skip(shown, ReasonUnknownLang)
			}
			return
		}
		id := idOf(fi)
		if lfi, err := os.Lstat(abs); err != nil || lfi.Mode()&fs.ModeSymlink != 0 {
			id.link = true // a root that is a link to a file is followed
		}
		c.addFile(dirState{abs: abs, shown: shown}, lang, fi.Size(), physical(abs), false, id)
	default:
		c.skip(shown, ReasonNotRegular)
	}
}

// walkRoot walks a directory root with the ignore rules that apply to it:
// those of its repository (.git/info/exclude and the .gitignore files from
// the repository root down to the root), or, outside a repository, none
// but the root's own .gitignore and those below. shown is the root as
// given, cleaned.
func (c *collector) walkRoot(abs, shown string) {
	real := physical(abs)
	c.treeReal = real
	st := dirState{abs: abs, shown: shown, real: real}
	if repo := findRepoRoot(real); repo != "" {
		st.rules = st.rules.with(c.readOuterIgnoreFile(filepath.Join(gitDir(repo), "info", "exclude"), ""))
		if rel, err := filepath.Rel(repo, real); err == nil && rel != "." {
			st.rel = filepath.ToSlash(rel)
			st.rules = st.rules.with(c.readOuterIgnoreFile(filepath.Join(repo, ".gitignore"), ""))
			parts := strings.Split(st.rel, "/")
			base := ""
			for _, part := range parts[:len(parts)-1] {
				base = path.Join(base, part)
				st.rules = st.rules.with(c.readOuterIgnoreFile(filepath.Join(repo, filepath.FromSlash(base), ".gitignore"), base))
			}
		}
	}
	c.walkDir(st, true)
}

// findRepoRoot returns the nearest directory at or above dir that contains
// .git (a directory, or a file in worktrees and submodules), or "".
func findRepoRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// gitDir returns the git directory of the repository at repo, following a
// ".git" file ("gitdir: ...") and, for a linked worktree, its commondir
// (where info/exclude lives).
func gitDir(repo string) string {
	p := filepath.Join(repo, ".git")
	fi, err := os.Stat(p)
	if err != nil || fi.IsDir() {
		return p
	}
	data, err := readSmallFile(p, maxGitFileSize)
	if err != nil {
		return p
	}
	line, _, _ := strings.Cut(string(data), "\n")
	dir, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	if !ok {
		return p
	}
	dir = strings.TrimSpace(dir)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repo, dir)
	}
	if data, err := readSmallFile(filepath.Join(dir, "commondir"), maxGitFileSize); err == nil {
		common := strings.TrimSpace(string(data))
		if !filepath.IsAbs(common) {
			common = filepath.Join(dir, common)
		}
		return common
	}
	return dir
}

// readIgnoreFile parses the ignore file at p (shown as shown), or returns
// nil when it does not exist, is not a regular file or cannot be read. A
// file that exists but is not read is reported as skipped (git warns
// about it too), since the scan then covers files the user may have meant
// to ignore. A symbolic link is never followed, into the tree or out of
// it: git does not follow a linked .gitignore either (it warns "unable to
// access"), and the target could be anything, anywhere (a FIFO, a device,
// a file outside the scanned tree).
func (c *collector) readIgnoreFile(p, shown, base string) *ignoreList {
	fi, err := os.Lstat(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			c.skip(shown, ignoreFileReason(err))
		}
		return nil
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		c.skip(shown, ReasonIgnoreFileLink+ReasonIgnoreFileSuffix)
		return nil
	}
	if !fi.Mode().IsRegular() {
		c.skip(shown, ReasonNotRegular+ReasonIgnoreFileSuffix)
		return nil
	}
	if fi.Size() > maxIgnoreFileSize {
		c.skip(shown, "larger than "+formatSize(maxIgnoreFileSize)+ReasonIgnoreFileSuffix)
		return nil
	}
	data, err := readSmallFile(p, maxIgnoreFileSize)
	if err != nil {
		c.skip(shown, ignoreFileReason(err))
		return nil
	}
	return parseIgnore(base, data)
}

// Size limits of the git files the walk reads (tarball inputs can hold
// anything in their place): a .git file or commondir holds one path; no
// real ignore file comes near 4 MB (git itself refuses ones over 100 MB).
const (
	maxGitFileSize    = 64 << 10
	maxIgnoreFileSize = 4 << 20
)

// readSmallFile reads the file at p only if it is a regular file (not a
// FIFO that would block, not a device such as /dev/zero that never ends,
// not a symbolic link) of at most limit bytes.
func readSmallFile(p string, limit int64) ([]byte, error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: p, Err: errors.New(ReasonNotRegular)}
	}
	if fi.Size() > limit {
		return nil, &tooLargeError{path: p, size: fi.Size(), limit: limit}
	}
	f, err := openFile(p, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &tooLargeError{path: p, size: int64(len(data)), limit: limit}
	}
	return data, nil
}

// ignoreFileReason is the Skipped reason for an ignore file that cannot be
// read.
func ignoreFileReason(err error) string {
	return reasonFor(err) + ReasonIgnoreFileSuffix
}

// readOuterIgnoreFile reads an ignore file found outside the walk (above
// the root, or in a git directory), shown like a file found by the walk.
func (c *collector) readOuterIgnoreFile(p, base string) *ignoreList {
	return c.readIgnoreFile(p, c.show(dirState{abs: p, shown: p}), base)
}

func (c *collector) walkDir(st dirState, isRoot bool) {
	entries, err := os.ReadDir(st.abs)
	if err != nil {
		c.skip(c.show(st), reasonFor(err))
		// ReadDir returns what it read before the error; go on with it.
	}
	hasGitignore := false
	for _, e := range entries {
		switch e.Name() {
		case ".git":
			if !isRoot {
				// A nested repository (a submodule or an independent
				// clone) has its own ignore rules; the enclosing
				// repository's do not apply inside.
				st.rel = ""
				st.rules = ignoreRules{}.with(c.readOuterIgnoreFile(filepath.Join(gitDir(st.real), "info", "exclude"), ""))
			}
		case ".gitignore":
			// readIgnoreFile reads it, or reports why not (a link, a
			// FIFO, a directory).
			hasGitignore = true
		}
	}
	if hasGitignore {
		st.rules = st.rules.with(c.readIgnoreFile(filepath.Join(st.abs, ".gitignore"), c.show(st.child(".gitignore")), st.rel))
	}
	for _, e := range entries {
		name := e.Name()
		t := e.Type()
		if t&(fs.ModeDir|fs.ModeSymlink) == 0 {
			c.file(st, e)
			if c.also != nil {
				c.also.treeReal = c.treeReal
				c.also.file(st, e)
			}
			continue
		}
		if t.IsDir() && skipDir(name) {
			continue
		}
		child := st.child(name)
		switch {
		case t.IsDir():
			if st.rules.match(child.rel, true) {
				continue
			}
			c.walkDir(child, false)
		default: // a symbolic link
			if name == ".gitignore" && hasGitignore {
				continue // reported by readIgnoreFile
			}
			c.walkSymlink(child, name)
			if c.also != nil {
				c.also.treeReal = c.treeReal
				c.also.walkSymlink(child, name)
			}
		}
	}
}

// walkSymlink handles a symbolic link found by the walk. Links to
// directories are not followed. Links to files are followed when the file
// is inside the tree being walked (so that the scan does not leave the
// directory the user named); a file reached both directly and through a
// link is scanned once, under its own name.
// file decides about the directory entry e of st that is not a directory
// or a symbolic link. Most files are not collected, and only those that
// are need their paths (joining three paths for every entry was a tenth
// of a warm scan).
func (c *collector) file(st dirState, e fs.DirEntry) {
	name := e.Name()
	lang, ok := c.wanted(st.abs, name)
	if !ok {
		return
	}
	child := st.child(name)
	if st.rules.match(child.rel, false) {
		return
	}
	if !e.Type().IsRegular() { // named pipe, socket, device: never opened
		c.skip(c.show(child), ReasonNotRegular)
		return
	}
	fi, err := e.Info()
	if err != nil {
		c.skip(c.show(child), reasonFor(err))
		return
	}
	c.addFile(child, lang, fi.Size(), child.real, false, idOf(fi))
}

func (c *collector) walkSymlink(st dirState, name string) {
	// Like git, match the link itself as a file.
	if st.rules.match(st.rel, false) {
		return
	}
	lang, wanted := c.wanted(filepath.Dir(st.abs), name)
	fi, err := os.Stat(st.abs)
	if err != nil {
		switch {
		case errors.Is(err, syscall.ELOOP):
			c.skip(c.show(st), ReasonLoop)
		case !wanted:
		case errors.Is(err, fs.ErrNotExist):
			c.skip(c.show(st), ReasonBrokenLink)
		default:
			c.skip(c.show(st), reasonFor(err))
		}
		return
	}
	if fi.IsDir() {
		if !skipDir(name) {
			c.skip(c.show(st), ReasonDirLink)
		}
		return
	}
	if !wanted {
		return
	}
	if !fi.Mode().IsRegular() {
		c.skip(c.show(st), ReasonNotRegular)
		return
	}
	target, err := filepath.EvalSymlinks(st.abs)
	if err != nil {
		c.skip(c.show(st), reasonFor(err))
		return
	}
	if !within(c.treeReal, target) {
		c.skip(c.show(st), ReasonOutsideLink)
		return
	}
	id := idOf(fi)
	id.link = true
	c.addFile(st, lang, fi.Size(), target, true, id)
}

// addFile adds a file to the candidates, or to the skipped list when the
// size the walk saw is over the limit. The file is not opened: Read checks
// what only its content can tell (binary, unreadable) when it reads it, so
// that each file is opened once.
//
// id is the file as the walk saw it, for Read to check.
func (c *collector) addFile(st dirState, lang model.Lang, size int64, key string, symlink bool, id fileID) {
	if limit := c.opt.limit(); size > limit {
		c.skip(c.show(st), tooLargeReason(limit))
		return
	}
	f := File{Path: c.show(st), Abs: st.abs, Lang: lang, id: id}
	c.files = append(c.files, candidate{File: f, key: key, symlink: symlink})
	if c.found != nil && !c.handed[f] {
		if c.handed == nil {
			c.handed = map[File]bool{}
		}
		c.handed[f] = true
		c.found(f)
	}
}

// result removes duplicates and sorts.
func (c *collector) result() ([]File, []Skipped) {
	// Among candidates for the same physical file prefer the one not
	// reached through a symbolic link, then the first in path order.
	slices.SortStableFunc(c.files, func(a, b candidate) int {
		if a.symlink != b.symlink {
			if a.symlink {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Abs, b.Abs))
	})
	seen := make(map[string]bool, len(c.files))
	files := make([]File, 0, len(c.files))
	for _, f := range c.files {
		if seen[f.key] {
			continue
		}
		seen[f.key] = true
		files = append(files, f.File)
	}
	slices.SortFunc(files, func(a, b File) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Abs, b.Abs))
	})
	skipped := slices.Clone(c.skipped)
	slices.SortFunc(skipped, func(a, b Skipped) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Reason, b.Reason))
	})
	skipped = slices.Compact(skipped)
	if len(files) == 0 {
		files = nil
	}
	if len(skipped) == 0 {
		skipped = nil
	}
	return files, skipped
}
