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
			return t2, a.join(f1, f2)
		case "||":
			t1, f1 := a.cond(x.L, st)
			t2, f2 := a.cond(x.R, f1)
			return a.join(t1, t2), f2
		}
	case *model.StatusCmp:
		v := a.eval(x.X, st)
		if v.Kind == VStatus && len(v.Status) == 1 {
			return a.narrow(v.Status[0], x.Code, x.Equal, st, x.Span)
		}
		if v.Kind == VStatus && x.Code == 0 && !st.dead {
			// A variable that holds the status of one of several calls
			// (`status = SecItemAdd(…)` after an update that found
			// nothing) is not narrowed, but each call's status was
			// compared with errSecSuccess on this path.
			for _, id := range v.Status {
				if cur, ok := st.status.get(id); ok && !cur.Has(SuccessCompared) {
					st.status.set(id, cur|SuccessCompared)
				}
			}
		}
		return st.copy(), st
	case *model.OptionalBind:
		// if let y = x / guard let y = x: true when x is not nil.
		v := a.eval(x.Value, st)
		if v.Kind == VNil {
			return deadState(), st
		}
		if isNonNil(v) {
			st.setVar(x.Name, v)
			return st, deadState()
		}
		t, f := a.helperCond(v, st)
		t, f = a.resultNilSplit(x.Value, v, t, f) // let data = out as? Data
		if !t.dead {
			bound := v
			bound.NonNil = true
			t.setVar(x.Name, bound)
			a.nonNilResult(x.Value, t) // if let d = result as? Data
		}
		return t, f
	}
	if b, ok := e.(*model.Binary); ok && (b.Op == "==" || b.Op == "!=") {
		// helper() == nil / != nil
		var other model.Expr
		if _, isNil := model.StripCasts(b.R).(*model.NilLit); isNil {
			other = b.L
		} else if _, isNil := model.StripCasts(b.L).(*model.NilLit); isNil {
			other = b.R
		}
		if other != nil {
			ov := a.eval(other, st)
			if ov.Kind == VNil {
				// nil == nil
				if b.Op == "==" {
					return st, deadState()
				}
				return deadState(), st
			}
			if isNonNil(ov) {
				// a non-optional value, or one known not to be nil
				if b.Op == "==" {
					return deadState(), st
				}
				return st, deadState()
			}
			t, f := a.helperCond(ov, st)
			a.nonNilResult(other, t) // result != nil
			// Where x != nil holds, a Swift variable x is not nil.
			a.markNonNil(other, t)
			if b.Op == "==" {
				return f, t
			}
			return t, f
		}
		// helper() == true / == false / != false
		var lit *model.BoolLit
		if l, ok := model.StripCasts(b.R).(*model.BoolLit); ok {
			lit, other = l, b.L
		} else if l, ok := model.StripCasts(b.L).(*model.BoolLit); ok {
			lit, other = l, b.R
		}
		if lit != nil {
			t, f := a.cond(other, st)
			if lit.Value == (b.Op == "==") {
				return t, f
			}
			return f, t
		}
	}
	v := a.eval(e, st)
	if v.NonNil && v.Kind != VConst && a.file != nil && a.file.Lang != model.Swift {
		// Objective-C `if (key)` on an object known not to be nil (Swift
		// conditions are Bools, whose non-nil says nothing of their truth).
		return st, deadState()
	}
	if truth, known := truthOf(v); known {
		if truth {
			return st, deadState()
		}
		return deadState(), st
	}
	t, f := a.helperCond(v, st)
	a.nonNilResult(e, t) // if (result)
	return t, f
}

// truthOf is the truth of a known value in a condition: nil is false, a
// boolean constant is itself.
func truthOf(v Value) (bool, bool) {
	switch {
	case v.Kind == VNil:
		return false, true
	case v.Kind == VConst && len(v.Consts) == 1 && v.Consts[0].Bool != 0:
		return v.Consts[0].Bool == 1, true
	}
	return false, false
}

func markBranch(st *state, id callID, s Site) {
	if st.branch == nil {
		st.branch = map[callID]Site{}
	}
	st.branch[id] = s
}

// helperCond splits st on the truth of a value: when the value is the
// result of a helper that reads (non-nil or true on success, nil or false
// on failure), the read's outcomes are narrowed accordingly.
func (a *interp) helperCond(v Value, st *state) (*state, *state) {
	t, f := st.copy(), st
	if v.Kind != VStatus || len(v.Status) != 1 {
		return t, f
	}
	id := v.Status[0]
	sets, ok := a.helperRead[id]
	if !ok {
		return t, f
	}
	return a.splitHelper(id, sets[0], sets[1], st)
}

// splitHelper splits st on a helper's result: the helper's read (id) has
// the outcomes tset where the result is true, fset where it is false.
func (a *interp) splitHelper(id callID, tset, fset StatusSet, st *state) (*state, *state) {
	t, f := st.copy(), st
	cur, tracked := st.status.get(id)
	if !tracked || st.dead {
		return t, f
	}
	t.status.set(id, (cur&tset)|Tested)
	f.status.set(id, (cur&fset)|Tested)
	if (cur & tset).Outcomes() == 0 {
		t = deadState()
	}
	if (cur & fset).Outcomes() == 0 {
		f = deadState()
	}
	return t, f
}

// narrow splits st on `status(id) == code` (equal) or `!= code`.
func (a *interp) narrow(id callID, code int, equal bool, st *state, cond model.Span) (*state, *state) {
	out, precise := outcome(code)
	t, f := st.copy(), st
	if cur, tracked := st.status.get(id); tracked {
		markBranch(t, id, a.site(cond))
		markBranch(f, id, a.site(cond))
		marks := cur & (Excluded | SuccessCompared)
		tv, fv := (cur&out)|marks|Tested, cur|Tested
		if precise {
			fv &^= out
		}
		if code == 0 {
			tv |= SuccessCompared
			fv |= SuccessCompared
		} else {
			// The path where the status differs from code.
			fv |= Excluded
			a.excluded = true
		}
		t.status.set(id, tv)
		f.status.set(id, fv)
		if tv.Outcomes() == 0 {
			t = deadState()
		}
		if fv.Outcomes() == 0 {
			f = deadState()
		}
	}
	if !equal {
		t, f = f, t
	}
	return t, f
}

// markNonNil records, on a path where a Swift nil comparison showed it,
// that the variable e names is not nil (`if x != nil { … }`, `guard x !=
// nil`), as `if let` does for the name it binds.
func (a *interp) markNonNil(e model.Expr, st *state) {
	id, ok := model.StripCasts(e).(*model.Ident)
	if !ok || st.dead || a.file == nil || a.file.Lang != model.Swift {
		return
	}
	if v, local := st.vars[id.Name]; local && !isNonNil(v) && v.Kind != VNil {
		v.NonNil = true
		st.setVar(id.Name, v)
	}
}
