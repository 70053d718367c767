package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// ResultUse is a use of a SecItem call's result out-parameter that stops
// the program when the call failed, made while the call's status may
// still be a failure: a Swift forced cast or force unwrap of it (`result
// as! Data`, `result!`), or CFRelease(result). The statuscheck rule
// reports them.
//
// On failure the call does not write *result (apple-oss-distributions/
// Security at db15acbe: SecItemResultProcess returns before writing it
// when there is no raw result, OSX/sec/Security/SecItem.m:1305, and
// SecItemCopyMatching leaves it to that, SecItem.m:2052-2090; the macOS
// shim passes on its own result, NULL on failure, OSX/libsecurity_keychain/
// lib/SecItem.cpp:4962 and 4995, through AssignOrReleaseResult,
// base/SecInternal.h:42), so the variable is still what the code set it
// to, nil or NULL, or NULL. A forced
// cast or unwrap of nil stops a Swift program, and CFRelease(NULL) halts
// ("CFRelease() called with NULL", opensource-apple/CF 1153.18,
// CFRuntime.c:529-530). Bridging casts and CFBridgingRelease of NULL give
// nil and are not uses here.
type ResultUse struct {
	// Fact is the call whose result is used; Use is the forced cast,
	// unwrap or the CFRelease call.
	Fact *CallFact
	Use  Site
	// Release marks CFRelease (else a forced cast or unwrap).
	Release bool
	// Status is the outcomes the call's status may have at the use,
	// with its marks; Branch is the condition that last narrowed it on
	// the way (zero when none did).
	Status StatusSet
	Branch Site
}

// bindResult makes the variable a SecItem call's result pointer points to
// (`&result`, `(CFTypeRef *)&result`) hold the call's result.
func (a *interp) bindResult(x *model.SecItemCall, id callID, st *state) {
	if x.Result == nil || st.dead {
		return
	}
	u, ok := model.StripCasts(x.Result).(*model.Unary)
	if !ok || u.Op != "&" {
		return
	}
	if v, ok := model.StripCasts(u.X).(*model.Ident); ok {
		st.setVar(v.Name, Value{Kind: VResult, Status: []callID{id}})
	}
}

// useResult records a use of a result value that stops the program when
// it is nil, at sp, if the status of the call may be a failure there.
func (a *interp) useResult(v Value, sp model.Span, release bool, st *state) {
	if v.Kind != VResult || v.NonNil || st.dead || a.prog == nil {
		return
	}
	for _, id := range v.Status {
		if len(v.Status) > 1 {
			// A variable that holds the result of one of several calls
			// (a retried read) has a status the engine does not narrow
			// per call: once the code compared it with errSecSuccess,
			// stay silent.
			if set, _ := st.status.get(id); set.Has(SuccessCompared | Escaped) {
				return
			}
		}
	}
	for _, id := range v.Status {
		f := a.callFor[id]
		set, ok := st.status.get(id)
		if f == nil || f.Via != nil || !ok || set.Has(Escaped) || !set.Has(NotFound|InteractionNotAllowed|OtherFailure) {
			continue
		}
		site := a.site(sp)
		if i, seen := a.resultAt[site]; seen {
			a.resultUses[i].Status |= set
			continue
		}
		if a.resultAt == nil {
			a.resultAt = map[Site]int{}
		}
		a.resultAt[site] = len(a.resultUses)
		a.resultUses = append(a.resultUses, &ResultUse{Fact: f, Use: site, Release: release, Status: set, Branch: st.branch[id]})
	}
}

// nonNilResult marks, in a state where e was found not nil (`if
// (result)`, `result != nil`, `if let x = result as? Data`), the result
// variable e names as not nil.
func (a *interp) nonNilResult(e model.Expr, st *state) {
	id, ok := model.StripCasts(e).(*model.Ident)
	if !ok || st.dead {
		return
	}
	if v, ok := st.vars[id.Name]; ok && v.Kind == VResult && !v.NonNil {
		v.NonNil = true
		st.setVar(id.Name, v)
	}
}

// resultComparedAsValue forgets a result variable compared with nil
// outside a condition (`BOOL found = result != NULL; if (found) …`): the
// comparison may decide a later branch the engine cannot tie to it.
func (a *interp) resultComparedAsValue(x *model.Binary, l, r Value, st *state) {
	for _, side := range []struct {
		e    model.Expr
		v, o Value
	}{{x.L, l, r}, {x.R, r, l}} {
		if side.v.Kind != VResult || side.o.Kind != VNil {
			continue
		}
		if id, ok := model.StripCasts(side.e).(*model.Ident); ok {
			st.setVar(id.Name, unknown)
		}
	}
}

// statusViewers are the functions that only look at a status (log it,
// describe it, convert it): passing a status to any other function may
// check it there (`try check(status)`), which the engine does not follow.
var statusViewers = map[string]bool{
	"print": true, "debugPrint": true, "NSLog": true, "os_log": true, "printf": true, "fprintf": true,
	"SecCopyErrorMessageString": true, "Int": true, "Int32": true, "Int64": true, "UInt32": true, "NSNumber": true,
	"String": true, "stringWithFormat:": true, "numberWithInt:": true, "numberWithInteger:": true, "description": true,
}

// escapeStatuses marks the statuses among a call's arguments as given to
// code the engine does not follow.
func (a *interp) escapeStatuses(name string, args []Value, st *state) {
	if statusViewers[name] || st.dead {
		return
	}
	for _, v := range args {
		if v.Kind != VStatus {
			continue
		}
		for _, id := range v.Status {
			if set, ok := st.status.get(id); ok && !set.Has(Escaped) {
				st.status.set(id, set|Escaped)
			}
		}
	}
}
