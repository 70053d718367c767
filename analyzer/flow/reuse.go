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
//
// A function keeps its callees when its file is unchanged, or its text
// is (a function of a changed file whose declaration is in both versions
// of the file), and its body mentions none of the names whose
// declarations were added, removed or changed (resolution finds callees
// by name and signature: a function that does not name one resolves as
// before), and none of its callees lost its declaration. Its callees in a
// changed file are pointed at their new versions.
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
	d := &declDiff{remap: map[*model.Func]*model.Func{}, kept: map[*model.Func]bool{}, gone: map[*model.Func]bool{}, changed: map[string]bool{}}
	for _, f := range p.Files {
		o := old[f.Path]
		switch {
		case o == nil:
			return nil // a file added (and another removed)
		case o == f:
			same[f] = true
		case fileHeader(o) != fileHeader(f):
			return nil // a type added or removed: receivers may resolve otherwise
		default:
			d.pair(o, f)
		}
	}
	// A file whose text holds none of the changed names has no function
	// that mentions one: its bodies are not walked (mentions).
	mayMention := map[*model.File]bool{}
	if len(d.changed) > 0 {
		for _, f := range prev.Files {
			for name := range d.changed {
				if name != "" && bytes.Contains(f.Src, []byte(name)) {
					mayMention[f] = true
					break
				}
			}
		}
	}
	out := map[*model.Func][]*model.Func{}
next:
	for fn, callees := range prev.cg.edges {
		key := fn
		switch {
		case d.kept[fn]:
			key = d.remap[fn]
		case !same[fn.File]:
			continue
		}
		if mayMention[fn.File] && mentions(fn, d.changed) {
			continue
		}
		mapped, copied := callees, false
		for i, c := range callees {
			if d.gone[c] {
				continue next
			}
			if n, ok := d.remap[c]; ok {
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

// declDiff relates the functions of the old and new versions of changed
// files.
type declDiff struct {
	remap   map[*model.Func]*model.Func // old → new, for a declaration in both versions
	kept    map[*model.Func]bool        // old functions whose new version has the same text
	gone    map[*model.Func]bool        // old functions whose declaration is not in the new version
	changed map[string]bool             // names of declarations added, removed or changed
}

// pair matches the functions of o and f by declaration, in order; a
// declaration whose count differs between them is a change of its name.
func (d *declDiff) pair(o, f *model.File) {
	oldBy, newBy := byDecl(o), byDecl(f)
	for key, olds := range oldBy {
		news := newBy[key]
		if len(news) != len(olds) {
			d.changed[olds[0].Name] = true
			for _, fn := range olds {
				d.gone[fn] = true
			}
			continue
		}
		for i, fn := range olds {
			d.remap[fn] = news[i]
		}
	}
	for key, news := range newBy {
		if len(oldBy[key]) != len(news) {
			d.changed[news[0].Name] = true
		}
	}
	for fn, n := range d.remap {
		if fn.File != o {
			continue
		}
		parentSame := fn.Parent == nil && n.Parent == nil || fn.Parent != nil && d.remap[fn.Parent] == n.Parent
		if fn.Kind != model.FuncTopLevel && parentSame && bytes.Equal(text(o, fn.Span), text(f, n.Span)) {
			d.kept[fn] = true
		}
	}
}

// byDecl groups a file's functions by declaration, in file order.
func byDecl(f *model.File) map[string][]*model.Func {
	m := map[string][]*model.Func{}
	for _, fn := range f.Funcs {
		k := declaration(fn)
		m[k] = append(m[k], fn)
	}
	return m
}

// mentions reports whether fn's body names one of names: a call, a
// member or an identifier, what staticCallees resolves.
func mentions(fn *model.Func, names map[string]bool) bool {
	found := false
	for _, s := range fn.Body {
		model.Inspect(s, func(n model.Node) bool {
			switch x := n.(type) {
			case *model.Call:
				found = found || names[x.Name()]
			case *model.Member:
				found = found || names[x.Name]
			case *model.Ident:
				found = found || names[x.Name]
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// text is the source text of a span of f, nil when the span is not
// within it.
func text(f *model.File, s model.Span) []byte {
	if !s.Valid() || s.Start < 0 || s.End > len(f.Src) || s.Start > s.End {
		return nil
	}
	return f.Src[s.Start:s.End]
}

// fileHeader is what call resolution reads of a file besides its
// functions: its path (the module fallback), language and type names.
func fileHeader(f *model.File) string {
	return fmt.Sprintf("%q %d %q %q", f.Path, f.Lang, f.Structs, f.Classes)
}

// declaration is what call resolution reads of a function besides its
// body: kind, name, owner, signature, result and parameter types, and
// whether it is nested (its parent is matched separately).
func declaration(fn *model.Func) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %q %q %t %q %q %t", fn.Kind, fn.Name, fn.Owner, fn.Static, fn.Sig(), fn.ResultType, fn.Parent != nil)
	for _, prm := range fn.Params {
		fmt.Fprintf(&b, " (%q %q %q %t %t)", prm.Label, prm.Name, prm.Type, prm.InOut, prm.HasDefault)
	}
	return b.String()
}
