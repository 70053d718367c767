package flow

import (
	"fmt"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Specialisation. A helper is analysed again for a call that passes a
// known argument to a parameter the helper tests: nil, false, true, or a
// value that is certainly not nil (a literal, a dictionary literal, a
// non-optional Swift value) — so that `if (key) { … }`, `if x != nil`,
// `x == nil`, `if let y = x`, `guard let y = x` and `x ?? y` in the
// helper follow only the branch that runs for that call.
//
// Work stays bounded: only parameters the helper tests (in one of those
// conditions, or by passing them on to another call) take part, at most
// maxSpecParams of them (those it tests directly first, then in
// parameter order). A parameter tested only against nil has two states
// (nil, non-nil: a true or false argument is non-nil, and callers
// substitute the value itself); any other has four (nil, false, true,
// non-nil). A function therefore has at most 2^6 = 64 specialised
// analyses when it only tests for nil, and never more than 4^6, whatever
// its callers do — in practice one per distinct pattern of literal
// arguments at its call sites. The bound depends on the function alone,
// never on the order in which callers are analysed, so results do not
// depend on scheduling.
const maxSpecParams = 6

// specState is what a specialisation knows of one argument.
type specState uint8

const (
	specUnknown specState = iota
	specNil
	specFalse
	specTrue
	specNonNil
)

// stateOf classifies an argument value.
func stateOf(v Value) specState {
	switch {
	case v.Kind == VNil:
		return specNil
	case v.Kind == VConst && len(v.Consts) == 1 && v.Consts[0].Bool == 1:
		return specTrue
	case v.Kind == VConst && len(v.Consts) == 1 && v.Consts[0].Bool == -1:
		return specFalse
	case v.Kind == VConst && len(v.Consts) == 1 && v.Consts[0].IsInt:
		return specUnknown // a number: its truth is its value, not its nilness
	case isNonNil(v):
		return specNonNil
	}
	return specUnknown
}

// specParams returns the parameters of fn that take part in its
// specialisations (see maxSpecParams). Besides plain parameters, two kinds
// of names count within the same bound:
//
//   - a member of a Swift struct parameter (`p.key` when p's type is a
//     struct the program declares): a caller that passes a local struct
//     whose member it set to nil (`var m = params; m.key = nil; f(m)`)
//     specialises f on that member;
//   - a parameter of the enclosing function that a nested function uses
//     (`func outer(clear: Bool) { func inner() { if clear { … } } }`): a
//     call from the enclosing function (or a sibling nested function)
//     specialises inner on the value it knows for the name.
func (p *Program) specParams(fn *model.Func) []specParam {
	p.mu.Lock()
	if ps, ok := p.specCache[fn]; ok {
		p.mu.Unlock()
		return ps
	}
	p.mu.Unlock()
	index := map[string]int{}
	for i, prm := range fn.Params {
		index[prm.Name] = i
	}
	captured := capturedParams(fn)
	direct, passed, truth := map[specParam]bool{}, map[specParam]bool{}, map[specParam]bool{}
	order := map[specParam]int{} // members of struct parameters, in the order the body uses them
	param := func(e model.Expr) (k specParam, ok bool) {
		defer func() {
			if _, seen := order[k]; ok && k.path != "" && !seen {
				order[k] = len(order)
			}
		}()
		switch x := model.StripCasts(e).(type) {
		case *model.Ident:
			if i, ok := index[x.Name]; ok {
				return specParam{index: i}, true
			}
			if captured[x.Name] {
				return specParam{index: -1, path: x.Name}, true
			}
		case *model.Member:
			if id, ok := x.X.(*model.Ident); ok {
				if i, ok := index[id.Name]; ok && !fn.Params[i].InOut && p.isStruct(typeName(fn.Params[i].Type)) {
					return specParam{index: i, path: id.Name + "." + x.Name}, true
				}
			}
		}
		return specParam{}, false
	}
	test := func(e model.Expr) {
		if k, ok := param(e); ok {
			direct[k] = true
		}
	}
	truthTest := func(e model.Expr) {
		if k, ok := param(e); ok {
			direct[k] = true
			truth[k] = true
		}
	}
	var cond func(e model.Expr)
	cond = func(e model.Expr) {
		switch x := e.(type) {
		case *model.Unary:
			if x.Op == "!" {
				cond(x.X)
			}
		case *model.Binary:
			if x.Op == "&&" || x.Op == "||" {
				cond(x.L)
				cond(x.R)
			}
		default:
			truthTest(e)
		}
	}
	for _, s := range fn.Body {
		model.Inspect(s, func(n model.Node) bool {
			switch x := n.(type) {
			case *model.If:
				cond(x.Cond)
			case *model.Guard:
				cond(x.Cond)
			case *model.Loop:
				cond(x.Cond)
			case *model.Ternary:
				cond(x.Cond)
			case *model.Unary:
				if x.Op == "!" {
					truthTest(x.X)
				}
			case *model.OptionalBind:
				test(x.Value)
			case *model.Binary:
				switch x.Op {
				case "==", "!=", "??":
					_, lnil := model.StripCasts(x.L).(*model.NilLit)
					_, rnil := model.StripCasts(x.R).(*model.NilLit)
					if lnil || rnil || x.Op == "??" {
						test(x.L)
						test(x.R)
					} else {
						truthTest(x.L) // x == true, x != false
						truthTest(x.R)
					}
				case "&&", "||":
					truthTest(x.L)
					truthTest(x.R)
				}
			case *model.Call:
				for _, a := range x.Args {
					if k, ok := param(a.Value); ok {
						passed[k] = true
					}
				}
			}
			return true
		})
	}
	// A parameter that a nested function specialises on is passed on to
	// it (the nested function's body is lowered as a function of its own).
	for _, child := range p.nested[fn] {
		for _, sp := range p.specParams(child) {
			if sp.index < 0 {
				if i, ok := index[sp.path]; ok {
					passed[specParam{index: i}] = true
				}
			}
		}
	}
	// A deterministic order: plain parameters, each followed by the
	// members of it the body tests (in the order of their first test),
	// then captured names (in the enclosing
	// function's parameter order); those tested directly first.
	var all []specParam
	for i := range fn.Params {
		all = append(all, specParam{index: i})
		var members []string
		for k := range direct {
			if k.index == i && k.path != "" {
				members = append(members, k.path)
			}
		}
		for k := range passed {
			if k.index == i && k.path != "" && !direct[k] {
				members = append(members, k.path)
			}
		}
		sort.Slice(members, func(a, b int) bool {
			return order[specParam{index: i, path: members[a]}] < order[specParam{index: i, path: members[b]}]
		})
		for _, m := range members {
			all = append(all, specParam{index: i, path: m})
		}
	}
	if fn.Parent != nil {
		for _, prm := range fn.Parent.Params {
			if captured[prm.Name] {
				all = append(all, specParam{index: -1, path: prm.Name})
			}
		}
	}
	var out []specParam
	for _, k := range all {
		if direct[k] && len(out) < maxSpecParams {
			k.nilOnly = !truth[k] && !passed[k]
			out = append(out, k)
		}
	}
	for _, k := range all {
		if passed[k] && !direct[k] && len(out) < maxSpecParams {
			out = append(out, k)
		}
	}
	p.mu.Lock()
	p.specCache[fn] = out
	p.mu.Unlock()
	return out
}

// capturedParams returns the parameters of the function enclosing fn that
// fn's body may use (those its own parameters do not shadow).
func capturedParams(fn *model.Func) map[string]bool {
	if fn.Parent == nil {
		return nil
	}
	out := map[string]bool{}
	for _, prm := range fn.Parent.Params {
		out[prm.Name] = true
	}
	for _, prm := range fn.Params {
		delete(out, prm.Name)
	}
	return out
}

// specParam is a parameter that takes part in specialisations; nilOnly
// when the function only compares it with nil. path is "" for the
// parameter itself, "p.key" for a member of a struct parameter (index is
// p's), or the name of a parameter of the enclosing function (index -1).
type specParam struct {
	index   int
	path    string
	nilOnly bool
}

// specBinding is what a specialised analysis knows: consts binds
// parameters (see specArgs), paths binds members of struct parameters and
// captured names ("p.key", "clear") to nil, a boolean or a non-nil value.
type specBinding struct {
	consts []Value
	paths  map[string]Value
}

// specArgs returns the bindings for analysing fn at a call with args:
// nil when nothing is known of the parameters that take part. lookup
// gives the caller's value of a member path or captured name (nil: none
// known).
func (p *Program) specArgs(fn *model.Func, args []Value, lookup func(specParam) (Value, bool)) *specBinding {
	var b *specBinding
	for _, sp := range p.specParams(fn) {
		i := sp.index
		var arg Value
		switch {
		case sp.path != "":
			v, ok := Value{}, false
			if lookup != nil {
				v, ok = lookup(sp)
			}
			if !ok {
				continue
			}
			arg = v
		case i >= len(args):
			continue
		default:
			arg = args[i]
		}
		s := stateOf(arg)
		if sp.nilOnly && (s == specTrue || s == specFalse) {
			s = specNonNil
		}
		if s == specUnknown {
			continue
		}
		if b == nil {
			b = &specBinding{}
		}
		var v Value
		switch s {
		case specNil:
			v = Value{Kind: VNil}
		case specTrue, specFalse:
			v = Value{Kind: VConst, Consts: []Const{{Bool: arg.Consts[0].Bool, Site: arg.Consts[0].Site}}}
		case specNonNil:
			// The parameter stays a parameter (callers substitute their
			// argument), known not to be nil.
			v = Value{Kind: VUnknown, NonNil: true}
		}
		if sp.path != "" {
			if b.paths == nil {
				b.paths = map[string]Value{}
			}
			b.paths[sp.path] = v
			continue
		}
		if b.consts == nil {
			b.consts = make([]Value, len(fn.Params))
		}
		b.consts[i] = v
	}
	return b
}

// String describes the binding: "1=nil,2=true,3=nonnil,p.key=nil,".
func (b *specBinding) String() string {
	if b == nil {
		return ""
	}
	s := specString(b.consts)
	names := make([]string, 0, len(b.paths))
	for k := range b.paths {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s += k + "=" + stateName(stateOf(b.paths[k])) + ","
	}
	return s
}

func stateName(s specState) string {
	return [...]string{"unknown", "nil", "false", "true", "nonnil"}[s]
}

// specString describes the known arguments: "1=nil,2=true,3=nonnil".
func specString(consts []Value) string {
	var b strings.Builder
	for i, v := range consts {
		switch stateOf(v) {
		case specNil:
			fmt.Fprintf(&b, "%d=nil,", i)
		case specTrue:
			fmt.Fprintf(&b, "%d=true,", i)
		case specFalse:
			fmt.Fprintf(&b, "%d=false,", i)
		case specNonNil:
			fmt.Fprintf(&b, "%d=nonnil,", i)
		}
	}
	return b.String()
}

// optionalType reports whether a declared Swift type may hold nil.
func optionalType(t string) bool {
	t = strings.TrimSpace(t)
	return t == "" || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") || strings.HasPrefix(t, "Optional<") ||
		t == "Any" || t == "AnyObject" || strings.Contains(t, "?")
}

// nonOptionalSwift reports whether a value declared with type t in file f
// can never be nil (a Swift parameter or variable of a non-optional type).
func nonOptionalSwift(f *model.File, t string) bool {
	if f == nil || f.Lang != model.Swift || optionalType(t) {
		return false
	}
	t = strings.TrimSpace(t)
	// A generic parameter or an opaque type may be an Optional.
	if len(t) == 1 || strings.HasPrefix(t, "some ") || strings.HasPrefix(t, "any ") {
		return false
	}
	return true
}

// specLookup gives the caller's value for a member path or captured name
// of callee fn (see specParams): the member of the local struct passed as
// the argument (`f(m)` after `m.key = nil`), or the value the enclosing
// function has for a captured name.
func (a *interp) specLookup(fn *model.Func, sp specParam, call *model.Call, st *state) (Value, bool) {
	if sp.index < 0 {
		if fn.Parent == nil || a.fn != fn.Parent {
			return Value{}, false
		}
		v, ok := st.vars[sp.path]
		return v, ok
	}
	if call == nil || sp.index >= len(call.Args) {
		return Value{}, false
	}
	id, ok := model.StripCasts(call.Args[sp.index].Value).(*model.Ident)
	if !ok || !a.prog.isStruct(a.types[id.Name]) {
		return Value{}, false
	}
	dot := strings.IndexByte(sp.path, '.')
	v, ok := st.vars[id.Name+sp.path[dot:]]
	return v, ok
}
