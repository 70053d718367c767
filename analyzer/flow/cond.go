package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// cond evaluates a condition and returns the states in which it is true
// and false. st is consumed.
func (a *interp) cond(e model.Expr, st *state) (*state, *state) {
	if st.dead {
		return st, deadState()
	}
	if e == nil {
		return st, deadState()
	}
	switch x := e.(type) {
	case *model.BoolLit:
		if x.Value {
			return st, deadState()
		}
		return deadState(), st
	case *model.Unary:
		if x.Op == "!" {
			t, f := a.cond(x.X, st)
			return f, t
		}
	case *model.Binary:
		switch x.Op {
		case "&&":
			t1, f1 := a.cond(x.L, st)
			t2, f2 := a.cond(x.R, t1)
			return t2, join(f1, f2)
		case "||":
			t1, f1 := a.cond(x.L, st)
			t2, f2 := a.cond(x.R, f1)
			return join(t1, t2), f2
		}
	case *model.StatusCmp:
		v := a.eval(x.X, st)
		if v.Kind == VStatus && len(v.Status) == 1 {
			return a.narrow(v.Status[0], x.Code, x.Equal, st)
		}
		return st.copy(), st
	case *model.OptionalBind:
		v := a.eval(x.Value, st)
		t := st.copy()
		t.vars[x.Name] = v
		return t, st
	}
	a.eval(e, st)
	return st.copy(), st
}

// narrow splits st on `status(id) == code` (equal) or `!= code`.
func (a *interp) narrow(id callID, code int, equal bool, st *state) (*state, *state) {
	out, precise := outcome(code)
	t, f := st.copy(), st
	if _, tracked := st.status[id]; tracked {
		t.status[id] &= out
		if precise {
			f.status[id] &^= out
		}
		if t.status[id] == 0 {
			t = deadState()
		}
		if f.status[id] == 0 {
			f = deadState()
		}
	}
	if !equal {
		t, f = f, t
	}
	return t, f
}
