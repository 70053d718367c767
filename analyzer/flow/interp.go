package flow

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// interp interprets one function.
type interp struct {
	prog *Program
	fn   *model.Func
	file *model.File
	// stack holds the analyses in progress on this goroutine (for the
	// safety net, see Program.onStack); tainted reports that a call was
	// cut by it.
	stack   []frameKey
	tainted bool
	// round is the round of a call cycle's fixed point being computed (0
	// for a final analysis); reads are the analyses of the cycle whose
	// previous round it read (see fixpoint.go).
	round    int
	reads    []specCall
	readSeen map[specKey]bool

	ids     map[Site]int // allocation and call sites → ids
	seq     int          // write sequence
	uses    int          // uses made (see nextUse)
	facts   []*CallFact
	factAt  map[factKey]*CallFact
	callFor map[callID]*CallFact
	// steps counts the interpretation's steps against budget (see
	// budget.go); exhausted is set when they run out.
	steps, budget int
	exhausted     bool
	// joinWork is the work of joins not yet charged as a step (see join).
	joinWork int
	// fieldPaths is set once a member path (self.x, m.key) is tracked as
	// a variable (see killFields).
	fieldPaths bool
	// forwardAt indexes the summary's Forwards by their fact.
	forwardAt map[*CallFact]int
	// idsByOp indexes callFor by the operation of the call.
	idsByOp [nOps][]callID
	// lookBacks counts the earlier calls visited through recent (see
	// Stats.LookBacks).
	lookBacks int
	// helperRead holds, for the status of a call to a helper that reads,
	// the outcomes on its success and failure returns.
	helperRead map[callID][2]StatusSet
	// helperBool holds, for those of them that return a Result of Bool,
	// the outcomes where it returns `.success(true)` and `.success(false)`
	// (resultbool.go).
	helperBool map[callID][2]StatusSet
	// excluded is set once a status was found unequal to a failure code;
	// exits and statusExits are the function's exits and StatusExits (see
	// exits.go).
	excluded    bool
	exits       []*exitRec
	statusExits []*StatusExit
	// resultUses are the uses of results that stop the program on
	// failure, resultAt indexes them by site (see resultuse.go).
	resultUses []*ResultUse
	resultAt   map[Site]int

	frames  []*frame
	targets []*target

	summary *Summary
	params  map[objID]int
	// consts binds parameters to values known at the call being
	// specialised for (nil, true, false).
	consts []Value
	// paths binds members of struct parameters ("params.key") and names
	// captured from the enclosing function ("clearKey") to values known
	// at the call being specialised for.
	paths map[string]Value
	// types holds the declared or constructed type of local variables
	// and parameters, for call resolution ("" when unknown or when two
	// declarations of the name disagree).
	types map[string]string
	// declTypes holds the declared type text of each local and parameter
	// (valuetypes.go).
	declTypes map[string]string
}

// frame collects the exits of a function or closure body.
type frame struct {
	returns []*state
	values  []Value
	// okRead and failRead collect the read outcomes at success and
	// failure exits.
	okRead, failRead StatusSet
	// trueRead and falseRead collect them at `return .success(true)` and
	// `.success(false)`; notBool is set by any other return (resultbool.go).
	trueRead, falseRead StatusSet
	boolRets            int
	notBool             bool
}

// factKey identifies a call fact: where the call happens in this
// function and which SecItem call it is (a wrapper call can stand for
// several).
type factKey struct {
	site  Site
	inner *model.SecItemCall
}

// target collects the states that leave a loop or switch early.
type target struct {
	loop      bool
	breaks    []*state
	continues []*state
	fall      *state // Swift fallthrough
}

func newInterp(p *Program, fn *model.Func, stack []frameKey) *interp {
	return &interp{prog: p, fn: fn, file: fn.File, stack: stack, ids: map[Site]int{}, factAt: map[factKey]*CallFact{},
		callFor: map[callID]*CallFact{}, helperRead: map[callID][2]StatusSet{}, helperBool: map[callID][2]StatusSet{}, summary: &Summary{ParamDeltas: map[int]*Obj{}, RetArg: -1}, params: map[objID]int{},
		types: map[string]string{}, budget: p.stepBudget}
}

func (a *interp) site(sp model.Span) Site { return Site{File: a.file, Span: sp} }

func (a *interp) id(s Site) int {
	if id, ok := a.ids[s]; ok {
		return id
	}
	id := len(a.ids) + 1
	a.ids[s] = id
	return id
}

func (a *interp) nextSeq() int { a.seq++; return a.seq }

// setCallFor records the call a status belongs to.
func (a *interp) setCallFor(id callID, f *CallFact) {
	if prev, ok := a.callFor[id]; !ok || prev.Op != f.Op {
		a.idsByOp[f.Op] = append(a.idsByOp[f.Op], id)
	}
	a.callFor[id] = f
}

// nextUse numbers the uses of dictionaries in the order they are made.
func (a *interp) nextUse() int { a.uses++; return a.uses }

// run interprets the function body and builds its result.
func (a *interp) run() *funcResult {
	scope := a.prog.scopeOf(a.file)
	plat := a.fn.Platforms & scope
	if a.fn.Platforms == 0 {
		plat = scope
	}
	if a.file != nil && a.file.Platforms != 0 {
		plat &= a.file.Platforms
	}
	if plat == 0 {
		// Code that no configured platform compiles.
		return &funcResult{summary: a.summary}
	}
	st := newState(plat)
	if a.fn.Parent != nil {
		// A nested function uses the enclosing function's parameters.
		for name := range capturedParams(a.fn) {
			for _, p := range a.fn.Parent.Params {
				if p.Name == name {
					a.setType(p.Name, typeName(p.Type))
				}
			}
		}
	}
	for _, p := range a.fn.Params {
		a.setType(p.Name, typeName(p.Type))
		a.setDeclared(p.Name, p.Type)
	}
	for k, v := range a.paths {
		st.setVar(k, v)
		a.fieldPaths = true
	}
	for i, p := range a.fn.Params {
		if i < len(a.consts) && (a.consts[i].Kind == VNil || a.consts[i].Kind == VConst) {
			st.setVar(p.Name, a.consts[i])
			continue
		}
		o := newObj(objID(a.id(Site{File: a.file, Span: p.Span})), a.site(p.Span), refType(p.Type) || p.InOut)
		o.Param = i
		st.put(o)
		a.params[o.ID] = i
		v := dictValue(o.ID)
		// A Swift parameter of a non-optional type, or one a caller is
		// known to pass a non-nil value to, is never nil.
		v.NonNil = nonOptionalSwift(a.file, p.Type) || (i < len(a.consts) && a.consts[i].NonNil)
		st.setVar(p.Name, v)
	}
	a.frames = append(a.frames, &frame{})
	end := a.execStmts(a.fn.Body, st)
	a.recordExit(exitPlain, false, model.Span{Start: a.fn.Span.End - 1, End: a.fn.Span.End}, end)
	fr := a.frames[len(a.frames)-1]
	if a.exhausted {
		return &funcResult{} // dropped by interpret
	}
	exits := append([]*state{end.copy()}, copies(fr.returns)...)
	// Deletes made on every path through the function.
	all := a.joinAll(exits...)
	for _, d := range all.deleted {
		if i, ok := a.forwardAt[d]; ok {
			a.summary.Forwards[i].Always = true
		}
	}
	fr.okRead |= a.readStatus(end)
	a.summary.ReadOK, a.summary.ReadFail = fr.okRead, fr.failRead
	a.finishBoolResult(fr, end)
	a.finishSummary(fr, all)
	return &funcResult{facts: a.facts, summary: a.summary, exits: a.finishExits(), resultUses: a.resultUses}
}

// finishSummary records what the function returns and what it does to
// its parameters; all is the join of its exits.
func (a *interp) finishSummary(fr *frame, all *state) {
	if set, ok := a.returnsReadStatus(fr); ok {
		a.summary.RetReadStatus = set
		return
	}
	if arg, ok := a.returnsParam(fr); ok {
		a.summary.RetArg = arg
		return
	}
	var ret *Obj
	retUnknown := false
	for i, v := range fr.values {
		st := fr.returns[i]
		switch v.Kind {
		case VDict:
			for _, o := range st.objs(v) {
				if ret == nil {
					ret = o.clone()
				} else {
					ret = joinObj(ret, o)
				}
			}
		case VConst:
			a.summary.RetConst = joinConsts(a.summary.RetConst, v.Consts)
		default:
			retUnknown = true
		}
	}
	if ret != nil {
		if retUnknown {
			ret.Complete = false
		}
		ret.uses, ret.Writes = objUses{}, nil
		a.summary.Ret = ret
	}
	if retUnknown || ret != nil {
		if len(a.summary.RetConst) > 0 && (retUnknown || ret != nil) {
			a.summary.RetConst = nil
		}
	}
	if all.dead {
		return
	}
	for id, i := range a.params {
		if o, ok := all.heap[id]; ok && (len(o.Writes) > 0 || !o.Complete) {
			d := o.clone()
			d.uses = objUses{}
			a.summary.ParamDeltas[i] = d
		}
	}
}

// returnsReadStatus reports whether every return returns the status of
// a read, and with which outcomes.
func (a *interp) returnsReadStatus(fr *frame) (StatusSet, bool) {
	var out StatusSet
	for i, v := range fr.values {
		if v.Kind != VStatus {
			return 0, false
		}
		for _, id := range v.Status {
			f := a.callFor[id]
			if f == nil || f.Op != model.OpRead {
				return 0, false
			}
			if _, helper := a.helperRead[id]; helper {
				// The result of a helper that reads (a value or nil, true
				// or false), not an OSStatus: ReadOK and ReadFail carry it.
				return 0, false
			}
			s, _ := fr.returns[i].status.get(id)
			out |= s.Outcomes()
		}
	}
	return out, len(fr.values) > 0 && out != 0
}

// returnsParam reports whether every return returns the same parameter,
// unchanged.
func (a *interp) returnsParam(fr *frame) (int, bool) {
	arg := -1
	for i, v := range fr.values {
		if v.Kind != VDict || len(v.Objs) != 1 {
			return -1, false
		}
		p, isParam := a.params[v.Objs[0]]
		if !isParam || (arg >= 0 && p != arg) {
			return -1, false
		}
		if o := fr.returns[i].heap[v.Objs[0]]; o == nil || len(o.Writes) > 0 || !o.Complete {
			return -1, false
		}
		arg = p
	}
	return arg, arg >= 0
}

func (a *interp) execStmts(list []model.Stmt, st *state) *state {
	for _, s := range list {
		if st.dead || a.exhausted {
			return st
		}
		st = a.exec(s, st)
	}
	return st
}

// exec executes one statement. It recurses once per nesting level of
// statements (an if inside an if …), so its frame, and those of the
// functions it calls on the way down, are kept small: Go's growable stacks
// then hold deep nesting (about 1 KB per level, TestDeepNesting), and
// the rest of the work is done by functions that return before the
// recursion goes deeper (execSimple).
func (a *interp) exec(s model.Stmt, st *state) *state {
	if a.spend() {
		return deadState()
	}
	switch x := s.(type) {
	case *model.If:
		return a.execIf(x, st)
	case *model.Guard:
		return a.execGuard(x, st)
	case *model.Switch:
		return a.execSwitchStmt(x, st)
	case *model.Loop:
		return a.execLoop(x, st)
	case *model.Block:
		return a.execStmts(x.Body, st)
	case *model.Try:
		return a.execTry(x, st)
	case *model.IfConfig:
		return a.execIfConfig(x, st)
	}
	return a.execSimple(s, st)
}

//go:noinline
func (a *interp) execIf(x *model.If, st *state) *state {
	pre := testedMarks(st)
	t, f := a.cond(x.Cond, st)
	t = a.execStmts(x.Then, t)
	f = a.execStmts(x.Else, f)
	return restoreTested(a.join(t, f), pre)
}

//go:noinline
func (a *interp) execGuard(x *model.Guard, st *state) *state {
	pre := testedMarks(st)
	t, f := a.cond(x.Cond, st)
	f = a.execStmts(x.Else, f)
	return restoreTested(a.join(t, f), pre)
}

//go:noinline
func (a *interp) execSwitchStmt(x *model.Switch, st *state) *state {
	pre := testedMarks(st)
	return restoreTested(a.execSwitch(x, st), pre)
}

//go:noinline
func (a *interp) execTry(x *model.Try, st *state) *state {
	body := a.execStmts(x.Body, st.copy())
	out := body
	for _, c := range x.Catches {
		// An error may be thrown before or after any statement of the
		// body: start the catch from both ends.
		out = a.join(out, a.execStmts(c, a.join(st.copy(), body.copy())))
	}
	if x.Finally != nil {
		out = a.execStmts(x.Finally, out)
	}
	return out
}

//go:noinline
func (a *interp) execIfConfig(x *model.IfConfig, st *state) *state {
	var outs []*state
	hasElse := false
	for _, c := range x.Clauses {
		if c.Cond == "" {
			hasElse = true
		}
		p := st.plat & c.Platforms
		if p == 0 {
			continue
		}
		cs := st.copy()
		cs.plat = p
		outs = append(outs, a.execStmts(c.Body, cs))
	}
	if !hasElse {
		outs = append(outs, st)
	}
	return a.joinAll(outs...)
}

// execSimple executes a statement that holds no statements.
//
//go:noinline
func (a *interp) execSimple(s model.Stmt, st *state) *state {
	switch x := s.(type) {
	case *model.Decl:
		var v Value
		t := typeName(x.Type)
		if t == "" && x.Value != nil {
			t = a.typeOf(x.Value, st, 0)
		}
		a.setType(x.Name, t)
		a.setDeclared(x.Name, x.Type)
		if x.Value != nil {
			v = a.copyOnAssign(x.Value, a.eval(x.Value, st), st, x.Span)
			if v.Kind == VDict && refType(x.Type) {
				for _, o := range st.objs(v) {
					if !o.Ref {
						st.mut(o).Ref = true
					}
				}
			}
		}
		if x.Value != nil && nonOptionalSwift(a.file, x.Type) {
			v.NonNil = true
		}
		a.assignStruct(x.Name, x.Value, st)
		st.setVar(x.Name, v)
	case *model.Assign:
		v := a.eval(x.Value, st)
		if x.Op != "=" {
			v = unknown
		}
		a.assign(x.Target, a.copyOnAssign(x.Value, v, st, x.Span), st)
		if id, ok := model.StripCasts(x.Target).(*model.Ident); ok && x.Op == "=" {
			a.assignStruct(id.Name, x.Value, st)
		}
	case *model.ExprStmt:
		a.eval(x.X, st)
	case *model.Return:
		var v Value
		fr := a.frames[len(a.frames)-1]
		before := a.readStatuses(st)
		kind := exitPlain
		var compared map[callID]bool
		if x.Value != nil {
			cmp, isCmp := model.StripCasts(x.Value).(*model.StatusCmp)
			if isCmp {
				// `return status == errSecSuccess` (a Bool existence check):
				// true where the read's status compares equal, false
				// elsewhere; callers narrow the read by the result.
				compared = a.returnCompared(cmp, st, fr)
			} else {
				v = a.eval(x.Value, st)
			}
			kind = exitOther
			if isCmp && cmp.Equal && cmp.Code == 0 {
				// `return status == errSecSuccess`: false, a failure, when
				// the call failed.
				kind = exitFailure
			} else if !isCmp || !a.recordComparedExit(cmp, x.Span, st) {
				if failure(x.Value) {
					kind = exitFailure
				} else if b, ok := model.StripCasts(x.Value).(*model.BoolLit); ok && b.Value {
					kind = exitSuccess
				}
			}
		}
		a.recordExit(kind, false, x.Span, st)
		// A returned result of a helper that reads (non-nil or true on
		// success) passes the helper's success and failure on; the other
		// reads count by what this return signals.
		passed := a.returnedHelperRead(v, st, fr)
		a.recordBoolReturn(x.Value, before, fr)
		for id, set := range before {
			if passed[id] || compared[id] {
				continue
			}
			if failure(x.Value) {
				fr.failRead |= set
			} else {
				fr.okRead |= set
			}
		}
		if x.Value != nil {
			if _, isNil := model.StripCasts(x.Value).(*model.NilLit); isNil {
				// `return nil` contributes nothing to what is returned.
				fr.returns = append(fr.returns, st)
				fr.values = append(fr.values, Value{Kind: VConst})
				return deadState()
			}
		}
		fr.returns = append(fr.returns, st)
		fr.values = append(fr.values, v)
		return deadState()
	case *model.Throw:
		if x.Value != nil {
			a.eval(x.Value, st)
		}
		a.frames[len(a.frames)-1].failRead |= a.readStatus(st)
		a.recordExit(exitFailure, true, x.Span, st)
		return deadState()
	case *model.Break:
		if t := a.innermost(false); t != nil {
			t.breaks = append(t.breaks, st)
		}
		return deadState()
	case *model.Continue:
		if t := a.innermost(true); t != nil {
			t.continues = append(t.continues, st)
		}
		return deadState()
	case *model.Fallthrough:
		if t := a.innermost(false); t != nil && !t.loop {
			t.fall = a.join(t.fall, st)
		}
		return deadState()
	}
	return st
}

func copies(sts []*state) []*state {
	out := make([]*state, len(sts))
	for i, s := range sts {
		out[i] = s.copy()
	}
	return out
}

// testedMarks records which statuses are marked Tested before a branching
// statement, so that the mark can be restored where its branches merge.
func testedMarks(st *state) map[callID]bool {
	if st.dead {
		return nil
	}
	m := map[callID]bool{}
	st.status.eachTested(func(id callID, s StatusSet) {
		if s.IsTested() {
			m[id] = true
		}
	})
	return m
}

// restoreTested puts back the Tested marks of before a branching
// statement: after it, code is no longer inside its branches.
func restoreTested(st *state, pre map[callID]bool) *state {
	if st.dead {
		return st
	}
	// Only marked statuses can change: those marked now, and those
	// marked before.
	var fix []callID
	st.status.eachTested(func(id callID, s StatusSet) {
		if s.IsTested() != pre[id] {
			fix = append(fix, id)
		}
	})
	for id := range pre {
		if s, ok := st.status.get(id); ok && !s.IsTested() {
			fix = append(fix, id)
		}
	}
	for _, id := range fix {
		s, _ := st.status.get(id)
		if pre[id] {
			st.status.set(id, s|Tested)
		} else {
			st.status.set(id, s&^Tested)
		}
	}
	return st
}

// failure reports whether a returned expression signals failure: nil,
// NULL or false.
func failure(e model.Expr) bool {
	switch x := model.StripCasts(e).(type) {
	case *model.NilLit:
		return true
	case *model.BoolLit:
		return !x.Value
	case *model.Call:
		// `return .failure(error)`: a Result's failure.
		return resultCase(x) == "failure"
	}
	return false
}

// resultCase names the case of Swift's Result that an expression or a
// case pattern spells: "success" for `.success(x)`, `Result.success`,
// `.success(let data)`, "failure" likewise, "" otherwise.
func resultCase(e model.Expr) string {
	var name string
	switch x := model.StripCasts(e).(type) {
	case *model.Call:
		if m, ok := x.Fun.(*model.Member); ok && (m.X == nil || isIdentNamed(m.X, "Result")) {
			name = m.Name
		} else if id, ok := x.Fun.(*model.Ident); ok {
			name = id.Name
		}
	case *model.Member:
		if x.X == nil || isIdentNamed(x.X, "Result") {
			name = x.Name
		}
	case *model.Ident:
		name = x.Name
	}
	if name == "success" || name == "failure" {
		return name
	}
	return ""
}

func isIdentNamed(e model.Expr, name string) bool {
	id, ok := e.(*model.Ident)
	return ok && id.Name == name
}

// returnCompared evaluates a returned status comparison in st, like
// evalStatusCmp, and records the outcomes of the read it narrows as those
// of a true result (okRead) and of a false one (failRead), as for a helper
// that returns a value or nil. It returns the reads it recorded: those
// whose outcomes differ between the two results.
func (a *interp) returnCompared(cmp *model.StatusCmp, st *state, fr *frame) map[callID]bool {
	t, f := a.cond(cmp, st)
	ts, fs := a.readStatuses(t), a.readStatuses(f)
	a.replace(st, a.join(t, f))
	var out map[callID]bool
	for _, m := range []map[callID]StatusSet{ts, fs} {
		for id := range m {
			if ts[id] == fs[id] || out[id] {
				continue
			}
			if out == nil {
				out = map[callID]bool{}
			}
			out[id] = true
			fr.okRead |= ts[id]
			fr.failRead |= fs[id]
		}
	}
	return out
}

// readStatuses maps the function's reads tracked in st to the outcomes
// they may have there.
func (a *interp) readStatuses(st *state) map[callID]StatusSet {
	if st.dead {
		return nil
	}
	out := map[callID]StatusSet{}
	for _, id := range a.recent(model.OpRead) {
		if set, ok := st.status.get(id); ok && a.callFor[id].Op == model.OpRead {
			out[id] = set.Outcomes()
		}
	}
	return out
}

// returnedHelperRead records, for a returned value that is the result of
// a helper that reads, the outcomes its read may have when the helper
// succeeded and when it failed as this function's, and returns the statuses
// it recorded.
func (a *interp) returnedHelperRead(v Value, st *state, fr *frame) map[callID]bool {
	if v.Kind != VStatus || st.dead {
		return nil
	}
	var passed map[callID]bool
	for _, id := range v.Status {
		sets, ok := a.helperRead[id]
		if !ok {
			continue
		}
		set, _ := st.status.get(id)
		set = set.Outcomes()
		fr.okRead |= set & sets[0]
		fr.failRead |= set & sets[1]
		if passed == nil {
			passed = map[callID]bool{}
		}
		passed[id] = true
	}
	return passed
}

// readStatus is the union of the outcomes the function's reads may have
// in st.
func (a *interp) readStatus(st *state) StatusSet {
	if st.dead {
		return 0
	}
	var out StatusSet
	for _, id := range a.recent(model.OpRead) {
		if set, ok := st.status.get(id); ok && a.callFor[id].Op == model.OpRead {
			out |= set.Outcomes()
		}
	}
	return out
}

func (a *interp) innermost(loop bool) *target {
	for i := len(a.targets) - 1; i >= 0; i-- {
		if !loop || a.targets[i].loop {
			return a.targets[i]
		}
	}
	return nil
}

func (a *interp) execLoop(x *model.Loop, st *state) (out *state) {
	t := &target{loop: true}
	a.targets = append(a.targets, t)
	defer func() { a.targets = a.targets[:len(a.targets)-1] }()
	var exits []*state
	if x.Var != "" && x.Seq != nil {
		var restore func(*state) *state
		st, restore = a.bindForIn(x, st)
		defer func() { out = restore(out) }()
	}
	head := st
	// Two passes reach the facts a second iteration can add (a dictionary
	// reused by the next iteration); the join is not iterated to a fixed
	// point, which is precise enough for keychain code.
	for pass := 0; pass < 2; pass++ {
		var body *state
		if x.Kind == model.LoopDoWhile {
			body = a.execStmts(x.Body, head.copy())
			body = a.joinAll(append([]*state{body}, t.continues...)...)
			tr, f := a.cond(x.Cond, body)
			exits = append(exits, f)
			head = a.join(st, tr)
		} else {
			var tr, f *state
			if x.Cond == nil {
				// A for-in loop: it ends with its sequence, which may be
				// empty or run out after any iteration.
				tr, f = head.copy(), head.copy()
			} else {
				tr, f = a.cond(x.Cond, head.copy())
			}
			exits = append(exits, f)
			body = a.execStmts(x.Body, tr)
			head = a.joinAll(append([]*state{st, body}, t.continues...)...)
		}
		t.continues = nil
	}
	return a.joinAll(append(exits, t.breaks...)...)
}

func (a *interp) execSwitch(x *model.Switch, st *state) *state {
	tag := a.eval(x.Tag, st)
	t := &target{}
	a.targets = append(a.targets, t)
	defer func() { a.targets = a.targets[:len(a.targets)-1] }()
	rest := st
	var ends []*state
	var fall *state
	for _, c := range x.Cases {
		// A case compiled only on some platforms (#if around it) is not
		// there on the others: their values, and a path that falls into
		// it, go on to the later cases.
		var restBy, fallBy *state
		if c.Platforms != 0 {
			other := model.AllPlatforms &^ c.Platforms
			restBy, rest = restrict(rest, other), restrict(rest, c.Platforms)
			if x.CStyle {
				fallBy, fall = restrict(fall, other), restrict(fall, c.Platforms)
			} else if t.fall != nil {
				fallBy, t.fall = restrict(t.fall, other), restrict(t.fall, c.Platforms)
			}
		}
		var entry *state
		if c.Default {
			entry = rest.copy()
		} else {
			entry = deadState()
			for _, v := range c.Values {
				tr, f := a.caseMatch(tag, v, rest)
				entry = a.join(entry, tr)
				rest = f
			}
		}
		if c.Platforms != 0 {
			if c.Default {
				rest = restBy
			} else {
				rest = a.join(rest, restBy)
			}
		}
		if x.CStyle {
			entry = a.join(entry, fall)
		} else if t.fall != nil {
			entry = a.join(entry, t.fall)
			t.fall = nil
		}
		out := a.execStmts(c.Body, entry)
		if x.CStyle {
			fall = a.join(out, fallBy)
		} else {
			ends = append(ends, out)
			if fallBy != nil {
				t.fall = a.join(t.fall, fallBy)
			}
		}
	}
	hasDefault := false
	for _, c := range x.Cases {
		hasDefault = hasDefault || (c.Default && c.Platforms == 0)
	}
	if !hasDefault {
		ends = append(ends, rest)
	}
	ends = append(ends, fall)
	return a.joinAll(append(ends, t.breaks...)...)
}

// restrict returns the part of st on the platforms p: a copy narrowed to
// them, or a dead state when st has none of them (nil stays nil).
func restrict(st *state, p model.Platform) *state {
	if st == nil || st.dead {
		return st
	}
	if st.plat&p == 0 {
		return deadState()
	}
	c := st.copy()
	c.plat &= p
	return c
}

// caseMatch splits a state on `case value:` of a switch over tag.
func (a *interp) caseMatch(tag Value, v model.Expr, st *state) (*state, *state) {
	if tag.Kind == VStatus && len(tag.Status) == 1 {
		if code, ok := statusCodeOf(v); ok {
			return a.narrow(tag.Status[0], code, true, st, v.Pos())
		}
	}
	if id, ok := v.(*model.Ident); ok && id.Name == "_" {
		return st, deadState()
	}
	if c := resultCase(v); c != "" && tag.Kind == VStatus && len(tag.Status) == 1 {
		// `switch load(key) { case .success: … case .failure: … }` on a
		// helper that reads and returns a Result: the read's outcomes
		// are those of the helper's success or failure.
		if sets, ok := a.helperBool[tag.Status[0]]; ok {
			// `case .success(true):` on a helper that returns a Result
			// of Bool: the read's outcomes where it returned that Bool.
			if b := boolCase(v); b == "true" || b == "false" {
				fail := a.helperRead[tag.Status[0]][1]
				if b == "true" {
					return a.splitHelper(tag.Status[0], sets[0], sets[1]|fail, st)
				}
				return a.splitHelper(tag.Status[0], sets[1], sets[0]|fail, st)
			}
		}
		if c, isCall := v.(*model.Call); isCall && len(c.Args) > 0 {
			// `.success(true)` on a helper whose Bool the summary does
			// not know: it matches some of the successes only.
			return st.copy(), st
		}
		if _, helper := a.helperRead[tag.Status[0]]; helper {
			t, f := a.helperCond(tag, st)
			if c == "failure" {
				return f, t
			}
			return t, f
		}
	}
	return st.copy(), st
}

// copyOnAssign gives a Swift dictionary value its own identity when it is
// copied out of a variable: `var b = a` makes a copy, not an alias, while
// reference types (NSMutableDictionary, CFDictionaryRef) alias.
func (a *interp) copyOnAssign(src model.Expr, v Value, st *state, sp model.Span) Value {
	if v.Kind != VDict {
		return v
	}
	switch model.StripCasts(src).(type) {
	case *model.Ident, *model.Member:
	default:
		return v
	}
	objs := st.objs(v)
	if len(objs) == 0 {
		return v
	}
	for _, o := range objs {
		if o.Ref {
			return v
		}
	}
	c := objs[0].clone()
	for _, o := range objs[1:] {
		c = joinObj(c, o)
	}
	c.ID = objID(a.id(a.site(sp)))
	c.uses, c.Writes = objUses{}, nil
	c.Alloc = a.site(sp)
	st.put(c)
	return dictValue(c.ID)
}

// assign stores a value into an assignable expression.
func (a *interp) assign(target model.Expr, v Value, st *state) {
	switch t := model.StripCasts(target).(type) {
	case *model.Ident:
		if t.Name != "_" {
			st.setVar(t.Name, v)
			a.killFields(t.Name, st)
		}
	case *model.Member:
		if path := a.memberPath(t); path != "" {
			st.setVar(path, v)
			a.fieldPaths = true
		} else if root := rootIdent(t); root != "" {
			// A member of a member (m.a.b = …): m.a is no longer known.
			a.killFields(root, st)
		}
	default:
		if root := rootIdent(target); root != "" {
			a.killFields(root, st) // m.list[0] = …
		}
		a.eval(target, st)
	}
}

// rootIdent returns the variable at the root of a member or subscript
// chain (m in m.a.b, m.list[0]), "" when there is none.
func rootIdent(e model.Expr) string {
	for {
		switch x := model.StripCasts(e).(type) {
		case *model.Ident:
			return x.Name
		case *model.Member:
			e = x.X
		case *model.Index:
			e = x.X
		default:
			return ""
		}
	}
}

// memberPath names self.x (and Self.x), and a member of a local Swift
// struct value (m.key when m's type is a struct the program declares), so
// that it can be tracked like a variable within a function.
func (a *interp) memberPath(m *model.Member) string {
	id, ok := m.X.(*model.Ident)
	if !ok {
		return ""
	}
	if id.Name == "self" || id.Name == "Self" {
		return "self." + m.Name
	}
	if a.prog.isStruct(a.types[id.Name]) {
		return id.Name + "." + m.Name
	}
	return ""
}

// isFieldPath reports whether a variable name is a tracked member of a
// local struct (see memberPath), not self.x.
func isFieldPath(k string) bool {
	return strings.IndexByte(k, '.') > 0 && !strings.HasPrefix(k, "self.") && !strings.HasPrefix(k, "Self.")
}

// killFields forgets what is known of the members of struct variable name.
// Until a member is tracked there is nothing to forget (a function with
// 100,000 locals would otherwise scan them all at every assignment).
func (a *interp) killFields(name string, st *state) {
	if !a.fieldPaths {
		return
	}
	prefix := name + "."
	var dead []string
	for k := range st.vars {
		if strings.HasPrefix(k, prefix) {
			dead = append(dead, k)
		}
	}
	for _, k := range dead {
		st.delVar(k)
	}
}

// assignStruct updates the known members of struct variable name when it
// is assigned: a copy of another struct variable copies its known members
// (a Swift value is copied, not aliased); any other value forgets them.
func (a *interp) assignStruct(name string, src model.Expr, st *state) {
	a.killFields(name, st)
	if !a.prog.isStruct(a.types[name]) {
		return
	}
	id, ok := model.StripCasts(src).(*model.Ident)
	if !ok || id.Name == name || !a.prog.isStruct(a.types[id.Name]) {
		return
	}
	prefix := id.Name + "."
	var names []string
	var vals []Value
	for k, v := range st.vars {
		if strings.HasPrefix(k, prefix) {
			names, vals = append(names, name+"."+k[len(prefix):]), append(vals, v)
		}
	}
	for i, k := range names {
		st.setVar(k, vals[i])
	}
}

// eval evaluates an expression, updating st in place. It recurses once
// per nesting level of expressions (a + b + c …, nested calls), so each
// kind of expression is evaluated by a function of its own (noinline):
// eval's frame, the one every level pays, stays small.
func (a *interp) eval(e model.Expr, st *state) Value {
	if e == nil || st.dead || a.spend() {
		return unknown
	}
	switch x := e.(type) {
	case *model.Ident:
		return a.evalIdent(x, st)
	case *model.StringLit:
		return a.evalStringLit(x, st)
	case *model.BoolLit:
		return a.evalBoolLit(x, st)
	case *model.NumberLit:
		return a.evalNumberLit(x, st)
	case *model.NilLit:
		return Value{Kind: VNil}
	case *model.Cast:
		return a.evalCast(x, st)
	case *model.DictLit:
		return a.evalDictLitValue(x, st)
	case *model.ArrayLit:
		return a.evalArrayLit(x, st)
	case *model.NewDict:
		return a.evalNewDict(x, st)
	case *model.DictOp:
		return a.evalDictOpValue(x, st)
	case *model.SecItemCall:
		return a.evalSecItem(x, st)
	case *model.Call:
		return a.evalCall(x, st)
	case *model.Member:
		return a.evalMember(x, st)
	case *model.Index:
		return a.evalIndex(x, st)
	case *model.Unary:
		return a.evalUnary(x, st)
	case *model.Binary:
		return a.evalBinary(x, st)
	case *model.StatusCmp:
		return a.evalStatusCmp(x, st)
	case *model.Ternary:
		return a.evalTernary(x, st)
	case *model.Closure:
		return a.evalClosure(x, st)
	case *model.OptionalBind:
		return a.evalOptionalBind(x, st)
	case *model.Unknown:
		return a.evalUnknown(x, st)
	}
	return unknown
}

//go:noinline
func (a *interp) evalStringLit(x *model.StringLit, st *state) Value {
	return constValue(Const{Str: x.Value, IsStr: true, Site: a.site(x.Span)})
}

//go:noinline
func (a *interp) evalBoolLit(x *model.BoolLit, st *state) Value {
	b := int8(-1)
	if x.Value {
		b = 1
	}
	return constValue(Const{Bool: b, Site: a.site(x.Span)})
}

//go:noinline
func (a *interp) evalNumberLit(x *model.NumberLit, st *state) Value {
	if x.IsInt {
		return constValue(Const{Int: x.Int, IsInt: true, Site: a.site(x.Span)})
	}
	return unknown
}

//go:noinline
func (a *interp) evalCast(x *model.Cast, st *state) Value {
	v := a.eval(x.X, st)
	if x.Kind == model.CastForced && v.Kind == VResult {
		// `result as! Data`, `result!`: past it, the result is not nil.
		a.useResult(v, x.Span, false, st)
		a.nonNilResult(x.X, st)
		v.NonNil = true
	}
	if v.Kind == VDict && (strings.Contains(x.Type, "NSDictionary") || strings.Contains(x.Type, "NSMutableDictionary")) {
		for _, o := range st.objs(v) {
			if !o.Ref {
				st.mut(o).Ref = true
			}
		}
	}
	return v
}

//go:noinline
func (a *interp) evalDictLitValue(x *model.DictLit, st *state) Value {
	v := a.evalDictLit(x, st)
	v.NonNil = true
	return v
}

//go:noinline
func (a *interp) evalArrayLit(x *model.ArrayLit, st *state) Value {
	arr := Value{Kind: VArray}
	for _, el := range x.Elems {
		arr.Elems = append(arr.Elems, a.eval(el, st))
		arr.Sites = append(arr.Sites, a.site(model.StripCasts(el).Pos()))
	}
	return arr
}

//go:noinline
func (a *interp) evalDictOpValue(x *model.DictOp, st *state) Value {
	a.evalDictOp(x, st)
	return unknown
}

//go:noinline
func (a *interp) evalMember(x *model.Member, st *state) Value {
	if path := a.memberPath(x); path != "" {
		if v, ok := st.vars[path]; ok {
			return v
		}
	}
	ri := a.receiver(x.X, st)
	var xv Value
	if x.X != nil && !isTypeExpr(x.X) && !isSelf(x.X) {
		xv = a.eval(x.X, st)
	}
	if xv.Kind == VStatus {
		// status.isSuccess: a member of the status may check it.
		a.escapeStatuses(x.Name, []Value{xv}, st)
	}
	if a.prog.knownNil(a.declaredProp(x, st)) {
		return Value{Kind: VNil} // a stored Optional nothing sets (nilprops.go)
	}
	if x.Name == "rawValue" && xv.Kind == VConst && len(xv.Consts) == 1 && xv.Consts[0].IsStr {
		// A case of a String enum is lowered as a property returning its
		// raw value (swiftparse), so its rawValue is that string.
		return xv
	}
	if fn := a.prog.resolveProperty(x.Name, ri, a.fn); fn != nil {
		return a.instantiate(fn, nil, x.Span, st)
	}
	return unknown
}

//go:noinline
func (a *interp) evalIndex(x *model.Index, st *state) Value {
	a.eval(x.X, st)
	a.eval(x.Index, st)
	return unknown
}

//go:noinline
func (a *interp) evalUnary(x *model.Unary, st *state) Value {
	v := a.eval(x.X, st)
	if x.Op == "&" {
		return v
	}
	return unknown
}

//go:noinline
func (a *interp) evalBinary(x *model.Binary, st *state) Value {
	if x.Op == "=" {
		v := a.eval(x.R, st)
		a.assign(x.L, v, st)
		return v
	}
	if x.Op == "&&" || x.Op == "||" {
		t, f := a.cond(x, st)
		a.replace(st, a.join(t, f))
		return unknown
	}
	l := a.eval(x.L, st)
	r := a.eval(x.R, st)
	if x.Op == "==" || x.Op == "!=" {
		a.resultComparedAsValue(x, l, r, st)
	}
	if x.Op == "??" {
		// x ?? y: y only when x is nil, x when it cannot be.
		switch {
		case l.Kind == VNil:
			return r
		case isNonNil(l):
			return l
		}
		v := joinValues(l, r)
		v.NonNil = isNonNil(r) && a.file != nil && a.file.Lang == model.Swift
		return v
	}
	return unknown
}

//go:noinline
func (a *interp) evalStatusCmp(x *model.StatusCmp, st *state) Value {
	t, f := a.cond(x, st)
	a.replace(st, a.join(t, f))
	// A comparison kept as a value (`let ok = status == errSecSuccess`)
	// may decide a later branch the engine cannot tie to the status.
	switch y := model.StripCasts(x.X).(type) {
	case *model.Ident:
		a.escapeStatuses("", []Value{st.vars[y.Name]}, st)
	case *model.SecItemCall:
		id := callID(a.id(Site{File: a.file, Span: model.Span{Start: y.Span.Start, End: -y.Span.End}}))
		a.escapeStatuses("", []Value{{Kind: VStatus, Status: []callID{id}}}, st)
	}
	return unknown
}

//go:noinline
func (a *interp) evalTernary(x *model.Ternary, st *state) Value {
	// The branches merge at the end of the expression: what runs
	// after it runs whatever the condition tested.
	pre := testedMarks(st)
	t, f := a.cond(x.Cond, st)
	vt := a.eval(x.Then, t)
	vf := a.eval(x.Else, f)
	a.replace(st, restoreTested(a.join(t, f), pre))
	switch {
	case t.dead:
		return vf
	case f.dead:
		return vt
	}
	return joinValues(vt, vf)
}

//go:noinline
func (a *interp) evalClosure(x *model.Closure, st *state) Value {
	a.runClosure(x, st, false)
	return unknown
}

//go:noinline
func (a *interp) evalOptionalBind(x *model.OptionalBind, st *state) Value {
	v := a.eval(x.Value, st)
	st.setVar(x.Name, v)
	return v
}

//go:noinline
func (a *interp) evalUnknown(x *model.Unknown, st *state) Value {
	for _, sub := range x.Sub {
		a.eval(sub, st)
	}
	return unknown
}

// setType records the type of a variable; a second declaration of the
// name with another type makes it unknown.
func (a *interp) setType(name, t string) {
	if old, seen := a.types[name]; seen && old != t {
		t = ""
	}
	a.types[name] = t
}

func isTypeExpr(e model.Expr) bool {
	id, ok := e.(*model.Ident)
	return ok && id.Name != "" && id.Name[0] >= 'A' && id.Name[0] <= 'Z'
}

func (a *interp) evalIdent(x *model.Ident, st *state) Value {
	if v, ok := st.vars[x.Name]; ok {
		return v
	}
	if strings.HasPrefix(x.Name, "kSec") || strings.HasPrefix(x.Name, "kCF") || strings.HasPrefix(x.Name, "errSec") || x.Name == "noErr" {
		return constValue(Const{Ident: x.Name, Site: a.site(x.Span)})
	}
	// Before the property's own (bodiless) declaration is resolved.
	if a.prog.knownNil(a.declaredProp(x, st)) {
		return Value{Kind: VNil} // a stored Optional of self nothing sets (nilprops.go)
	}
	if fn := a.prog.resolveProperty(x.Name, recvInfo{kind: recvNone}, a.fn); fn != nil {
		return a.instantiate(fn, nil, x.Span, st)
	}
	return unknown
}

// keyOf interprets a value as a dictionary key.
func keyOf(v Value) (id, name string, key *keychain.Key, ok bool) {
	if v.Kind != VConst || len(v.Consts) != 1 {
		return "", "", nil, false
	}
	c := v.Consts[0]
	switch {
	case c.Ident != "":
		if k, found := keychain.LookupKey(c.Ident); found {
			return k.Short, c.Ident, k, true
		}
		return "", "", nil, false
	case c.IsStr:
		if k, found := keychain.LookupShort(c.Str); found {
			return k.Short, `"` + c.Str + `"`, k, true
		}
		return "raw:" + c.Str, `"` + c.Str + `"`, nil, true
	}
	return "", "", nil, false
}

func (a *interp) newObj(st *state, sp model.Span, ref bool) *Obj {
	s := a.site(sp)
	o := newObj(objID(a.id(s)), s, ref)
	o.Build = Build{At: s}
	st.put(o)
	return o
}

func (a *interp) evalDictLit(x *model.DictLit, st *state) Value {
	ref := a.file != nil && a.file.Lang != model.Swift
	o := a.newObj(st, x.Span, ref)
	h := holdObjs(st, []*Obj{o})
	for _, en := range x.Entries {
		kv := a.eval(en.Key, st)
		vv := a.eval(en.Value, st)
		a.write(st, h.get(a, st), kv, vv, a.site(model.StripCasts(en.Key).Pos()), writeInfo{value: en.Value, literal: en.Span, keyExpr: en.Key.Pos(), boxes: true})
	}
	return dictValue(o.ID)
}

func (a *interp) evalNewDict(x *model.NewDict, st *state) Value {
	o := a.newObj(st, x.Span, x.Ref)
	id := o.ID
	h := holdObjs(st, []*Obj{o})
	if x.Copy != nil {
		src := a.eval(x.Copy, st)
		objs := st.objs(src)
		o = h.get(a, st)[0]
		if len(objs) == 0 {
			o.Complete = false
		} else {
			s := snapshot(objs)
			for k, e := range s.Entries {
				o.Entries[k] = e
			}
			o.Complete = s.Complete
			o.Param = objs[0].Param
			if o.Param >= 0 {
				o.Complete = objs[0].Complete
			}
		}
	}
	if x.Merge != nil {
		mv := a.eval(x.Merge, st)
		a.merge(st, h.get(a, st), mv, a.site(x.Span))
	}
	if x.Keys != nil {
		keys, vals := a.eval(x.Keys, st), a.eval(x.Values, st)
		o = h.get(a, st)[0]
		if keys.Kind != VArray || vals.Kind != VArray || len(keys.Elems) != len(vals.Elems) {
			o.Complete = false
		} else {
			for i := range keys.Elems {
				a.write(st, []*Obj{o}, keys.Elems[i], vals.Elems[i], keys.Sites[i], writeInfo{})
			}
		}
	}
	// The new object is a temporary; re-read it from the heap after writes.
	return dictValue(id)
}

// replace makes st the state x (the merge of the paths of an expression
// evaluated in st).
func (a *interp) replace(st, x *state) {
	if x != st {
		*st = *x
	}
}

// held is an object (or the objects of a value) taken from the heap before
// evaluating the operands of a change to it. Evaluating may copy the state,
// or replace it by the merge of its paths (a ternary, && or a closure among
// the operands): the change goes to the heap's current objects.
type held struct {
	objs []*Obj
}

func holdObjs(st *state, objs []*Obj) held { return held{objs: objs} }

// get returns the objects to change: the heap's current ones.
func (h *held) get(a *interp, st *state) []*Obj {
	for i, o := range h.objs {
		h.objs[i] = a.mutObj(st, o)
	}
	return h.objs
}

// mutObj returns the heap's current version of o ready to be changed (o
// is a new object held across an evaluation, which may have copied or
// joined the state).
func (a *interp) mutObj(st *state, o *Obj) *Obj {
	if cur, ok := st.heap[o.ID]; ok {
		return st.mut(cur)
	}
	return o.clone() // no state holds it: a change to it is lost
}

// write sets a key. One target object is a strong update; several (the
// variable may be one of several dictionaries) a weak one.
// paramOfValue returns the parameter a value is, or -1.
func (a *interp) paramOfValue(v Value) int {
	if v.Kind == VDict && len(v.Objs) == 1 {
		if i, ok := a.params[v.Objs[0]]; ok {
			return i
		}
	}
	return -1
}

// writeInfo is what a write knows of its source: the value expression,
// and for literal entries the entry and key expression spans.
type writeInfo struct {
	value            model.Expr
	literal, keyExpr model.Span
	// boxes: the value is converted to Any (see model.DictOp.Boxes; a
	// Swift dictionary literal's values too).
	boxes bool
}

func (a *interp) write(st *state, objs []*Obj, kv, vv Value, site Site, info writeInfo) {
	id, name, key, ok := keyOf(kv)
	var valueText string
	var valueSite Site
	if info.value != nil && vv.Kind != VConst {
		v := model.StripCasts(info.value)
		if sp := v.Pos(); a.file != nil && sp.Start >= 0 && sp.End <= len(a.file.Src) && sp.Start < sp.End {
			valueText, valueSite = string(a.file.Src[sp.Start:sp.End]), a.site(sp)
		}
	}
	nilBox, vtype := a.valueFacts(info, vv, st)
	for _, o := range objs {
		if !ok {
			o.Complete = false
			continue
		}
		e := &Entry{Key: key, Name: name, Must: true, Platforms: st.plat, Sites: []Site{site}, SitePlatforms: []model.Platform{st.plat}, ValueText: valueText, ValueSite: valueSite,
			ValueParam: a.paramOfValue(vv), ValueDerived: vv.Derived, NilBox: nilBox, ValueType: vtype}
		if info.literal.End > 0 {
			e.Literal, e.KeyExpr = a.site(info.literal), a.site(info.keyExpr)
		}
		if vv.Kind == VConst {
			e.Values = append([]Const(nil), vv.Consts...)
		} else {
			e.UnknownValue = true
		}
		if old, exists := o.Entries[id]; exists && len(objs) > 1 {
			old = old.clone()
			old.Platforms |= e.Platforms
			old.Values = joinConsts(old.Values, e.Values)
			old.UnknownValue = old.UnknownValue || e.UnknownValue
			old.NilBox, old.ValueType = joinNilBox(old.NilBox, e.NilBox), joinValueType(old.ValueType, e.ValueType)
			old.Sites, old.SitePlatforms = unionSites(old.Sites, old.SitePlatforms, e.Sites, e.SitePlatforms)
			e = old
		} else if len(objs) > 1 {
			e.Must = false
		}
		o.Entries[id] = e
		delete(o.Removed, id)
		o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site, Key: id, Name: name})
	}
}

func (a *interp) evalDictOp(x *model.DictOp, st *state) {
	target := a.eval(x.Dict, st)
	site := a.site(x.Span)
	h := holdObjs(st, st.objs(target))
	switch x.Kind {
	case model.DictSet, model.DictAdd:
		kv := a.eval(x.Key, st)
		vv := a.eval(x.Value, st)
		objs := h.get(a, st)
		ksite := a.site(model.StripCasts(x.Key).Pos())
		if x.Kind == model.DictAdd {
			// CFDictionaryAddValue keeps an existing value.
			if id, _, _, ok := keyOf(kv); ok {
				var fresh []*Obj
				for _, o := range objs {
					if e, exists := o.Entries[id]; !exists || !e.Must {
						fresh = append(fresh, o)
					}
				}
				objs = fresh
			}
		}
		a.write(st, objs, kv, vv, ksite, writeInfo{value: x.Value, boxes: x.Boxes})
	case model.DictRemove:
		kv := a.eval(x.Key, st)
		objs := h.get(a, st)
		id, name, _, ok := keyOf(kv)
		for _, o := range objs {
			forgetBuild(o)
			if !ok {
				for k, e := range o.Entries {
					o.Entries[k] = maybe(e)
				}
				continue
			}
			if len(objs) == 1 {
				delete(o.Entries, id)
				if o.Param >= 0 {
					if o.Removed == nil {
						o.Removed = map[string]bool{}
					}
					o.Removed[id] = true
				}
			} else if e, exists := o.Entries[id]; exists {
				o.Entries[id] = maybe(e)
			}
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site, Key: id, Name: name})
		}
	case model.DictRemoveAll:
		objs := h.get(a, st)
		for _, o := range objs {
			forgetBuild(o)
			if len(objs) == 1 {
				o.Entries = map[string]*Entry{}
				o.Complete = true
				o.Param = -1
			} else {
				for k, e := range o.Entries {
					o.Entries[k] = maybe(e)
				}
			}
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site})
		}
	case model.DictMerge:
		other := a.eval(x.Other, st)
		a.merge(st, h.get(a, st), other, site)
	}
}

// merge adds the entries of another dictionary value to objs.
func (a *interp) merge(st *state, objs []*Obj, other Value, site Site) {
	src := st.objs(other)
	for _, o := range objs {
		if len(src) == 0 {
			o.Complete = false
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site})
			continue
		}
		s := snapshot(src)
		for k, e := range s.Entries {
			c := e.clone()
			if len(objs) > 1 {
				c.Must = false
				if old, ok := o.Entries[k]; ok {
					c.Must = old.Must
				}
			} else if old, ok := o.Entries[k]; ok && old.Must && !c.Must {
				c.Must = true
			}
			c.narrow(st.plat)
			o.Entries[k] = c
			delete(o.Removed, k)
		}
		if !s.Complete || src[0].Param >= 0 {
			o.Complete = false
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site})
			continue
		}
		// A known dictionary merged in: one write per key, so messages can
		// name what changed.
		for _, e := range s.Keys() {
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: site, Key: keyIDForName(e.Name), Name: e.Name})
		}
	}
}
