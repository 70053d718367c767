package flow

import (
	"fmt"
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
// specialisations (see maxSpecParams).
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
	direct, passed, truth := map[int]bool{}, map[int]bool{}, map[int]bool{}
	param := func(e model.Expr) (int, bool) {
		if id, ok := model.StripCasts(e).(*model.Ident); ok {
			i, ok := index[id.Name]
			return i, ok
		}
		return 0, false
	}
	test := func(e model.Expr) {
		if i, ok := param(e); ok {
			direct[i] = true
		}
	}
	truthTest := func(e model.Expr) {
		if i, ok := param(e); ok {
			direct[i] = true
			truth[i] = true
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
					if i, ok := param(a.Value); ok {
						passed[i] = true
					}
				}
			}
			return true
		})
	}
	var out []specParam
	for i := range fn.Params {
		if direct[i] && len(out) < maxSpecParams {
			out = append(out, specParam{i, !truth[i] && !passed[i]})
		}
	}
	for i := range fn.Params {
		if passed[i] && !direct[i] && len(out) < maxSpecParams {
			out = append(out, specParam{i, false})
		}
	}
	p.mu.Lock()
	p.specCache[fn] = out
	p.mu.Unlock()
	return out
}

// specParam is a parameter that takes part in specialisations; nilOnly
// when the function only compares it with nil.
type specParam struct {
	index   int
	nilOnly bool
}

// specArgs returns the bindings for analysing fn at a call with args:
// nil when nothing is known of the parameters that take part.
func (p *Program) specArgs(fn *model.Func, args []Value) []Value {
	var consts []Value
	for _, sp := range p.specParams(fn) {
		i := sp.index
		if i >= len(args) {
			continue
		}
		s := stateOf(args[i])
		if sp.nilOnly && (s == specTrue || s == specFalse) {
			s = specNonNil
		}
		if s == specUnknown {
			continue
		}
		if consts == nil {
			consts = make([]Value, len(fn.Params))
		}
		switch s {
		case specNil:
			consts[i] = Value{Kind: VNil}
		case specTrue, specFalse:
			consts[i] = Value{Kind: VConst, Consts: []Const{{Bool: args[i].Consts[0].Bool, Site: args[i].Consts[0].Site}}}
		case specNonNil:
			// The parameter stays a parameter (callers substitute their
			// argument), known not to be nil.
			consts[i] = Value{Kind: VUnknown, NonNil: true}
		}
	}
	return consts
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
