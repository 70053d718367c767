package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/keychainlint/keychainlint/analyzer/config"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	goanalysis "golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// analysis_ owns the whole-program model (a driver.Edit) and does all
// analysis on one goroutine (run), so that the connection's reader never
// waits for it. Changed documents are queued (schedule) and analysed once
// typing pauses (Options.Debounce); a newer version of a document cancels
// the analysis of the older one.
type analysis_ struct {
	s *Server

	// mu guards the program and what was computed from it.
	mu       sync.Mutex
	edit     *driver.Edit
	settings Settings
	conf     *config.Resolver // the configuration files (nil: none could be read)
	// roots are the workspace folders of the program; loose holds, for
	// each file opened outside all of them, a program of its own (the
	// file is analysed alone, as the command would a file named alone),
	// made with cfg.
	roots     []string
	loose     map[string]*driver.Edit
	cfg       driver.Config
	analysed  map[string]int32               // open document path → version in the program
	findings  map[string][]driver.Diagnostic // last findings shown, per path
	published map[string]string              // last published diagnostics (JSON), per path

	ready     chan struct{} // closed when the first scan is done
	readyOnce sync.Once

	// qmu guards the queue.
	qmu       sync.Mutex
	pending   map[string]bool
	needScan  bool
	wake      chan struct{}
	curPath   string
	curCancel context.CancelFunc
}

func newAnalysis(s *Server) *analysis_ {
	return &analysis_{s: s, analysed: map[string]int32{}, findings: map[string][]driver.Diagnostic{}, published: map[string]string{}, pending: map[string]bool{}, wake: make(chan struct{}, 1), ready: make(chan struct{})}
}

func (a *analysis_) poke() {
	select {
	case a.wake <- struct{}{}:
	default:
	}
}

// schedule queues path for analysis.
func (a *analysis_) schedule(path string) {
	a.qmu.Lock()
	a.pending[path] = true
	if a.curPath == path && a.curCancel != nil {
		a.curCancel() // a newer version supersedes the one being analysed
	}
	a.qmu.Unlock()
	a.poke()
}

// rescan queues a scan of the workspace folders (at initialize, and when
// the folders or the settings change).
func (a *analysis_) rescan() {
	a.qmu.Lock()
	a.needScan = true
	a.qmu.Unlock()
	a.poke()
}

func (a *analysis_) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			a.mu.Lock()
			if a.edit != nil {
				a.edit.Close()
			}
			a.closeLoose()
			a.mu.Unlock()
			return
		case <-a.wake:
		}
		if d := a.s.opt.Debounce; d > 0 {
			time.Sleep(time.Duration(d) * time.Millisecond)
		}
		a.qmu.Lock()
		scan := a.needScan
		a.needScan = false
		a.qmu.Unlock()
		if scan {
			a.scan(ctx)
		}
		a.qmu.Lock()
		paths := make([]string, 0, len(a.pending))
		for p := range a.pending {
			paths = append(paths, p)
		}
		a.pending = map[string]bool{}
		a.qmu.Unlock()
		sort.Strings(paths)
		a.mu.Lock()
		ok := a.edit != nil
		a.mu.Unlock()
		if !ok {
			continue
		}
		for _, p := range paths {
			a.change(ctx, p)
		}
		a.republish(ctx)
	}
}

// scan builds the program of the workspace folders with the CLI's
// collection rules (source.Walk: skipped directories, .gitignore; the
// prefilter; project facts).
func (a *analysis_) scan(ctx context.Context) {
	s := a.s
	s.mu.Lock()
	roots := append([]string(nil), s.roots...)
	settings := s.settings
	s.mu.Unlock()
	start := time.Now()
	opts := source.Options{MaxFileSize: source.DefaultMaxFileSize}
	cfg := driver.Config{Analyzers: s.analyzers(), Platforms: settings.platforms, MaxFileSize: source.DefaultMaxFileSize}
	conf, err := configResolver(settings)
	if err != nil {
		s.logf(protocol.MessageTypeError, "configuration: %v", err)
		conf = nil
	}
	settingsOf := func(path string) *config.Settings {
		if conf == nil {
			return nil
		}
		st, err := conf.ForFile(path)
		if err != nil {
			s.logf(protocol.MessageTypeError, "configuration: %v", err)
		}
		return st
	}
	cfg.FileOptions = func(path string) driver.FileOptions { return settingsOf(path).FileOptions() }
	var edit *driver.Edit
	if len(roots) == 0 {
		edit, err = driver.NewEdit(cfg, nil)
	} else {
		cfg.Projects = project.Discover(ctx, roots, opts)
		edit, err = driver.NewEditWalk(ctx, func(found func(driver.Input)) ([]driver.Input, error) {
			// Files the configuration excludes are not part of the
			// program, as on the command line.
			keep := func(f source.File) bool { st := settingsOf(f.Path); return st == nil || !st.Excluded }
			files, _, err := source.Walk(roots, opts, func(f source.File) {
				if keep(f) {
					found(driver.Input{File: f})
				}
			})
			var inputs []driver.Input
			for _, f := range files {
				if keep(f) {
					inputs = append(inputs, driver.Input{File: f})
				}
			}
			return inputs, err
		}, cfg)
	}
	if err != nil {
		s.logf(protocol.MessageTypeError, "scanning the workspace: %v", err)
		edit, _ = driver.NewEdit(cfg, nil)
	}
	a.mu.Lock()
	if a.edit != nil {
		a.edit.Close()
	}
	a.closeLoose()
	a.edit = edit
	a.settings = settings
	a.conf = conf
	a.roots, a.cfg = roots, cfg
	a.analysed = map[string]int32{}
	n := len(edit.Paths())
	a.mu.Unlock()
	a.readyOnce.Do(func() { close(a.ready) })
	s.logf(protocol.MessageTypeInfo, "scanned %d workspace folder(s): %d keychain files in %v", len(roots), n, time.Since(start).Round(time.Millisecond))
	// Open documents' buffers win over the files just read.
	s.mu.Lock()
	var open []string
	for p := range s.docs {
		open = append(open, p)
	}
	s.mu.Unlock()
	a.qmu.Lock()
	for _, p := range open {
		a.pending[p] = true
	}
	a.qmu.Unlock()
}

func (s *Server) analyzers() []*goanalysis.Analyzer {
	if s.opt.Analyzers != nil {
		return s.opt.Analyzers
	}
	return all.Analyzers()
}

// change puts the current text of path (the open buffer, else the file on
// disk) into the program; a file gone from disk leaves it.
func (a *analysis_) change(ctx context.Context, path string) {
	a.s.mu.Lock()
	doc := a.s.docs[path]
	var src []byte
	var version int32
	if doc != nil {
		src, version = doc.text, doc.version
	}
	a.s.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	a.qmu.Lock()
	a.curPath, a.curCancel = path, cancel
	a.qmu.Unlock()
	defer func() {
		a.qmu.Lock()
		a.curPath, a.curCancel = "", nil
		a.qmu.Unlock()
	}()
	a.mu.Lock()
	defer a.mu.Unlock()
	if doc == nil {
		data, err := os.ReadFile(path)
		if err != nil {
			a.editFor(path).Remove(path)
			return
		}
		if a.editFor(path).File(path) == nil && !a.newSource(path) {
			return // not a file of the program, and not open: nothing to show
		}
		src = data
	}
	if err := a.changeLocked(ctx, path, src); err != nil {
		return
	}
	if doc != nil {
		a.analysed[path] = version
	}
}

func (a *analysis_) changeLocked(ctx context.Context, path string, src []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report): %v", r)
			a.s.logf(protocol.MessageTypeError, "%s: %v", path, err)
		}
	}()
	if err := a.editFor(path).Put(ctx, path, src); err != nil {
		if errors.Is(err, context.Canceled) {
			return err
		}
		a.s.logf(protocol.MessageTypeError, "%v", err)
	}
	return nil
}

// targets are the files whose diagnostics may have changed: the open
// documents and those that showed diagnostics.
func (a *analysis_) targets() []string {
	set := map[string]bool{}
	a.s.mu.Lock()
	for p := range a.s.docs {
		set[p] = true
	}
	a.s.mu.Unlock()
	for p, js := range a.published {
		if js != "[]" {
			set[p] = true
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// republish computes the findings of every target and publishes those
// that changed (a helper edited in one file changes its callers').
func (a *analysis_) republish(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, p := range a.targets() {
		if ctx.Err() != nil {
			return
		}
		a.publishLocked(ctx, p)
	}
}

func (a *analysis_) publishLocked(ctx context.Context, path string) {
	diags, f, err := a.findingsLocked(ctx, path)
	if errors.Is(err, context.Canceled) {
		return
	}
	if err != nil {
		a.s.logf(protocol.MessageTypeError, "%v", err)
	}
	out := a.toProtocol(diags, f)
	js, _ := json.Marshal(out)
	if a.published[path] == string(js) {
		return
	}
	a.published[path] = string(js)
	params := &protocol.PublishDiagnosticsParams{URI: pathURI(path), Diagnostics: out}
	a.s.mu.Lock()
	if doc := a.s.docs[path]; doc != nil {
		params.Version = uint32(doc.version)
	}
	a.s.mu.Unlock()
	_ = a.s.conn.Notify(context.Background(), protocol.MethodTextDocumentPublishDiagnostics, params)
}

// findingsLocked returns what the CLI would report for path in the current
// program (inline suppressions applied, badignore and unusedignore
// included), filtered by the settings. An error (a crash in the analysis
// of the file) leaves no findings.
func (a *analysis_) findingsLocked(ctx context.Context, path string) (out []driver.Diagnostic, f *model.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: internal error in the analysis (please report): %v", path, r)
		}
		if err != nil {
			delete(a.findings, path)
		} else {
			a.findings[path] = out
		}
	}()
	edit := a.editFor(path)
	f = edit.File(path)
	if f == nil {
		return nil, nil, nil
	}
	diags, err := edit.Findings(ctx, path)
	if err != nil {
		return nil, f, err
	}
	sup := suppress.Apply([]*model.File{f}, diags, suppress.Options{
		Known: func(rule string) bool { _, ok := all.Lookup(rule); return ok },
		URL:   rulekit.URL,
	})
	var conf *config.Settings
	if a.conf != nil {
		conf, _ = a.conf.ForFile(path) // an error was logged when the file was read
	}
	if conf != nil && conf.Excluded {
		return nil, f, nil // an excluded file opened in the editor: as ruff's server, nothing
	}
	for _, d := range sup.Kept {
		conf.Reseverity(&d)
		if a.settings.shows(d) {
			out = append(out, d)
		}
	}
	return out, f, nil
}

// current brings an open document's text into the program if it is not
// there yet and returns the findings for path: what code actions and pull
// diagnostics answer from.
func (a *analysis_) current(ctx context.Context, path string) ([]driver.Diagnostic, *model.File, error) {
	select {
	case <-a.ready:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.edit == nil {
		return nil, nil, errors.New("the workspace is still being scanned")
	}
	a.s.mu.Lock()
	doc := a.s.docs[path]
	var src []byte
	var version int32
	if doc != nil {
		src, version = doc.text, doc.version
	}
	a.s.mu.Unlock()
	if doc != nil {
		if v, ok := a.analysed[path]; !ok || v != version || a.editFor(path).File(path) == nil {
			if err := a.changeLocked(ctx, path, src); err != nil {
				return nil, nil, err
			}
			a.analysed[path] = version
		}
	}
	return a.findingsLocked(ctx, path)
}

// editFor is the program path belongs to: the workspace's, or for a file
// outside every workspace folder its own. a.mu is held.
func (a *analysis_) editFor(path string) *driver.Edit {
	if len(a.roots) == 0 || inRoots(path, a.roots) {
		return a.edit
	}
	if e := a.loose[path]; e != nil {
		return e
	}
	e, err := driver.NewEdit(a.cfg, nil)
	if err != nil {
		return a.edit // the analyzers were accepted for the workspace
	}
	if a.loose == nil {
		a.loose = map[string]*driver.Edit{}
	}
	a.loose[path] = e
	return e
}

// closeLoose drops the programs of files outside the workspace. a.mu is
// held.
func (a *analysis_) closeLoose() {
	for _, e := range a.loose {
		e.Close()
	}
	a.loose = nil
}

// inRoots reports whether path lies in one of the folders.
func inRoots(path string, roots []string) bool {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// newSource reports whether a file that appeared in the workspace (a
// watched file created) joins the program: a regular Swift, Objective-C
// or C file inside a workspace folder, within the size limit, not excluded
// by the configuration. The prefilter does not decide here: a file
// without keychain code adds no finding, and one that declares a helper
// keychain code uses is one the command's second round would read too.
// a.mu is held.
func (a *analysis_) newSource(path string) bool {
	if model.LangForPath(path) == model.LangUnknown || !inRoots(path, a.roots) {
		return false
	}
	fi, err := os.Lstat(path) // a symlink may point out of the tree
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > source.DefaultMaxFileSize {
		return false
	}
	if a.conf != nil {
		if st, err := a.conf.ForFile(path); err != nil || st.Excluded {
			return false
		}
	}
	return true
}
