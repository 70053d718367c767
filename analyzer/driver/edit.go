package driver

import (
	"context"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Edit is the per-file edit loop an editor needs: the models of a whole
// program are kept, and one file whose text changed is parsed again and
// analysed in the context of the others, without reading or parsing them.
//
// Only the changed file's findings are computed: a helper edited in one
// file can change findings in its callers, which a caller that needs them
// gets by calling Findings for those files.
type Edit struct {
	cfg    Config
	order  []*analysis.Analyzer
	parser *swiftparse.Parser
	files  []*model.File
	index  map[string]int
	// trees are the syntax trees of the files changed so far, which the
	// next change of each re-parses incrementally.
	trees map[string]*swiftparse.Tree
	// prog is the flow program over files, built by the first Findings
	// after a change and shared by the Findings calls until the next
	// change; last is the one before, whose call graph the next program
	// reuses for the functions of unchanged files.
	prog, last *flow.Program
	// sess and fset go with prog: registering every file's lines with a
	// file set is linear in the program's size, so it is done once per
	// program too.
	sess *flow.Session
	fset *token.FileSet
	// outside is what the files outside the program mention (outside.go),
	// when outsideKnown: the loop read them (NewEditWalk), or it started
	// with no files at all, so that, as for a command-line scan of just
	// the files it is given, there are none outside (outside nil). A loop
	// over the files of an earlier run knows nothing of the others: no
	// property is known nil.
	outside      map[string]bool
	outsideKnown bool
}

// NewEdit starts an edit loop over the files of an earlier run.
func NewEdit(cfg Config, files []*model.File) (*Edit, error) {
	if err := analysis.Validate(cfg.Analyzers); err != nil {
		return nil, fmt.Errorf("invalid analyzer set: %w", err)
	}
	if cfg.FileOptions != nil {
		cfg.opts = newFileOptions(cfg.FileOptions)
	}
	e := &Edit{cfg: cfg, order: topo(cfg.Analyzers), parser: swiftparse.NewParser(), index: map[string]int{}, trees: map[string]*swiftparse.Tree{}}
	e.outsideKnown = len(files) == 0
	for _, f := range files {
		e.put(f)
	}
	return e, nil
}

// Close releases the parser and the syntax trees.
func (e *Edit) Close() {
	if e.sess != nil {
		e.sess.Close()
	}
	for _, t := range e.trees {
		t.Close()
	}
	e.parser.Close()
}

func (e *Edit) put(f *model.File) {
	if e.prog != nil {
		e.sess.Close()
		e.last, e.prog, e.sess, e.fset = e.prog, nil, nil, nil
	}
	if i, ok := e.index[f.Path]; ok {
		// A new slice: the last program keeps the old one, which tells
		// NewProgramAfter which files changed.
		e.files = slices.Clone(e.files)
		e.files[i] = f
		return
	}
	e.index[f.Path] = len(e.files)
	e.files = append(e.files, f)
}

// Change replaces the text of the file at path (adding the file when the
// program does not have it yet) and returns its findings.
func (e *Edit) Change(ctx context.Context, path string, src []byte) ([]Diagnostic, error) {
	// The file's previous tree, when there is one, makes the parse
	// incremental (the first change of a file parses it whole).
	prev := e.trees[path]
	delete(e.trees, path)
	f, tree, err := parseIncrementalSafely(ctx, e.parser, path, src, prev)
	if err != nil {
		return nil, err
	}
	if tree != nil {
		e.trees[path] = tree
	}
	f.Project = e.cfg.opts.project(path, e.cfg.Projects.Info(absPath(source.File{Path: path}), path))
	e.put(f)
	return e.Findings(ctx, path)
}

// Findings analyses the file at path in the current program.
func (e *Edit) Findings(ctx context.Context, path string) ([]Diagnostic, error) {
	i, ok := e.index[path]
	if !ok {
		return nil, fmt.Errorf("%s: not part of the program", path)
	}
	if e.prog == nil {
		e.prog, e.last = e.cfg.opts.programAfter(e.last, e.files, e.cfg.Platforms), nil
		if e.outsideKnown {
			e.prog.SetOutside(e.outside)
		}
		e.fset = token.NewFileSet()
		e.sess = flow.NewSession(e.fset, e.prog)
	}
	diags, err := runFile(ctx, e.fset, e.sess, e.files[i], e.order)
	if err != nil {
		return nil, err
	}
	diags = e.cfg.opts.drop(diags)
	lowerTestCode(e.files[i], diags)
	diags = dedupe(fold(diags))
	capRelated(diags)
	return diags, nil
}
