package flow

import (
	"path/filepath"
	"strings"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Program is every lowered file of one scan: the scope in which calls to
// helpers resolve and summaries are computed.
type Program struct {
	Files []*model.File
	// Platforms is the configured platform scope (--platforms).
	Platforms model.Platform

	bySig  map[string][]*model.Func
	byName map[string][]*model.Func
	// roots holds each file's package-like root for the module fallback
	// (see sameModule).
	roots map[*model.File]string

	mu    sync.Mutex
	cache map[specKey]*funcResult
	// specCache holds each function's specialised parameters (spec.go).
	specCache map[*model.Func][]specParam
	// structs holds the names of the Swift struct types the program
	// declares (value types: a copy does not alias), less those it also
	// declares as a class.
	structs map[string]bool
	// nested lists the functions declared in each function's body.
	nested map[*model.Func][]*model.Func
}

// specKey identifies an analysis of a function: unspecialised (spec ""),
// or specialised for a call that passes nil, a boolean literal or a
// certainly non-nil value for some parameters (spec describes them; see
// spec.go), so that `if (key) { … }` in a helper called with nil follows
// only the branch that runs.
type specKey struct {
	fn   *model.Func
	spec string
}

// NewProgram indexes the files' functions for call resolution.
func NewProgram(files []*model.File, platforms model.Platform) *Program {
	if platforms == 0 {
		platforms = model.AllPlatforms
	}
	p := &Program{Files: files, Platforms: platforms, bySig: map[string][]*model.Func{}, byName: map[string][]*model.Func{},
		cache: map[specKey]*funcResult{}, specCache: map[*model.Func][]specParam{}, roots: map[*model.File]string{}, structs: map[string]bool{}, nested: map[*model.Func][]*model.Func{}}
	classes := map[string]bool{}
	for _, f := range files {
		for _, name := range f.Structs {
			p.structs[name] = true
		}
		for _, name := range f.Classes {
			classes[name] = true
		}
		p.roots[f] = packageRoot(f.Path)
		if f.Platforms == 0 {
			inferFilePlatforms(f, platforms)
		}
		for _, fn := range f.Funcs {
			if fn.Parent != nil {
				p.nested[fn.Parent] = append(p.nested[fn.Parent], fn)
			}
			if fn.Kind == model.FuncTopLevel || fn.Name == "" {
				continue
			}
			p.bySig[fn.Sig()] = append(p.bySig[fn.Sig()], fn)
			p.byName[fn.Name] = append(p.byName[fn.Name], fn)
		}
	}
	for name := range classes {
		// A class of the same name elsewhere (another module): a variable
		// of that type may be a class instance, which aliases.
		delete(p.structs, name)
	}
	return p
}

// funcResult is the outcome of analysing one function: its call facts and
// its summary.
type funcResult struct {
	facts   []*CallFact
	summary *Summary
}

// Summary is what callers need to know about a function.
type Summary struct {
	// Ret is the dictionary the function returns (joined over its return
	// statements), nil when it returns no dictionary. RetParam is the
	// parameter the returned dictionary was derived from, or -1.
	Ret *Obj
	// RetConst holds the constants it returns (a key constant, a string).
	RetConst []Const
	// RetArg is the parameter the function returns unchanged (a
	// conversion helper such as toString(kSecClass)), or -1.
	RetArg int
	// Forwards are SecItem calls that receive a parameter.
	Forwards []*Forward
	// ReadOK and ReadFail are the outcomes of the function's reads on the
	// paths where it reports success (returns a value, true) and failure
	// (returns nil or false, throws). ReadFail == 0 when the function
	// makes no read or never fails after one.
	ReadOK, ReadFail StatusSet
	// RetReadStatus is set when the function returns the status of its
	// read (an OSStatus): the outcomes it may return.
	RetReadStatus StatusSet
	// ParamDeltas are the changes the function makes to its dictionary
	// parameters (visible to callers for reference types and inout).
	ParamDeltas map[int]*Obj
}

// Forward is a SecItem call inside a function that receives one of the
// function's parameters (possibly with keys added or removed first).
type Forward struct {
	Fact *CallFact
	// DictParam is the parameter passed as the query/attributes, -1 when
	// the function builds that dictionary itself (then Dict is it).
	DictParam   int
	Dict        *Obj
	UpdateParam int
	Update      *Obj
	// Indirect: neither dictionary comes from a parameter.
	Indirect bool
	// Always: the function makes the call on every path (deletes only).
	Always bool
}

// analyze returns the analysis of fn. stack holds the functions being
// analysed on the current goroutine (to cut recursion); a result computed
// while recursion was cut is not cached, so that results do not depend on
// the order in which workers happen to reach functions.
func (p *Program) analyze(fn *model.Func, stack []*model.Func) (*funcResult, bool) {
	return p.analyzeSpec(fn, nil, stack)
}

// isStruct reports whether a type name is a Swift struct of the program.
func (p *Program) isStruct(t string) bool { return t != "" && p.structs[t] }

// analyzeSpec analyses fn with some parameters, members of struct
// parameters or captured names bound to known values (see specBinding),
// or unspecialised when b is nil.
func (p *Program) analyzeSpec(fn *model.Func, b *specBinding, stack []*model.Func) (*funcResult, bool) {
	for _, s := range stack {
		if s == fn {
			return nil, true
		}
	}
	key := specKey{fn, b.String()}
	p.mu.Lock()
	r, ok := p.cache[key]
	p.mu.Unlock()
	if ok {
		return r, false
	}
	a := newInterp(p, fn, append(stack[:len(stack):len(stack)], fn))
	if b != nil {
		a.consts, a.paths = b.consts, b.paths
	}
	r = a.run()
	if !a.tainted {
		p.mu.Lock()
		if prev, ok := p.cache[key]; ok {
			r = prev
		} else {
			p.cache[key] = r
		}
		p.mu.Unlock()
	}
	return r, a.tainted
}

// FileResult analyses every function of a file.
func (p *Program) FileResult(f *model.File) *Result {
	res := &Result{File: f}
	for _, fn := range f.Funcs {
		r, _ := p.analyze(fn, nil)
		res.Calls = append(res.Calls, r.facts...)
	}
	return res
}

// inFile returns the only candidate defined in file f, or else the only
// one in f's directory (duplicated sources: a library and a generated
// single-file copy of it elsewhere), or nil.
func inFile(cands []*model.Func, f *model.File) *model.Func {
	if f == nil {
		return nil
	}
	only := func(match func(*model.Func) bool) (*model.Func, bool) {
		var found *model.Func
		for _, c := range cands {
			if c.File != nil && match(c) {
				if found != nil {
					return nil, true
				}
				found = c
			}
		}
		return found, found != nil
	}
	if fn, decided := only(func(c *model.Func) bool { return c.File == f }); decided {
		return fn
	}
	dir := filepath.Dir(f.Path)
	fn, _ := only(func(c *model.Func) bool { return filepath.Dir(c.File.Path) == dir })
	return fn
}

func isSelf(e model.Expr) bool {
	id, ok := e.(*model.Ident)
	return ok && (id.Name == "self" || id.Name == "Self" || id.Name == "super")
}

// refType reports whether a declared type text is a reference-type
// dictionary (NSDictionary, NSMutableDictionary, CFDictionaryRef).
func refType(t string) bool {
	return strings.Contains(t, "NSMutableDictionary") || strings.Contains(t, "NSDictionary") ||
		strings.Contains(t, "CFDictionaryRef") || strings.Contains(t, "CFMutableDictionaryRef")
}
