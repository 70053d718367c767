package flow

import (
	"bytes"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Reuse across versions of a program, for an editor's edit loop: after a
// change to one file, most of the static call graph (callgraph.go) is as
// it was, and building it is most of the engine's work on a keystroke
// (every call of every function of the program resolved again). A program
// made by NewProgramAfter takes the callees of each function of an
// unchanged file (the same *model.File), and of each function of a
// changed file whose source text is the same, from the previous program,
// when no file's declarations changed: call resolution reads the
// declarations of the program (names, signatures, owners, result and
// parameter types, struct and class names) and the calling function's
// own body, nothing else. The other functions of a changed file are
// resolved again; a callee that was a function of a changed file is
// replaced by the function at the same place in its new version (the
// declarations being the same, there is one).

// NewProgramAfter is NewProgram(files, platforms) that reuses what it can of
// prev, a program over an earlier version of the same files (nil: none).
func NewProgramAfter(prev *Program, files []*model.File, platforms model.Platform) *Program {
	p := NewProgram(files, platforms)
	if prev != nil && prev.Platforms == p.Platforms {
		p.prev = prev
	}
	return p
}

// graphBuilt marks a program whose call graph was built (graphOnce ran).
type graphBuilt struct{ atomic.Bool }

// reusableEdges returns the callees of the functions whose callees the
// previous program's graph gives, or nil when nothing can be reused.
func (p *Program) reusableEdges() map[*model.Func][]*model.Func {
	prev := p.prev
	p.prev = nil // nothing else of it is kept
	if prev == nil || !prev.built.Load() || len(prev.Files) != len(p.Files) {
		return nil
	}
	old := make(map[string]*model.File, len(prev.Files))
	for _, f := range prev.Files {
		old[f.Path] = f
	}
	same := make(map[*model.File]bool, len(p.Files))
	// remap takes each function of a changed file to its new version;
	// kept are the old functions whose text did not change, whose
	// callees are kept too (resolution reads the declarations, which
	// are the same, and the body, which is the same text).
	remap := map[*model.Func]*model.Func{}
	kept := map[*model.Func]bool{}
	for _, f := range p.Files {
		o := old[f.Path]
		switch {
		case o == nil:
			return nil // a file added (and another removed)
		case o == f:
			same[f] = true
		case declarations(o) != declarations(f):
			return nil
		default:
			for i, fn := range o.Funcs {
				remap[fn] = f.Funcs[i]
				if fn.Kind != model.FuncTopLevel && bytes.Equal(text(o, fn.Span), text(f, f.Funcs[i].Span)) {
					kept[fn] = true
				}
			}
		}
	}
	out := map[*model.Func][]*model.Func{}
	for fn, callees := range prev.cg.edges {
		key := fn
		switch {
		case kept[fn]:
			key = remap[fn]
		case !same[fn.File]:
			continue
		}
		mapped, copied := callees, false
		for i, c := range callees {
			if n, ok := remap[c]; ok {
				if !copied {
					mapped, copied = append([]*model.Func(nil), callees...), true
				}
				mapped[i] = n
			}
		}
		out[key] = mapped
	}
	return out
}

// text is the source text of a span of f, nil when the span is not
// within it.
func text(f *model.File, s model.Span) []byte {
	if !s.Valid() || s.Start < 0 || s.End > len(f.Src) || s.Start > s.End {
		return nil
	}
	return f.Src[s.Start:s.End]
}

// declarations describes what call resolution reads of a file besides
// the calling function's body: its path (the module fallback), its type
// names, and each function's kind, name, owner, signature, result and
// parameter types and nesting, in order.
func declarations(f *model.File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %d %q %q\n", f.Path, f.Lang, f.Structs, f.Classes)
	index := make(map[*model.Func]int, len(f.Funcs))
	for i, fn := range f.Funcs {
		index[fn] = i
	}
	for _, fn := range f.Funcs {
		parent := -1
		if fn.Parent != nil {
			parent = index[fn.Parent]
		}
		fmt.Fprintf(&b, "%d %q %q %t %q %q %d", fn.Kind, fn.Name, fn.Owner, fn.Static, fn.Sig(), fn.ResultType, parent)
		for _, prm := range fn.Params {
			fmt.Fprintf(&b, " (%q %q %q %t %t)", prm.Label, prm.Name, prm.Type, prm.InOut, prm.HasDefault)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
