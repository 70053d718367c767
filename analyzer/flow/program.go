package flow

import (
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Program is every lowered file of one scan: the scope in which calls to
// helpers resolve and summaries are computed.
type Program struct {
	Files []*model.File
	// Platforms is the configured platform scope (--platforms).
	Platforms model.Platform
	// filePlatforms are the files whose configured scope is their own
	// (a configuration file's platforms; see NewProgramScoped).
	filePlatforms map[*model.File]model.Platform

	bySig map[string][]*model.Func
	// sigs caches each indexed function's Sig (call resolution compares
	// it for every candidate).
	sigs   map[*model.Func]string
	byName map[string][]*model.Func
	// propsByName is byName's properties only: resolveProperty asks for
	// them on every property read, and filtering byName each time
	// allocated a list per read.
	propsByName map[string][]*model.Func
	// roots holds each file's package-like root for the module fallback
	// and dirs its directory, slash-separated (see sameModule, which
	// compares them for every candidate of a resolution).
	roots map[*model.File]string
	dirs  map[*model.File]string

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
	// props indexes the stored properties the files declare
	// (valuetypes.go).
	props map[string]*model.Prop
	// outside and outsideSet are what SetOutside was told of the files
	// outside the program (until it is called, no property is known
	// nil); nilProps the stored properties known nil, computed once
	// (nilprops.go).
	outside    map[string]bool
	outsideSet bool
	nilOnce    sync.Once
	nilProps   map[*model.Prop]bool

	// graphOnce builds cg, the static call graph (callgraph.go); built
	// is set once it has. prev is the program whose graph it may reuse
	// (reuse.go), resolved counts the functions whose callees were
	// resolved (not reused).
	graphOnce sync.Once
	cg        *callGraph
	built     graphBuilt
	prev      *Program
	resolved  atomic.Int64
	// rounds holds the rounds of call cycles' fixed points (fixpoint.go).
	rounds map[frameKey]*funcResult

	// stepBudget bounds each interpretation (budget.go); budgetCut holds
	// the functions whose analysis ran out of it, by file.
	stepBudget int
	budgetCut  map[*model.File]map[*model.Func]bool

	// interps counts function interpretations (see Interpretations);
	// cuts the calls the safety net cut, widened the analyses of a call
	// cycle that did not converge (see Stats).
	interps, cuts, widened, maxSteps, lookBacks atomic.Int64

	// memo holds what rules derive from the whole program (see Memo).
	memo sync.Map
	// inheritOnce builds inherited, the types some type of the program
	// names as its superclass or protocol (inherited.go).
	inheritOnce sync.Once
	inherited   map[string]bool
}

// Interpretations returns how many times the program has interpreted a
// function body so far: the measure of the flow engine's work that tests
// bound (a count, unlike a time, does not depend on the machine).
func (p *Program) Interpretations() int64 { return p.interps.Load() }

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
	return NewProgramScoped(files, platforms, nil)
}

// NewProgramScoped is NewProgram where perFile, when not nil, gives a file
// a configured scope of its own (non-zero) instead of platforms: the file
// is then analysed as if --platforms said so, while the functions it calls
// in other files keep theirs.
func NewProgramScoped(files []*model.File, platforms model.Platform, perFile func(*model.File) model.Platform) *Program {
	if platforms == 0 {
		platforms = model.AllPlatforms
	}
	p := &Program{Files: files, Platforms: platforms, filePlatforms: map[*model.File]model.Platform{}, bySig: map[string][]*model.Func{}, sigs: map[*model.Func]string{}, byName: map[string][]*model.Func{},
		stepBudget: StepBudget, cache: map[specKey]*funcResult{}, rounds: map[frameKey]*funcResult{}, specCache: map[*model.Func][]specParam{}, roots: map[*model.File]string{}, dirs: map[*model.File]string{}, propsByName: map[string][]*model.Func{}, structs: map[string]bool{}, nested: map[*model.Func][]*model.Func{}}
	classes := map[string]bool{}
	for _, f := range files {
		for _, name := range f.Structs {
			p.structs[name] = true
		}
		for _, name := range f.Classes {
			classes[name] = true
		}
		p.roots[f] = packageRoot(f.Path)
		p.dirs[f] = filepath.ToSlash(filepath.Dir(f.Path))
		configured := platforms
		if perFile != nil {
			if q := perFile(f); q != 0 {
				configured = q
				p.filePlatforms[f] = q
			}
		}
		if f.Platforms == 0 {
			inferFilePlatforms(f, configured)
		}
		for _, fn := range f.Funcs {
			if fn.Parent != nil {
				p.nested[fn.Parent] = append(p.nested[fn.Parent], fn)
			}
			if fn.Kind == model.FuncTopLevel || fn.Name == "" {
				continue
			}
			sig := fn.Sig()
			p.sigs[fn] = sig
			p.bySig[sig] = append(p.bySig[sig], fn)
			p.byName[fn.Name] = append(p.byName[fn.Name], fn)
			if fn.Kind == model.FuncProperty {
				p.propsByName[fn.Name] = append(p.propsByName[fn.Name], fn)
			}
		}
	}
	p.props = propIndex(files)
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
	exits   []*StatusExit
	// resultUses are the function's uses of SecItem results that stop
	// the program on failure (see ResultUse).
	resultUses []*ResultUse
	// reads are, for a round of a call cycle's fixed point, the analyses
	// of the cycle whose previous round it read; fp is its summary's
	// fingerprint (see fixpoint.go).
	reads []specCall
	fp    string
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
	// ReadTrue and ReadFalse split ReadOK for a function that returns a
	// Result of Bool (every return is `.success(true)`, `.success(false)`
	// or `.failure(…)`, see resultbool.go): the outcomes where it returns
	// `.success(true)` and `.success(false)`. BoolResult marks such a
	// function.
	ReadTrue, ReadFalse StatusSet
	BoolResult          bool
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

// isStruct reports whether a type name is a Swift struct of the program.
func (p *Program) isStruct(t string) bool { return t != "" && p.structs[t] }

// analyzeSpec returns the analysis of fn with some parameters, members of
// struct parameters or captured names bound to known values (see
// specBinding), or unspecialised when b is nil, for a call made by caller
// (nil for none). tainted reports that the result was computed while the
// safety net cut a call cycle the static call graph did not foresee: such
// a result depends on where the analysis started, and is never cached.
//
// A call from a function of a call cycle to another function of the same
// cycle, made in round j of the cycle's fixed point, reads round j-1 (see
// fixpoint.go); every other call reads the callee's final result, computed
// on first use and cached. Either way every result is a function of the
// (function, specialisation) alone, so findings do not depend on the order
// in which workers reach functions.
func (p *Program) analyzeSpec(fn *model.Func, b *specBinding, caller *interp) (*funcResult, bool) {
	key := specKey{fn, b.String()}
	if caller == nil {
		return p.final(key, b, nil)
	}
	if caller.round > 0 && p.sameCycle(caller.fn, fn) {
		caller.noteRead(key, b)
		return p.roundResult(key, b, caller.round-1, caller.stack)
	}
	return p.final(key, b, caller.stack)
}

// frameKey is an analysis in progress on one goroutine: a final result
// (round 0) or a round of a cycle's fixed point.
type frameKey struct {
	key   specKey
	round int
}

// onStack is the safety net: it reports whether an analysis is already in
// progress below on this goroutine, which only a call the static call
// graph did not foresee can cause; the call is then cut (nothing is known
// of its result, as for recursion before the call graph) and counted.
func (p *Program) onStack(stack []frameKey, k frameKey) bool {
	for _, s := range stack {
		if s == k {
			p.cuts.Add(1)
			return true
		}
	}
	return false
}

// final returns the final analysis of key, computing it on first use.
func (p *Program) final(key specKey, b *specBinding, stack []frameKey) (*funcResult, bool) {
	p.mu.Lock()
	r, ok := p.cache[key]
	p.mu.Unlock()
	if ok {
		return r, false
	}
	fk := frameKey{key: key}
	if p.onStack(stack, fk) {
		return nil, true
	}
	stack = append(stack[:len(stack):len(stack)], fk)
	var tainted bool
	if p.inCycle(key.fn) {
		r, tainted = p.solve(key, b, stack)
	} else {
		r, tainted = p.interpret(key, b, 0, stack)
	}
	if !tainted {
		r = remember(&p.mu, p.cache, key, r)
	}
	return r, tainted
}

// remember stores r as the result for k unless another worker stored one
// first, and returns the stored one: every caller sees the same result.
func remember[K comparable](mu *sync.Mutex, m map[K]*funcResult, k K, r *funcResult) *funcResult {
	mu.Lock()
	defer mu.Unlock()
	if prev, ok := m[k]; ok {
		return prev
	}
	m[k] = r
	return r
}

// interpret runs one interpretation of key's function: a final one
// (round 0) or round j of its cycle's fixed point.
func (p *Program) interpret(key specKey, b *specBinding, round int, stack []frameKey) (*funcResult, bool) {
	a := newInterp(p, key.fn, stack)
	a.round = round
	if b != nil {
		a.consts, a.paths = b.consts, b.paths
	}
	p.interps.Add(1)
	r := a.run()
	p.lookBacks.Add(int64(a.lookBacks))
	for {
		old := p.maxSteps.Load()
		if int64(a.steps) <= old || p.maxSteps.CompareAndSwap(old, int64(a.steps)) {
			break
		}
	}
	if a.exhausted {
		// Out of budget: nothing is known of the function (see budget.go).
		p.recordCut(key.fn)
		r = &funcResult{}
	}
	r.reads = a.reads
	if round > 0 {
		r.fp = fingerprint(r)
	}
	return r, a.tainted
}

// FileResult analyses every function of a file.
func (p *Program) FileResult(f *model.File) *Result {
	res := &Result{File: f}
	for _, fn := range f.Funcs {
		r, _ := p.analyzeSpec(fn, nil, nil)
		if r != nil {
			res.Calls = append(res.Calls, r.facts...)
			res.Exits = append(res.Exits, r.exits...)
			res.ResultUses = append(res.ResultUses, r.resultUses...)
		}
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
