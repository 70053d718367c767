package driver

import (
	"context"
	"fmt"
	"go/token"

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
}

// NewEdit starts an edit loop over the files of an earlier run.
func NewEdit(cfg Config, files []*model.File) (*Edit, error) {
	if err := analysis.Validate(cfg.Analyzers); err != nil {
		return nil, fmt.Errorf("invalid analyzer set: %w", err)
	}
	if cfg.FileOptions != nil {
		cfg.opts = newFileOptions(cfg.FileOptions)
	}
	e := &Edit{cfg: cfg, order: topo(cfg.Analyzers), parser: swiftparse.NewParser(), index: map[string]int{}}
	for _, f := range files {
		e.put(f)
	}
	return e, nil
}

// Close releases the parser.
func (e *Edit) Close() { e.parser.Close() }

func (e *Edit) put(f *model.File) {
	if i, ok := e.index[f.Path]; ok {
		e.files[i] = f
		return
	}
	e.index[f.Path] = len(e.files)
	e.files = append(e.files, f)
}

// Change replaces the text of the file at path (adding the file when the
// program does not have it yet) and returns its findings.
func (e *Edit) Change(ctx context.Context, path string, src []byte) ([]Diagnostic, error) {
	f, err := parseSafely(ctx, e.parser, path, src)
	if err != nil {
		return nil, err
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
	fset := token.NewFileSet()
	sess := flow.NewSession(fset, e.cfg.opts.program(e.files, e.cfg.Platforms))
	defer sess.Close()
	diags, err := runFile(ctx, fset, sess, e.files[i], e.order)
	if err != nil {
		return nil, err
	}
	diags = e.cfg.opts.drop(diags)
	lowerTestCode(e.files[i], diags)
	diags = dedupe(fold(diags))
	capRelated(diags)
	return diags, nil
}
