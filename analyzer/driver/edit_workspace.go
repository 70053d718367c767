package driver

import (
	"context"
	"runtime"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// What a language server needs of the edit loop beyond edit.go: the model
// of one file (for its suppression directives and comment syntax), the
// paths of the program, and removing a deleted file. Kept apart from
// edit.go so that work on the loop itself merges cleanly.

// File returns the model of the file at path, nil when the program does
// not have it.
func (e *Edit) File(path string) *model.File {
	i, ok := e.index[path]
	if !ok {
		return nil
	}
	return e.files[i]
}

// Paths returns the paths of the program's files in their order.
func (e *Edit) Paths() []string {
	out := make([]string, len(e.files))
	for i, f := range e.files {
		out[i] = f.Path
	}
	return out
}

// Remove drops the file at path from the program (a deleted file); it
// reports whether the program had it. The next program is built afresh:
// reusing the last one's call graph assumes the same set of files.
func (e *Edit) Remove(path string) bool {
	i, ok := e.index[path]
	if !ok {
		return false
	}
	if e.sess != nil {
		e.sess.Close()
	}
	e.prog, e.last, e.sess, e.fset = nil, nil, nil, nil
	if t := e.trees[path]; t != nil {
		t.Close()
		delete(e.trees, path)
	}
	files := slices.Clone(e.files)
	last := len(files) - 1
	files[i] = files[last]
	e.index[files[i].Path] = i
	e.files = files[:last]
	delete(e.index, path)
	return true
}

// NewEditWalk starts an edit loop over the files walk finds, read,
// prefiltered and parsed as RunWalk does (the same collection rules as the
// CLI), without analysing them: an editor analyses the files it shows.
func NewEditWalk(ctx context.Context, walk Walk, cfg Config) (*Edit, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxFileSize <= 0 {
		cfg.MaxFileSize = 5 << 20
	}
	pr, inputs, err := parseInputs(ctx, walk, cfg, workers)
	if err != nil {
		return nil, err
	}
	pr.pending.complete(ctx, cfg, pr.models, workers)
	var files []*model.File
	for i := range inputs {
		if pr.models[i] != nil {
			files = append(files, pr.models[i])
		}
	}
	e, err := NewEdit(cfg, files)
	if e != nil {
		e.outside, e.outsideKnown = pr.outside, true
	}
	return e, err
}

// Put replaces the text of the file at path (adding it when the program
// does not have it) without analysing it: a server that analyses every
// affected file afterwards (Findings) need not analyse this one twice.
//
// The parse gets a context that is never cancelled: go-tree-sitter's
// ParseCtx sets the parser's cancellation flag from a goroutine when the
// context ends, even after the parse returned, and the stale flag aborts
// the next parse (an empty model, no findings, no error). ctx is checked
// before the parse instead.
func (e *Edit) Put(ctx context.Context, path string, src []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// As Change does: the previous tree makes the parse incremental.
	prev := e.trees[path]
	delete(e.trees, path)
	f, tree, err := parseIncrementalSafely(context.WithoutCancel(ctx), e.parser, path, src, prev)
	if err != nil {
		return err
	}
	if tree != nil {
		e.trees[path] = tree
	}
	f.Project = e.cfg.opts.project(path, e.cfg.Projects.Info(absPath(source.File{Path: path}), path))
	e.put(f)
	return nil
}
