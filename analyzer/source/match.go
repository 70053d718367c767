package source

import (
	"path/filepath"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// wanted reports whether the walk collects the file name in the directory
// dir, and its language (LangUnknown for files picked by CollectMatching).
func (c *collector) wanted(dir, name string) (model.Lang, bool) {
	if c.pick != nil {
		return model.LangUnknown, c.pick(dir, name)
	}
	lang := model.LangForPath(name)
	return lang, lang != model.LangUnknown
}

// CollectMatching walks roots like Collect, with the same rules (skipped
// and hidden directories, .gitignore, size limit, symbolic links that
// stay in the tree; Read checks the content), but collects the files for which pick
// returns true, given the absolute directory and the name; package
// analyzer/project uses it to find the project files of a scan. Roots that
// do not exist are left out (Collect reports them), and so are the skipped
// entries of other files and directories: only project files that could
// not be read are listed.
func CollectMatching(roots []string, opt Options, pick func(dir, name string) bool) ([]File, []Skipped) {
	cwd, err := filepath.Abs(".")
	if err != nil {
		return nil, nil
	}
	c := &collector{opt: opt, cwd: cwd, pick: pick}
	for _, root := range roots {
		abs := filepath.Clean(root)
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, root)
		}
		c.collectRoot(root, abs)
	}
	return c.matching()
}

// matching is the result of a CollectMatching collector.
func (c *collector) matching() ([]File, []Skipped) {
	files, skipped := c.result()
	var kept []Skipped
	for _, s := range skipped {
		if c.pick(filepath.Dir(absFrom(c.cwd, s.Path)), filepath.Base(s.Path)) {
			kept = append(kept, s)
		}
	}
	return files, kept
}

// Matching is a second selection of files that a walk of the sources
// collects as CollectMatching would, without walking the tree again
// (WalkWith). Files and Skipped are set when the walk returns.
type Matching struct {
	Pick    func(dir, name string) bool
	Files   []File
	Skipped []Skipped
}

// WalkWith is Walk that also collects m's selection (nil: none) in the
// same walk. A directory that cannot be read is reported among the
// sources' skipped entries only.
func WalkWith(roots []string, opt Options, found func(File), m *Matching) ([]File, []Skipped, error) {
	cwd, abs, err := checkRoots(roots)
	if err != nil {
		return nil, nil, err
	}
	c := &collector{opt: opt, cwd: cwd, found: found}
	if m != nil {
		c.also = &collector{opt: opt, cwd: cwd, pick: m.Pick}
	}
	for i, root := range roots {
		c.collectRoot(root, abs[i])
	}
	files, skipped := c.result()
	if m != nil {
		m.Files, m.Skipped = c.also.matching()
	}
	return files, skipped, nil
}

func absFrom(cwd, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(cwd, p)
}
