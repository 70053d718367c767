package flow

import (
	"fmt"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Derived describes a value computed by a pure helper of the program from
// parameters and constants (`keyWithPrefix(key)`, whose body only returns
// an expression of its parameters and of self's members): two values with
// equal descriptions are equal, so that rules can tell that a delete made
// by `deleteNoLock(key)` and an add built in the caller from
// `keyWithPrefix(key)` name the same account. Parameters are those of the
// function the value is in; a caller binds them to its arguments (see
// bindParams), and forgets the description when an argument is neither a
// parameter, a constant nor derived itself.
type Derived struct {
	Fn   *model.Func
	Args []DerivedArg
}

// DerivedArg is one argument of a Derived value: a parameter (Param >= 0),
// a constant (its text), or a derived value.
type DerivedArg struct {
	Param int
	Const string
	Sub   *Derived
}

// Equal reports whether two descriptions are the same computation.
func (d *Derived) Equal(e *Derived) bool {
	if d == nil || e == nil {
		return d == e
	}
	if d.Fn != e.Fn || len(d.Args) != len(e.Args) {
		return false
	}
	for i, a := range d.Args {
		b := e.Args[i]
		if a.Param != b.Param || a.Const != b.Const || !a.Sub.Equal(b.Sub) {
			return false
		}
	}
	return true
}

// String is the description for fingerprints and tests.
func (d *Derived) String() string {
	if d == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s@%p(", d.Fn.Name, d.Fn)
	for i, a := range d.Args {
		if i > 0 {
			b.WriteString(",")
		}
		switch {
		case a.Sub != nil:
			b.WriteString(a.Sub.String())
		case a.Param >= 0:
			fmt.Fprintf(&b, "P%d", a.Param)
		default:
			fmt.Fprintf(&b, "%q", a.Const)
		}
	}
	b.WriteString(")")
	return b.String()
}

// derivedArg describes an argument value, false when it is none of a
// parameter, one constant or a derived value.
func (a *interp) derivedArg(v Value) (DerivedArg, bool) {
	switch {
	case v.Derived != nil:
		return DerivedArg{Param: -1, Sub: v.Derived}, true
	case v.Kind == VConst && len(v.Consts) == 1 && v.Consts[0].Text() != "":
		return DerivedArg{Param: -1, Const: v.Consts[0].Text()}, true
	}
	if p := a.paramOfValue(v); p >= 0 {
		return DerivedArg{Param: p}, true
	}
	return DerivedArg{}, false
}

// derivedCall describes the result of calling fn at call with args, nil
// when fn is not pure, the receiver is another object than self, or an
// argument cannot be described.
func (a *interp) derivedCall(fn *model.Func, call *model.Call, args []Value) *Derived {
	if call == nil || len(args) != len(call.Args) || len(args) != len(fn.Params) || !pureFunc(fn) {
		return nil
	}
	if recv := call.Receiver(); recv != nil && !isSelf(recv) {
		return nil
	}
	d := &Derived{Fn: fn}
	for _, v := range args {
		arg, ok := a.derivedArg(v)
		if !ok {
			return nil
		}
		d.Args = append(d.Args, arg)
	}
	return d
}

// bindDerived rewrites a description made in a callee for the caller:
// each parameter becomes the caller's argument; nil when one cannot be
// described.
func (a *interp) bindDerived(d *Derived, args []Value) *Derived {
	out := &Derived{Fn: d.Fn, Args: make([]DerivedArg, len(d.Args))}
	for i, arg := range d.Args {
		switch {
		case arg.Sub != nil:
			sub := a.bindDerived(arg.Sub, args)
			if sub == nil {
				return nil
			}
			out.Args[i] = DerivedArg{Param: -1, Sub: sub}
		case arg.Param >= 0:
			if arg.Param >= len(args) {
				return nil
			}
			b, ok := a.derivedArg(args[arg.Param])
			if !ok {
				return nil
			}
			out.Args[i] = b
		default:
			out.Args[i] = arg
		}
	}
	return out
}

// pureFunc reports whether a function only returns an expression of its
// parameters, self's members and literals: one return statement, with no
// call, assignment or closure in it, so that equal arguments give equal
// results.
func pureFunc(fn *model.Func) bool {
	if fn == nil || len(fn.Body) != 1 {
		return false
	}
	r, ok := fn.Body[0].(*model.Return)
	return ok && r.Value != nil && pureExpr(r.Value, 0)
}

func pureExpr(e model.Expr, depth int) bool {
	if depth > 32 {
		return false
	}
	switch x := e.(type) {
	case *model.Ident, *model.StringLit, *model.NumberLit, *model.BoolLit, *model.NilLit:
		return true
	case *model.Member:
		return pureExpr(x.X, depth+1)
	case *model.Cast:
		return pureExpr(x.X, depth+1)
	case *model.Binary:
		return pureExpr(x.L, depth+1) && pureExpr(x.R, depth+1)
	case *model.Unknown:
		// String interpolation ("\(prefix)\(key)"): pure when its parts
		// are. An unknown construct with no modelled part is not.
		if len(x.Sub) == 0 {
			return false
		}
		for _, s := range x.Sub {
			if !pureExpr(s, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
