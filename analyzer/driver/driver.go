// Package driver runs keychainlint's analyzers over source files with
// golang.org/x/tools/go/analysis: it reads and parses the files in
// parallel, builds the program the flow engine needs, creates one
// analysis.Pass per file and analyzer, and collects the diagnostics.
package driver

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Config configures a run.
type Config struct {
	// Analyzers are the rules to run (their Requires are run first).
	Analyzers []*analysis.Analyzer
	// Platforms is the platform scope (default: all).
	Platforms model.Platform
	// MaxFileSize is the size limit for a file, in bytes.
	MaxFileSize int64
	// Workers is the number of parallel workers (default GOMAXPROCS).
	Workers int
	// Projects are the project files of the scan (project.Discover);
	// each parsed file gets its File.Project from them. Nil: only the
	// path tells test code apart.
	Projects *project.Set
	// DiscoverProjects, when not nil, finds the project files instead:
	// RunWalk calls it while it walks, reads and parses the sources (no
	// parse needs the project facts; they are attached afterwards), and
	// it replaces Projects.
	DiscoverProjects func() *project.Set
	// FindingsOnly says the caller reads, of Result.Files, only what a
	// report needs: each file's source, comments, spans and errors, and
	// the functions of the files the findings name (their enclosing
	// functions name findings in fingerprints and SARIF). When the
	// findings come from the cache, the other cached models are then left
	// without their functions (Funcs nil), which a warm run never decodes.
	FindingsOnly bool
	// Progress, when not nil, counts the work as the run goes on.
	Progress *Progress
	// Cache keeps lowered models across runs (see package cache); nil:
	// every file is parsed.
	Cache *cache.Cache
	// StatIndex names the scan's stat index in the cache (statindex.go):
	// the command passes its absolute scan roots. Empty: no index, every
	// file is read.
	StatIndex string
	// FileOptions, when not nil, gives each file the settings of its
	// configuration file (fileoptions.go); it is asked once per path.
	FileOptions func(path string) FileOptions
	// NoResultCache: the run's findings are neither loaded from the cache
	// nor stored in it, so that every analyzer runs (one with a side
	// effect, such as the inventory's collector, must); the lowered
	// models are still cached.
	NoResultCache bool

	opts *fileOptions
}

// Input is a file to analyse: either read from disk (Src nil) or given.
type Input struct {
	File source.File
	Src  []byte
}

// Diagnostic is a finding.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Pos      token.Position
	End      token.Position
	Message  string
	URL      string
	Related  []Related
	Fixes    []analysis.SuggestedFix
	// Raw is the diagnostic as the analyzer reported it.
	Raw analysis.Diagnostic
	// Subject is the SecItem call (and keys) the finding is about, when
	// the rule named it; Folded are the findings of other rules about the
	// same bug that were folded into this one (see overlap.go).
	Subject *Subject
	Folded  []Folded

	fixEdits [][]FileEdit
	fixSafe  []bool
}

// Related is a related location of a diagnostic.
type Related struct {
	Pos     token.Position
	End     token.Position
	Message string
}

// Stats summarises a run.
type Stats struct {
	FilesSeen int
	// FilesKeychain counts the files parsed: those with a keychain token
	// (SecItemAdd, kSecClass), and the helper files they need
	// (FilesHelpers of them; see prefilter.go).
	FilesKeychain int
	FilesHelpers  int // files parsed in the prefilter's second round
	Bytes         int64
	Skipped       []source.Skipped
	Elapsed       time.Duration
	ParseErrors   int // files with syntax errors (lowered partially)
	// FilesUnread counts the inputs that could not be read (binary,
	// unreadable, over the size limit): they are in Skipped.
	FilesUnread int
	// CachedResult reports that the findings came from the cache: no
	// file, project fact or option changed since a run that stored them.
	CachedResult bool
}

// Result is the outcome of a run.
type Result struct {
	Diagnostics []Diagnostic
	Stats       Stats
	Fset        *token.FileSet
	Files       []*model.File
}

// Run analyses the inputs.
func Run(ctx context.Context, inputs []Input, cfg Config) (*Result, error) {
	return RunWalk(ctx, func(found func(Input)) ([]Input, error) {
		for _, in := range inputs {
			found(in)
		}
		return inputs, nil
	}, cfg)
}

// Walk finds the inputs of a run (source.Walk): it calls found for each
// input as soon as it finds it, from one goroutine, and returns the
// inputs to analyse in their final order, each normally one of those
// found.
type Walk func(found func(Input)) ([]Input, error)

// RunWalk is Run over the inputs walk returns; those it finds are read,
// prefiltered and parsed while it goes on. The result does not depend on
// the order they are found in. An error of the walk ends the run.
func RunWalk(ctx context.Context, walk Walk, cfg Config) (*Result, error) {
	start := time.Now()
	if err := analysis.Validate(cfg.Analyzers); err != nil {
		return nil, fmt.Errorf("invalid analyzer set: %w", err)
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if cfg.MaxFileSize <= 0 {
		cfg.MaxFileSize = 5 << 20
	}
	res := &Result{Fset: token.NewFileSet()}
	if cfg.FileOptions != nil {
		cfg.opts = newFileOptions(cfg.FileOptions)
	}

	// The project files are found while the sources are read and parsed.
	var discovered chan *project.Set
	if cfg.DiscoverProjects != nil {
		discovered = make(chan *project.Set, 1)
		go func() { discovered <- cfg.DiscoverProjects() }()
	}
	// Read, prefilter and parse in parallel (prefilter.go).
	pr, inputs, err := parseInputs(ctx, walk, cfg, workers)
	if discovered != nil {
		cfg.Projects = <-discovered // also on an error: it is not left running
	}
	if err != nil {
		return nil, err
	}
	for i, f := range pr.models {
		if f != nil {
			f.Project = cfg.opts.project(inputs[i].File.Path, cfg.Projects.Info(absPath(inputs[i].File), inputs[i].File.Path))
		}
	}
	res.Stats.FilesSeen = len(inputs)
	res.Stats.FilesUnread = pr.unread
	for i := range inputs {
		res.Stats.Bytes += pr.sizes[i]
		if pr.skipped[i] != nil {
			res.Stats.Skipped = append(res.Stats.Skipped, *pr.skipped[i])
		}
		if pr.models[i] != nil {
			res.Files = append(res.Files, pr.models[i])
			if len(pr.models[i].Errors) > 0 {
				res.Stats.ParseErrors++
			}
		}
	}
	res.Stats.FilesHelpers = pr.helpers
	res.Stats.FilesKeychain = len(res.Files)

	rkey, cacheable := resultKey(cfg, res.Files, pr.outside) // result_cache.go
	if cacheable {
		if diags, ok := loadResult(cfg, rkey, res.Files); ok {
			res.Diagnostics, res.Stats.CachedResult = diags, true
			files := res.Files
			if cfg.FindingsOnly {
				files = namedFiles(res.Files, diags)
			}
			pr.pending.complete(ctx, cfg, files, workers)
			if cfg.FindingsOnly {
				// complete may have replaced a model (a corrupt entry).
				copyBack(res.Files, files)
			}
			res.Stats.Elapsed = time.Since(start)
			return res, nil
		}
	}
	// Decoded and built after the cache is asked: the cached models'
	// functions and the index of every function of the program are work
	// a run whose findings come from the cache skips.
	pr.pending.complete(ctx, cfg, res.Files, workers)
	prog := cfg.opts.program(res.Files, cfg.Platforms)
	prog.SetOutside(pr.outside)
	sess := flow.NewSession(res.Fset, prog)
	defer sess.Close()

	order := topo(cfg.Analyzers)
	perFile := make([][]Diagnostic, len(res.Files))
	var firstErr error
	var errOnce sync.Once
	var wg sync.WaitGroup
	fileJobs := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range fileJobs {
				diags, err := runFile(ctx, res.Fset, sess, res.Files[i], order)
				cfg.Progress.analysed()
				if err != nil {
					errOnce.Do(func() { firstErr = err })
				}
				perFile[i] = diags
			}
		}()
	}
	cfg.Progress.analysing(len(res.Files))
	for i := range res.Files {
		fileJobs <- i
	}
	close(fileJobs)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	for _, f := range res.Files {
		// Functions the flow engine stopped at its step budget: the file
		// is reported as partially analysed (report.PartialParses).
		f.AnalysisCut = prog.BudgetCut(f)
	}
	for i, d := range perFile {
		d = cfg.opts.drop(d)
		lowerTestCode(res.Files[i], d)
		res.Diagnostics = append(res.Diagnostics, d...)
	}
	res.Diagnostics = dedupe(fold(res.Diagnostics))
	capRelated(res.Diagnostics)
	if cacheable {
		storeResult(cfg, rkey, res.Diagnostics, res.Files)
	}
	res.Stats.Elapsed = time.Since(start)
	return res, nil
}

func readReason(err error) string {
	switch {
	case errors.Is(err, source.ErrBinary):
		return "binary file"
	case errors.Is(err, source.ErrTooLarge):
		return err.Error()
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// parseSafely parses a file; a panic in the front end (a bug) becomes an
// error for that file instead of ending the scan.
func parseSafely(ctx context.Context, p *swiftparse.Parser, path string, src []byte) (*model.File, error) {
	f, tree, err := parseIncrementalSafely(ctx, p, path, src, nil)
	tree.Close()
	return f, err
}

// parseIncrementalSafely is parseSafely for an incremental parse that
// reuses prev, the tree of the file's previous version.
func parseIncrementalSafely(ctx context.Context, p *swiftparse.Parser, path string, src []byte, prev *swiftparse.Tree) (f *model.File, tree *swiftparse.Tree, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, tree, err = nil, nil, fmt.Errorf("internal error while parsing (please report): %v", r)
		}
	}()
	return p.ParseIncremental(ctx, path, src, prev)
}

// topo orders analyzers so that each comes after what it Requires.
func topo(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

// runFile runs every analyzer on one file, each with its own Pass.
func runFile(ctx context.Context, fset *token.FileSet, sess *flow.Session, f *model.File, order []*analysis.Analyzer) (diags []Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error in the analysis (please report): %v", f.Path, r)
		}
	}()
	results := map[*analysis.Analyzer]any{}
	for _, a := range order {
		a := a
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			OtherFiles: []string{f.Path},
			ReadFile: func(name string) ([]byte, error) {
				if mf := sess.File(name); mf != nil {
					return mf.Src, nil
				}
				return nil, fmt.Errorf("%s: not part of this scan", name)
			},
			ResultOf: map[*analysis.Analyzer]any{},
			Report: func(d analysis.Diagnostic) {
				diags = append(diags, convert(fset, a, d))
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		for _, r := range a.Requires {
			pass.ResultOf[r] = results[r]
		}
		out, err := a.Run(pass)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", f.Path, a.Name, err)
		}
		results[a] = out
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return diags, nil
}

func convert(fset *token.FileSet, a *analysis.Analyzer, d analysis.Diagnostic) Diagnostic {
	sev, sub := decodeCategory(fset, d.Category)
	out := Diagnostic{Rule: a.Name, Severity: sev, Subject: sub, Message: d.Message, URL: d.URL, Raw: d}
	out.Fixes, out.fixSafe = splitSafe(d.SuggestedFixes)
	if out.URL == "" {
		out.URL = a.URL
	}
	out.Pos = fset.Position(d.Pos)
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	out.End = fset.Position(end)
	for _, fx := range d.SuggestedFixes {
		var edits []FileEdit
		for _, te := range fx.TextEdits {
			start, end := fset.Position(te.Pos), fset.Position(te.End)
			if !te.End.IsValid() {
				end = start
			}
			edits = append(edits, FileEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(te.NewText)})
		}
		out.fixEdits = append(out.fixEdits, edits)
	}
	for _, r := range d.Related {
		rend := r.End
		if !rend.IsValid() {
			rend = r.Pos
		}
		out.Related = append(out.Related, Related{Pos: fset.Position(r.Pos), End: fset.Position(rend), Message: r.Message})
	}
	return out
}

// dedupe removes identical findings (a key in a shared helper reached
// from several calls is one finding) and sorts by position.
func dedupe(ds []Diagnostic) []Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool { return less(ds[i], ds[j]) })
	var out []Diagnostic
	seen := map[string]bool{}
	for _, d := range ds {
		k := fmt.Sprintf("%s|%s|%d|%s", d.Rule, d.Pos.Filename, d.Pos.Offset, d.Message)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

func less(a, b Diagnostic) bool {
	if a.Pos.Filename != b.Pos.Filename {
		return a.Pos.Filename < b.Pos.Filename
	}
	if a.Pos.Offset != b.Pos.Offset {
		return a.Pos.Offset < b.Pos.Offset
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// FileEdit is a suggested-fix edit resolved to a file and byte offsets.
type FileEdit struct {
	Filename   string
	Start, End int
	New        string
}

// FixEdits resolves the edits of the i-th suggested fix.
func (d Diagnostic) FixEdits(i int) []FileEdit {
	return d.fixEdits[i]
}
