package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// StatusExit is a success exit of a function reached while the status of
// one of its SecItem calls may still be a failure that the code never
// looked at: on the way, the status was only found unequal to one failure
// code (errSecItemNotFound, errSecDuplicateItem…), never compared with
// errSecSuccess, and the function has a failure exit for the same call.
// The statuscheck rule reports them.
//
// A success exit is `return true` / `return YES`, `return status != code`
// for a failure code (true for every other status), and, in a function
// that throws after the call, a return without a value or the end of the
// body. A failure exit is `return false`, `return nil`, a throw, and
// `return status == errSecSuccess` (false when the call failed).
type StatusExit struct {
	// Fact is the SecItem call whose status reaches the exit.
	Fact *CallFact
	// Exit is the return statement (or the function's end); Branch is the
	// comparison that last narrowed the status on the way.
	Exit, Branch Site
	// Status is the outcomes the status may have at the exit.
	Status StatusSet
	// Compared marks an exit that returns the comparison itself
	// (`return status != errSecItemNotFound`).
	Compared bool
}

// exitKind classifies a function exit for StatusExit.
type exitKind uint8

const (
	exitPlain   exitKind = iota // return without a value, end of body
	exitSuccess                 // return true / YES
	exitFailure                 // return false / nil, throw
	exitOther                   // any other value
)

// exitRec is a recorded exit with the statuses of the function's direct
// SecItem calls there (only those that may still be a failure).
type exitRec struct {
	kind     exitKind
	throw    bool
	site     Site
	compared bool
	status   map[callID]StatusSet
	branch   map[callID]Site
}

// recordExit notes an exit of the function's own body (not of a closure)
// once some status was found unequal to a failure code: before that, no
// exit can become a StatusExit, and nothing is recorded.
func (a *interp) recordExit(kind exitKind, throw bool, sp model.Span, st *state) {
	if !a.excluded || st.dead || len(a.frames) != 1 {
		return
	}
	r := &exitRec{kind: kind, throw: throw, site: a.site(sp)}
	// Like a call, an exit looks back over the most recent calls only (see
	// LookBack): n calls and n returns would otherwise cost n².
	for op := range a.idsByOp {
		for _, id := range a.recent(model.Op(op)) {
			f := a.callFor[id]
			if f == nil || f.Via != nil {
				continue
			}
			set, ok := st.status.get(id)
			if !ok || !set.Has(NotFound|InteractionNotAllowed|OtherFailure) {
				continue
			}
			if r.status == nil {
				r.status, r.branch = map[callID]StatusSet{}, map[callID]Site{}
			}
			r.status[id] = set
			if b, ok := st.branch[id]; ok {
				r.branch[id] = b
			}
		}
	}
	if r.status != nil {
		a.exits = append(a.exits, r)
	}
}

// recordComparedExit notes `return status != code`: true (success) for
// every status but code, false (failure) for code.
func (a *interp) recordComparedExit(x *model.StatusCmp, sp model.Span, st *state) bool {
	if x.Equal || x.Code == 0 || len(a.frames) != 1 || st.dead {
		return false
	}
	// The status is a variable, or the SecItem call itself, already
	// evaluated with the returned expression (see evalSecItem for its id).
	var id callID
	switch y := model.StripCasts(x.X).(type) {
	case *model.Ident, *model.Member:
		v := a.eval(y, st)
		if v.Kind != VStatus || len(v.Status) != 1 {
			return false
		}
		id = v.Status[0]
	case *model.SecItemCall:
		id = callID(a.id(Site{File: a.file, Span: model.Span{Start: y.Span.Start, End: -y.Span.End}}))
	default:
		return false
	}
	f := a.callFor[id]
	cur, ok := st.status.get(id)
	if f == nil || f.Via != nil || !ok || cur.Has(SuccessCompared) {
		return false
	}
	out, precise := outcome(x.Code)
	set := cur | Excluded
	if precise {
		set &^= out
	}
	if !set.Has(InteractionNotAllowed | OtherFailure) {
		return false
	}
	site := a.site(sp)
	a.statusExits = append(a.statusExits, &StatusExit{Fact: f, Exit: site, Branch: a.site(x.Span), Status: set, Compared: true})
	return true
}

// finishExits turns the recorded exits into StatusExits: a success exit
// (a plain one when the function throws) where a status may be a failure
// that was only found unequal to one failure code, for a call that also
// reaches a failure exit of the function while it may be a failure.
func (a *interp) finishExits() []*StatusExit {
	out := a.statusExits
	if len(a.exits) == 0 {
		return out
	}
	throws := false
	failing := map[callID]bool{}
	for _, r := range a.exits {
		if r.kind != exitFailure {
			continue
		}
		throws = throws || r.throw
		for id := range r.status {
			failing[id] = true
		}
	}
	seen := map[Site]bool{}
	for _, r := range a.exits {
		if r.kind != exitSuccess && (r.kind != exitPlain || !throws) {
			continue
		}
		for id, set := range r.status {
			if !failing[id] || !set.Has(Excluded) || set.Has(SuccessCompared) || !set.Has(InteractionNotAllowed|OtherFailure) {
				continue
			}
			b := r.branch[id]
			if seen[b] && b.File != nil {
				continue
			}
			seen[b] = true
			out = append(out, &StatusExit{Fact: a.callFor[id], Exit: r.site, Branch: b, Status: set})
		}
	}
	return out
}
