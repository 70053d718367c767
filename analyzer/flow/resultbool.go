package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// A helper that returns a Result of Bool (`func containsKey(…) ->
// Result<Bool, E>`) answers an existence check with `.success(true)` where
// its read found the item and `.success(false)` where it found nothing
// (errSecItemNotFound), keeping `.failure` for other errors. To its caller
// both successes are a success (ReadOK), so `if r.getOrElse(false) { update }
// else { add }` or `case .success(true):` would see no difference between
// found and not found. The summary keeps the two apart (ReadTrue,
// ReadFalse), and the caller narrows the read by the Bool inside the
// success where it reads it.

// boolCase names what a returned expression is as a Result of Bool:
// "true" or "false" for `.success(true)` / `.success(false)`, "failure"
// for `.failure(…)`, "" for anything else.
func boolCase(e model.Expr) string {
	c, ok := model.StripCasts(e).(*model.Call)
	if !ok {
		return ""
	}
	switch resultCase(c) {
	case "failure":
		return "failure"
	case "success":
		if len(c.Args) == 1 {
			if b, ok := model.StripCasts(c.Args[0].Value).(*model.BoolLit); ok {
				if b.Value {
					return "true"
				}
				return "false"
			}
		}
	}
	return ""
}

// recordBoolReturn adds the outcomes of the latest read at a return to the
// frame's true or false set, or notes a return that is not a Result of a
// Bool literal. The latest read is the one that decided: a helper that
// tries a second query where the first found nothing (`if first ==
// errSecSuccess { return .success(true) }; if second == errSecSuccess {
// return .success(true) }; return .success(false)`) returns true where
// the second succeeded, and the first's errSecItemNotFound there says
// nothing about the item. before maps the reads tracked at the return to
// their outcomes; ids grow in the order the calls are first interpreted.
func (a *interp) recordBoolReturn(v model.Expr, before map[callID]StatusSet, fr *frame) {
	latest, seen := callID(0), false
	for id := range before {
		if !seen || id > latest {
			latest, seen = id, true
		}
	}
	switch boolCase(v) {
	case "true":
		fr.trueRead |= before[latest]
		fr.boolRets++
	case "false":
		fr.falseRead |= before[latest]
		fr.boolRets++
	case "failure":
	default:
		fr.notBool = true
	}
}

// finishBoolResult marks the summary of a function whose every exit
// returns `.success(true)`, `.success(false)` or `.failure(…)` (falling off
// the end is another exit), with the outcomes of each success.
func (a *interp) finishBoolResult(fr *frame, end *state) {
	if fr.notBool || fr.boolRets == 0 || !end.dead || fr.trueRead|fr.falseRead == 0 {
		return
	}
	a.summary.BoolResult = true
	a.summary.ReadTrue, a.summary.ReadFalse = fr.trueRead, fr.falseRead
}

// valueOrDefault evaluates `helper(…).m(false)` where helper returns a
// Result of Bool and m is a method of an extension of Result that returns
// the success's value or its argument (`switch self { case .success(let
// v): return v; case .failure: return defaultValue }`): the result is true
// exactly where the helper returned `.success(true)` (with a true default:
// also where it failed). The receiver must be the helper call itself, so
// that its status stands for nothing else; the helper's read is then
// narrowed by the method's result. ok is false when the call is not such
// a method call.
func (a *interp) valueOrDefault(c *model.Call, recv model.Expr, rv Value) (Value, bool) {
	if rv.Kind != VStatus || len(rv.Status) != 1 || len(c.Args) != 1 {
		return Value{}, false
	}
	if _, isCall := model.StripCasts(recv).(*model.Call); !isCall {
		return Value{}, false
	}
	id := rv.Status[0]
	sets, ok := a.helperBool[id]
	if !ok {
		return Value{}, false
	}
	def, ok := model.StripCasts(c.Args[0].Value).(*model.BoolLit)
	if !ok || !a.prog.resultValueOrDefault(c.Name()) {
		return Value{}, false
	}
	fail := a.helperRead[id][1]
	if def.Value {
		a.helperRead[id] = [2]StatusSet{sets[0] | fail, sets[1]}
	} else {
		a.helperRead[id] = [2]StatusSet{sets[0], sets[1] | fail}
	}
	return rv, true
}

// resultValueOrDefault reports whether every function of the program
// called name is a method of an extension of Result, of one parameter,
// that returns the success's value or that parameter, and there is one.
func (p *Program) resultValueOrDefault(name string) bool {
	cands := p.byName[name]
	for _, fn := range cands {
		if fn.Owner != "Result" || len(fn.Params) != 1 || !returnsValueOrParam(fn) {
			return false
		}
	}
	return len(cands) > 0
}

// returnsValueOrParam reports whether fn's body is `switch self` with a
// `.failure` case that returns its parameter and one other case that
// returns a name bound by its pattern (any name but the parameter).
func returnsValueOrParam(fn *model.Func) bool {
	if len(fn.Body) != 1 {
		return false
	}
	sw, ok := fn.Body[0].(*model.Switch)
	if !ok || !isSelf(sw.Tag) || len(sw.Cases) != 2 {
		return false
	}
	param := fn.Params[0].Name
	var sawFailure, sawValue bool
	for _, cs := range sw.Cases {
		if len(cs.Body) != 1 || len(cs.Values) != 1 || cs.Default {
			return false
		}
		ret, ok := cs.Body[0].(*model.Return)
		if !ok {
			return false
		}
		name, ok := model.StripCasts(ret.Value).(*model.Ident)
		if !ok {
			return false
		}
		if resultCase(cs.Values[0]) == "failure" {
			sawFailure = name.Name == param
		} else {
			sawValue = name.Name != param && name.Name != "self"
		}
	}
	return sawFailure && sawValue
}
