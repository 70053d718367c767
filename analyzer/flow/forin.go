package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// bindForIn binds the element variable of a for-in loop over a literal
// array to the constants of its elements (`for cls in [kSecClassKey,
// kSecClassIdentity] { SecItemDelete([kSecClass: cls]) }`), so that the
// dictionaries built in the body carry them. The sequence is evaluated
// once, before the loop, as the language does. A sequence that is not a
// literal, or an element that is not a constant, leaves the variable
// unknown (it is bound either way: it shadows any outer name in the body).
// restore gives the state after the loop the outer binding back, since
// the loop variable is scoped to the body.
func (a *interp) bindForIn(x *model.Loop, st *state) (_ *state, restore func(*state) *state) {
	seq := a.eval(x.Seq, st)
	v := unknown
	if seq.Kind == VArray && len(seq.Elems) > 0 {
		v = seq.Elems[0]
		for _, e := range seq.Elems[1:] {
			v = joinValues(v, e)
		}
		if v.Kind != VConst {
			v = unknown
		}
	}
	outer, had := st.vars[x.Var]
	if !st.dead {
		st.setVar(x.Var, v)
	}
	return st, func(out *state) *state {
		if out == nil || out.dead {
			return out
		}
		if had {
			out.setVar(x.Var, outer)
		} else {
			out.delVar(x.Var)
		}
		return out
	}
}
