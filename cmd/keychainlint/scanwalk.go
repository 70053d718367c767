package main

import (
	"context"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// scanWalk is the walk of a scan (and of inventory): one walk of the roots
// finds the sources the configuration keeps and the project files, and
// hands each source to the driver as it finds it (reading and parsing
// overlap the walk). The project discovery waits for the walk, which
// RunWalk always runs, then reads and parses the project files (through
// the cache's memo) while the sources are parsed.
type scanWalk struct {
	ctx     context.Context
	roots   []string
	opt     source.Options
	conf    *scanConfig
	memo    project.Memo
	matched *source.Matching
	walked  chan struct{}

	// After RunWalk: the sources the walk found (sorted), what it skipped,
	// its error, and the project files read.
	files    []source.File
	skipped  []source.Skipped
	err      error
	projects *project.Set
}

func newScanWalk(ctx context.Context, roots []string, maxSize int64, conf *scanConfig, ch *cache.Cache) *scanWalk {
	w := &scanWalk{ctx: ctx, roots: roots, opt: source.Options{MaxFileSize: maxSize}, conf: conf,
		matched: &source.Matching{Pick: project.Pick}, walked: make(chan struct{})}
	if ch != nil {
		w.memo = ch // what each project file said is cached too
	}
	return w
}

// discover is driver.Config.DiscoverProjects.
func (w *scanWalk) discover() *project.Set {
	<-w.walked
	w.projects = project.DiscoverFound(w.ctx, w.roots, w.matched.Files, w.matched.Skipped, w.opt, w.memo)
	return w.projects
}

// walk is the driver's Walk.
func (w *scanWalk) walk(found func(driver.Input)) ([]driver.Input, error) {
	defer close(w.walked)
	w.files, w.skipped, w.err = source.WalkWith(w.roots, w.opt, func(f source.File) {
		if w.conf.keep(f) {
			found(driver.Input{File: f})
		}
	}, w.matched)
	w.files = slices.DeleteFunc(w.files, func(f source.File) bool { return !w.conf.keep(f) })
	inputs := make([]driver.Input, len(w.files))
	for i, f := range w.files {
		inputs[i] = driver.Input{File: f}
	}
	return inputs, w.err
}

// allSkipped is what the walk and the project discovery skipped.
func (w *scanWalk) allSkipped() []source.Skipped {
	if w.projects == nil {
		return w.skipped
	}
	return append(slices.Clip(w.skipped), w.projects.Skipped...)
}
