package flow

import (
	"fmt"
	"go/token"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Analyzer is the flow engine as a go/analysis analyzer: every rule
// Requires it and reads its *Result from pass.ResultOf.
var Analyzer = &analysis.Analyzer{
	Name:       "keychainflow",
	Doc:        "follows dictionaries and statuses into SecItem calls (the engine every keychainlint rule builds on)",
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// Session ties a scan's token.FileSet to its program, so that analyzers,
// which only see an analysis.Pass, can find the model of their file.
type Session struct {
	Fset    *token.FileSet
	Program *Program

	byPath  map[string]*model.File
	tokFile map[*model.File]*token.File
}

var sessions sync.Map // *token.FileSet → *Session

// NewSession registers the files with fset (one token.File each, lines
// computed from the source) and returns the session; Close unregisters it.
func NewSession(fset *token.FileSet, prog *Program) *Session {
	s := &Session{Fset: fset, Program: prog, byPath: map[string]*model.File{}, tokFile: map[*model.File]*token.File{}}
	for _, f := range prog.Files {
		tf := fset.AddFile(f.Path, -1, len(f.Src))
		tf.SetLinesForContent(f.Src)
		s.byPath[f.Path] = f
		s.tokFile[f] = tf
	}
	sessions.Store(fset, s)
	return s
}

// Close unregisters the session.
func (s *Session) Close() { sessions.Delete(s.Fset) }

// File returns the model of a path.
func (s *Session) File(path string) *model.File { return s.byPath[path] }

// TokenFile returns the token.File of a model file.
func (s *Session) TokenFile(f *model.File) *token.File { return s.tokFile[f] }

// SessionOf returns the session a pass belongs to.
func SessionOf(pass *analysis.Pass) *Session {
	v, ok := sessions.Load(pass.Fset)
	if !ok {
		return nil
	}
	return v.(*Session)
}

// Pos converts a site to a token.Pos.
func (s *Session) Pos(site Site) token.Pos {
	tf := s.tokFile[site.File]
	if tf == nil || site.Span.Start < 0 || site.Span.Start > tf.Size() {
		return token.NoPos
	}
	return tf.Pos(site.Span.Start)
}

// End converts the end of a site to a token.Pos.
func (s *Session) End(site Site) token.Pos {
	tf := s.tokFile[site.File]
	if tf == nil || site.Span.End < 0 || site.Span.End > tf.Size() {
		return token.NoPos
	}
	return tf.Pos(site.Span.End)
}

func run(pass *analysis.Pass) (any, error) {
	s := SessionOf(pass)
	if s == nil {
		return nil, fmt.Errorf("keychainflow: no session for this pass (the driver must call flow.NewSession)")
	}
	if len(pass.OtherFiles) != 1 {
		return nil, fmt.Errorf("keychainflow: expected one source file per pass, got %d", len(pass.OtherFiles))
	}
	f := s.File(pass.OtherFiles[0])
	if f == nil {
		return nil, fmt.Errorf("keychainflow: %s is not part of the session", pass.OtherFiles[0])
	}
	return s.Program.FileResult(f), nil
}
