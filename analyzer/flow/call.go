package flow

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// syncRunners run their closure argument before they return, exactly
// once, and return what it returns.
var syncRunners = map[string]bool{
	"sync": true, "performAndWait": true, "autoreleasepool": true, "withLock": true, "withUnsafeMutablePointer": true,
	"withUnsafePointer": true, "withCriticalScope": true, "dispatch_sync": true, "dispatch_barrier_sync": true,
	"execute": true, "synchronized": true, "withExtendedLifetime": true,
}

// harmless are calls that never change a dictionary passed to them.
var harmless = map[string]bool{
	"print": true, "debugPrint": true, "NSLog": true, "os_log": true, "CFShow": true, "CFRelease": true, "assert": true,
	"precondition": true, "dump": true, "CFGetTypeID": true, "CFDictionaryGetValue": true, "CFDictionaryGetCount": true,
	"CFDictionaryContainsKey": true, "objectForKey:": true, "valueForKey:": true, "objectForKeyedSubscript:": true,
	"count": true, "description": true, "isEqual:": true, "isEqualToDictionary:": true, "String": true,
}

// evalCall evaluates a call that is not a SecItem call or a dictionary
// operation: a helper of the program (through its summary), an immediately
// invoked closure, or an unknown function.
func (a *interp) evalCall(c *model.Call, st *state) Value {
	if cl, ok := c.Fun.(*model.Closure); ok {
		return a.runClosure(cl, st, true)
	}
	if isNSNull(c) {
		// [NSNull null] and NSNull() are the one object kCFNull.
		return constValue(Const{Ident: "kCFNull", Site: a.site(c.Span)})
	}
	name := c.Name()
	recv := c.Receiver()
	ri := a.receiver(recv, st)
	var recvVal Value
	if recv != nil && !isTypeExpr(recv) && !isSelf(recv) {
		recvVal = a.eval(recv, st)
	}
	// A mutating method or an inout argument may change a struct's
	// members.
	if id, ok := model.StripCasts(recv).(*model.Ident); ok && recv != nil {
		a.killFields(id.Name, st)
	}
	for _, arg := range c.Args {
		if u, ok := arg.Value.(*model.Unary); ok && u.Op == "&" {
			if id, ok := model.StripCasts(u.X).(*model.Ident); ok {
				a.killFields(id.Name, st)
			}
		}
	}
	args := make([]Value, len(c.Args))
	var closureRet Value
	sawClosure := false
	for i, arg := range c.Args {
		if cl, ok := arg.Value.(*model.Closure); ok {
			closureRet = a.runClosure(cl, st, syncRunners[name])
			sawClosure = true
			continue
		}
		args[i] = a.eval(arg.Value, st)
	}
	if name == "CFRelease" && len(args) == 1 && recv == nil {
		a.useResult(args[0], c.Span, true, st)
	}
	a.escapeStatuses(name, args, st)
	if recvVal.Kind == VStatus {
		a.escapeStatuses(name, []Value{recvVal}, st) // status.check()
	}
	if v, ok := a.valueOrDefault(c, recv, recvVal); ok {
		return v
	}
	if fn := a.prog.resolve(c, a.fn, ri); fn != nil && fn != a.fn {
		v := a.instantiate(fn, c, c.Span, st, args...)
		if v.Kind == VUnknown && !sawClosure {
			v.Derived = a.derivedCall(fn, c, args)
		}
		return v
	}
	// Unknown callee: it may change any reference-type dictionary or inout
	// argument it receives.
	if !harmless[name] {
		for i, arg := range c.Args {
			if args[i].Kind != VDict {
				continue
			}
			_, inout := arg.Value.(*model.Unary)
			for _, o := range st.objs(args[i]) {
				if (o.Ref || inout) && (o.Complete || o.Build.Known()) {
					m := st.mut(o)
					m.Complete = false
					forgetBuild(m)
				}
			}
		}
		if recvVal.Kind == VDict && mutatingName(name) {
			for _, o := range st.objs(recvVal) {
				if o.Complete || o.Build.Known() {
					m := st.mut(o)
					m.Complete = false
					forgetBuild(m)
				}
			}
		}
	}
	if sawClosure && syncRunners[name] {
		return closureRet
	}
	return unknown
}

func mutatingName(name string) bool {
	for _, p := range []string{"set", "add", "remove", "merge", "update", "insert"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// runClosure evaluates a closure's body in place. When always is false the
// closure may not run (a completion handler), so its effects are joined
// with the state before it.
func (a *interp) runClosure(cl *model.Closure, st *state, always bool) Value {
	if cl.Fn == nil || st.dead {
		return unknown
	}
	inner := st.copy()
	for _, p := range cl.Fn.Params {
		inner.delVar(p.Name)
		// A parameter shadows a property of the same name (valuetypes.go).
		a.setDeclared(p.Name, p.Type)
	}
	a.frames = append(a.frames, &frame{})
	saved := a.targets
	a.targets = nil
	end := a.execStmts(cl.Fn.Body, inner)
	a.targets = saved
	fr := a.frames[len(a.frames)-1]
	a.frames = a.frames[:len(a.frames)-1]
	exit := a.joinAll(append([]*state{end}, fr.returns...)...)
	ret := unknown
	for i, v := range fr.values {
		if i == 0 {
			ret = v
		} else {
			ret = joinValues(ret, v)
		}
	}
	if exit.dead {
		// The closure always throws or never returns normally.
		if !always {
			return ret
		}
		exit = st
	}
	if always {
		a.replace(st, exit)
	} else {
		a.replace(st, a.join(st, exit))
	}
	return ret
}

// instantiate applies the summary of fn at a call site: calls it forwards
// to SecItem become call facts here, changes it makes to dictionary
// arguments are applied, and a returned dictionary becomes a new object.
func (a *interp) instantiate(fn *model.Func, call *model.Call, sp model.Span, st *state, args ...Value) Value {
	b := a.prog.specArgs(fn, args, func(sp specParam) (Value, bool) { return a.specLookup(fn, sp, call, st) })
	r, tainted := a.prog.analyzeSpec(fn, b, a)
	if tainted {
		a.tainted = true
	}
	if r == nil || r.summary == nil {
		// Recursion (or a callee out of its step budget): nothing is
		// known of the result, and reference-type arguments may change.
		for _, v := range args {
			for _, o := range st.objs(v) {
				if o.Ref && (o.Complete || o.Build.Known()) {
					m := st.mut(o)
					m.Complete = false
					forgetBuild(m)
				}
			}
		}
		return unknown
	}
	sum := r.summary
	if sum.RetArg >= 0 {
		if sum.RetArg < len(args) {
			return args[sum.RetArg]
		}
		return unknown
	}
	argObjs := func(i int) []*Obj {
		if i < 0 || i >= len(args) {
			return nil
		}
		return st.objs(args[i])
	}
	var readFact *CallFact
	for _, fw := range sum.Forwards {
		f := a.forward(fn, fw, call, sp, st, argObjs, args)
		if f != nil && f.Indirect && (b != nil || fw.Fact.Narrowed) {
			f.Narrowed = true
		}
		if f != nil && f.Op == model.OpRead && readFact == nil {
			readFact = f
		}
	}
	var helperStatus Value
	if readFact != nil && sum.RetReadStatus != 0 {
		// The helper returns its read's status (an OSStatus): narrow it
		// like the read's own status.
		id := callID(a.id(Site{File: a.file, Span: model.Span{Start: -sp.Start - 1, End: sp.End}}))
		st.status.set(id, sum.RetReadStatus)
		a.setCallFor(id, readFact)
		return Value{Kind: VStatus, Status: []callID{id}}
	}
	if readFact != nil && sum.ReadFail != 0 && !hasOutArg(call) {
		// An out-parameter (NSError **, inout) may tell the failures
		// apart; without it the result alone signals the read's failure.
		// The helper reads and reports failure: its result carries the
		// read's status (nil or false on failure, a value on success).
		id := callID(a.id(Site{File: a.file, Span: model.Span{Start: -sp.Start - 1, End: sp.End}}))
		st.status.set(id, sum.ReadOK|sum.ReadFail)
		a.setCallFor(id, readFact)
		a.helperRead[id] = [2]StatusSet{sum.ReadOK, sum.ReadFail}
		if sum.BoolResult {
			a.helperBool[id] = [2]StatusSet{sum.ReadTrue, sum.ReadFalse}
		}
		helperStatus = Value{Kind: VStatus, Status: []callID{id}}
	}
	for i, delta := range sum.ParamDeltas {
		inout := call != nil && i < len(call.Args) && isAddrOf(call.Args[i].Value)
		for _, o := range argObjs(i) {
			if o.Ref || inout {
				applyDelta(a, st.mut(o), delta, st)
			}
		}
	}
	if sum.Ret != nil {
		o := sum.Ret.clone()
		o.ID = objID(a.id(a.site(sp)))
		o.Alloc = a.site(sp)
		o.uses, o.Writes = objUses{}, nil
		o.Build = a.callBuild(fn, call)
		if o.Param >= 0 {
			// Only the callee's own entries hold its parameters: bind
			// them before the caller's entries join them.
			delta := sum.Ret.clone()
			a.bindParams(delta, call, args)
			base := argObjs(o.Param)
			derived := a.derive(base, delta, st)
			derived.ID, derived.Alloc, derived.Ref = o.ID, o.Alloc, o.Ref
			o = derived
		} else {
			a.bindParams(o, call, args)
		}
		for k, e := range o.Entries {
			o.Entries[k] = narrowed(e, st.plat)
		}
		st.put(o)
		return dictValue(o.ID)
	}
	if helperStatus.Kind == VStatus {
		// A helper that reads and returns true/false (or a value/nil): its
		// result stands for the read's outcome.
		return helperStatus
	}
	if len(sum.RetConst) > 0 {
		return Value{Kind: VConst, Consts: sum.RetConst}
	}
	return unknown
}

// hasOutArg reports whether a call passes an argument by address
// (&error, &value).
func hasOutArg(c *model.Call) bool {
	if c == nil {
		return false
	}
	for _, a := range c.Args {
		if isAddrOf(a.Value) {
			return true
		}
	}
	return false
}

func isAddrOf(e model.Expr) bool {
	u, ok := e.(*model.Unary)
	return ok && u.Op == "&"
}

// bindParams replaces, in an object built by a callee, the values that
// came from the callee's parameters with the caller's arguments: a
// constant, or the argument's source text (so that rules can tell that
// baseQuery(account: id) twice names the same item).
func (a *interp) bindParams(o *Obj, call *model.Call, args []Value) {
	for k, e := range o.Entries {
		if e.ValueDerived != nil {
			c := e.clone()
			c.ValueDerived = a.bindDerived(e.ValueDerived, args)
			o.Entries[k] = c
			e = c
		}
		i := e.ValueParam
		if i < 0 {
			continue
		}
		c := e.clone()
		c.ValueParam, c.ValueText, c.ValueSite = -1, "", Site{}
		if i < len(args) && isNonNil(args[i]) {
			// The parameter boxed into Any is not nil at this call.
			c.NilBox = Site{}
		}
		if i < len(args) {
			switch v := args[i]; {
			case v.Kind == VConst:
				c.Values, c.UnknownValue = append([]Const(nil), v.Consts...), false
			default:
				c.ValueParam = a.paramOfValue(v)
				c.ValueDerived = v.Derived
				if call != nil && i < len(call.Args) {
					sp := model.StripCasts(call.Args[i].Value).Pos()
					if sp.Start >= 0 && sp.End <= len(a.file.Src) && sp.Start < sp.End {
						c.ValueText, c.ValueSite = string(a.file.Src[sp.Start:sp.End]), a.site(sp)
					}
				}
			}
		}
		o.Entries[k] = c
	}
}

// derive builds the dictionary a callee produced from a parameter: the
// argument's entries, minus the keys the callee removed, plus those it
// wrote.
func (a *interp) derive(base []*Obj, delta *Obj, st *state) *Obj {
	var o *Obj
	if len(base) == 0 {
		o = newObj(0, delta.Alloc, delta.Ref)
		o.Complete = false
	} else {
		s := snapshot(base)
		o = newObj(0, s.Alloc, s.Ref)
		for k, e := range s.Entries {
			o.Entries[k] = e
		}
		o.Complete = s.Complete
		o.Param = base[0].Param
		if o.Param >= 0 {
			o.Complete = base[0].Complete
		}
	}
	applyDelta(a, o, delta, st)
	return o
}

// applyDelta applies a callee's changes to a parameter object to o.
func applyDelta(a *interp, o, delta *Obj, st *state) {
	for k := range delta.Removed {
		delete(o.Entries, k)
		forgetBuild(o)
	}
	for k, e := range delta.Entries {
		c := e.clone()
		c.narrow(st.plat)
		o.Entries[k] = c
		for _, s := range e.Sites {
			o.Writes = append(o.Writes, Write{Seq: a.nextSeq(), Site: s, Key: k, Name: e.Name})
		}
	}
	if !delta.Complete {
		o.Complete = false
	}
}

// forward turns a SecItem call inside a callee that receives a parameter
// into a call fact at this call site.
func (a *interp) forward(fn *model.Func, fw *Forward, call *model.Call, sp model.Span, st *state, argObjs func(int) []*Obj, args []Value) *CallFact {
	build := func(param int, d *Obj) ([]*Obj, bool) {
		if d == nil {
			return nil, false
		}
		if param < 0 {
			c := d.clone()
			// Made inside the helper, which may have made it differently
			// for this call's arguments: not comparable with another.
			c.Build = Build{}
			a.bindParams(c, call, args)
			return []*Obj{c}, false
		}
		// Only the callee's own entries hold its parameters (see
		// instantiate).
		delta := d.clone()
		a.bindParams(delta, call, args)
		base := argObjs(param)
		derived := a.derive(base, delta, st)
		return []*Obj{derived}, len(base) > 0
	}
	dict, dictIsArg := build(fw.DictParam, fw.Dict)
	upd, updIsArg := build(fw.UpdateParam, fw.Update)
	var uses, updUses []*Obj
	// The arguments receive a use: ready to be changed (see objsMut).
	if dictIsArg {
		uses = st.objsMut(args[fw.DictParam])
	}
	if updIsArg {
		updUses = st.objsMut(args[fw.UpdateParam])
	}
	inner := fw.Fact
	via := inner.Via
	if via == nil {
		via = fn
	}
	f := a.recordFact(inner.Call, via, a.site(sp), a.site(callNameSpan(call, sp)), dict, upd, uses, updUses, inner.Result, st,
		inner.Platforms)
	f.Callee = fn
	if fw.Indirect {
		// Where the helper's own fact is: its SecItem call, or its call of
		// a wrapper it passes its dictionary to.
		f.Origin = inner.NameSite
		if inner.Indirect {
			f.Origin = inner.Origin
		}
	}
	if fw.Indirect {
		f.Indirect = true
	}
	if f.Op == model.OpDelete && (inner.Via == nil || inner.Always) && fw.Always {
		f.Always = true
		st.deleted = append(st.deleted, f)
	}
	if f.Op == model.OpDelete {
		// Later calls see it as an earlier call (a delete in a helper
		// before an add here). Reads count only through the helper's
		// result, which tells whether they failed (see instantiate).
		id := callID(a.id(Site{File: a.file, Span: model.Span{Start: -sp.Start - 1, End: -int(f.Call.Span.Start) - 1}}))
		if _, ok := st.status.get(id); !ok {
			st.status.set(id, AnyStatus)
		}
		a.setCallFor(id, f)
	}
	return f
}

func callNameSpan(c *model.Call, sp model.Span) model.Span {
	if c == nil {
		return sp
	}
	switch f := c.Fun.(type) {
	case *model.Ident:
		return f.Span
	case *model.Member:
		if f.NameSpan.Valid() {
			return f.NameSpan
		}
	}
	return sp
}

// evalSecItem records a direct SecItem call.
func (a *interp) evalSecItem(x *model.SecItemCall, st *state) Value {
	dv := a.eval(x.Dict, st)
	var uv Value
	if x.Update != nil {
		uv = a.eval(x.Update, st)
	}
	res := Absent
	if x.Result != nil {
		a.eval(x.Result, st)
		res = Present
	}
	dictObjs, updObjs := st.objsMut(dv), st.objsMut(uv)
	fact := a.recordFact(x, nil, a.site(x.Span), a.site(x.NameSpan), dictObjs, updObjs, dictObjs, updObjs, res, st, model.AllPlatforms)
	id := callID(a.id(Site{File: a.file, Span: model.Span{Start: x.Span.Start, End: -x.Span.End}}))
	st.status.set(id, AnyStatus)
	if x.Op == model.OpDelete {
		st.deleted = append(st.deleted, fact)
	}
	a.setCallFor(id, fact)
	a.bindResult(x, id, st)
	return Value{Kind: VStatus, Status: []callID{id}}
}

// recordFact records (or joins into) the fact of a call at site, marks the
// dictionaries it received as used, and extends the function's summary
// when they came from its parameters.
func (a *interp) recordFact(call *model.SecItemCall, via *model.Func, site, nameSite Site, dict, upd, useDict, useUpd []*Obj,
	res Presence, st *state, innerPlat model.Platform) *CallFact {
	key := factKey{site, call}
	f, seen := a.factAt[key]
	if !seen {
		f = &CallFact{Op: call.Op, Call: call, Via: via, Site: site, NameSite: nameSite, Func: a.fn, Earlier: map[*CallFact]StatusSet{}}
		a.factAt[key] = f
		a.facts = append(a.facts, f)
	}
	// What the call received is kept as it is: the snapshots share the
	// objects' maps, and the objects are frozen (a state that changes them
	// later changes a copy).
	ds, us := snapshotOf(dict, true), snapshotOf(upd, true)
	if ds != nil && ds.Param >= 0 {
		ds.Complete = false
	}
	if us != nil && us.Param >= 0 {
		us.Complete = false
	}
	plat := st.plat & innerPlat
	if f.visited {
		f.Dict = joinDictStates(f.Dict, ds)
		f.Update = joinDictStates(f.Update, us)
		if f.Result != res {
			f.Result = MaybePresent
		}
		f.Platforms |= plat
	} else {
		f.Dict, f.Update, f.Result, f.Platforms = ds, us, res, plat
		f.visited = true
	}
	f.visits++
	for _, o := range useDict {
		f.PriorUses.srcs = append(f.PriorUses.srcs, o.uses)
		f.Writes = mergeWrites(f.Writes, o.Writes)
	}
	for _, o := range useUpd {
		f.PriorUpdateUses.srcs = append(f.PriorUpdateUses.srcs, o.uses)
	}
	if earlier := a.earlierOps(f.Op); earlier != nil {
		// Only some calls need to know the calls before them, and only
		// some (see earlierOps). Recording every call for every call would
		// grow with the square of the calls in a function; the index of
		// calls by operation visits only those, and only the most recent
		// of them (see recent).
		for _, op := range earlier {
			for _, id := range a.recent(op) {
				set, ok := st.status.get(id)
				if !ok {
					continue
				}
				if prev := a.callFor[id]; prev != nil && prev != f && prev.Op == op {
					f.Earlier[prev] |= set
					if b, ok := st.branch[id]; ok {
						if f.EarlierBranch == nil {
							f.EarlierBranch = map[*CallFact]Site{}
						}
						if _, seen := f.EarlierBranch[prev]; !seen {
							f.EarlierBranch[prev] = b
						}
					}
				}
			}
		}
	}
	seq := a.seq
	for _, o := range useDict {
		o.uses.add(Use{Fact: f, Role: roleOf(call.Op), Seq: seq, Snapshot: ds}, a.nextUse())
	}
	for _, o := range useUpd {
		o.uses.add(Use{Fact: f, Role: model.RoleUpdate, Seq: seq, Snapshot: us}, a.nextUse())
	}
	// Every call becomes part of the summary: a call that receives a
	// parameter makes this function a wrapper; a call with the function's
	// own dictionary is an indirect call at each call site.
	dp, up := paramOf(dict, useDict), paramOf(upd, useUpd)
	fw := &Forward{Fact: f, DictParam: dp, UpdateParam: up, Indirect: dp < 0 && up < 0}
	if len(dict) > 0 {
		fw.Dict = snapshotObj(dict)
	}
	if len(upd) > 0 {
		fw.Update = snapshotObj(upd)
	}
	a.addForward(fw)
	freeze(dict)
	freeze(upd)
	return f
}

// earlierOps are the operations of the earlier calls a call of operation
// op records in Earlier: a delete the reads before it (a delete after a
// failed read); an add the reads, deletes and updates before it (an
// existence check, a delete-then-add, an update that found nothing); an
// update the reads and adds before it (the existing-item path of a save:
// after a read that found the item, after an add that failed with
// errSecDuplicateItem).
func (a *interp) earlierOps(op model.Op) []model.Op {
	switch op {
	case model.OpDelete:
		return []model.Op{model.OpRead}
	case model.OpAdd:
		return []model.Op{model.OpRead, model.OpDelete, model.OpUpdate}
	case model.OpUpdate:
		return []model.Op{model.OpRead, model.OpAdd}
	}
	return nil
}

// freeze makes objects immutable: no state changes them in place any more
// (each clones what it changes, see state.mut), so that snapshots may share
// their maps.
func freeze(objs []*Obj) {
	for _, o := range objs {
		o.gen = 0
	}
}

func (a *interp) addForward(fw *Forward) {
	if i, ok := a.forwardAt[fw.Fact]; ok {
		a.summary.Forwards[i] = fw
		return
	}
	if a.forwardAt == nil {
		a.forwardAt = map[*CallFact]int{}
	}
	a.forwardAt[fw.Fact] = len(a.summary.Forwards)
	a.summary.Forwards = append(a.summary.Forwards, fw)
}

// snapshotObj is the objects joined, without their uses and writes; the
// snapshot of one object shares its maps (the caller freezes it).
func snapshotObj(objs []*Obj) *Obj {
	var o *Obj
	if len(objs) == 1 {
		c := *objs[0]
		o = &c
	} else {
		o = joinObj(objs[0], objs[1])
		for _, p := range objs[2:] {
			o = joinObj(o, p)
		}
	}
	o.gen = 0
	o.uses, o.Writes = objUses{}, nil
	return o
}

// paramOf returns the parameter index the objects derive from, or -1.
func paramOf(objs ...[]*Obj) int {
	for _, list := range objs {
		for _, o := range list {
			if o.Param >= 0 {
				return o.Param
			}
		}
	}
	return -1
}

func roleOf(op model.Op) model.Role {
	if op == model.OpAdd {
		return model.RoleAttributes
	}
	return model.RoleQuery
}

func mergeWrites(a, b []Write) []Write {
	out := append([]Write(nil), a...)
	for _, w := range b {
		found := false
		for _, v := range out {
			if v.Seq == w.Seq {
				found = true
				break
			}
		}
		if !found {
			out = append(out, w)
		}
	}
	return out
}

// statusCodeOf returns the status code a case value or comparison operand
// denotes.
func statusCodeOf(e model.Expr) (int, bool) {
	switch x := model.StripCasts(e).(type) {
	case *model.Ident:
		return keychain.StatusCode(x.Name)
	case *model.NumberLit:
		if x.IsInt {
			return int(x.Int), true
		}
	}
	return 0, false
}
