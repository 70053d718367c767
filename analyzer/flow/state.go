package flow

import (
	"reflect"
	"sync/atomic"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// state is the abstract state on one path (or a join of paths).
//
// States are copied at every branch, so a copy shares everything with its
// original (copy-on-write): the vars and heap maps until either state
// changes them (varsShared, heapShared), and every object until a state
// changes it. An object may be changed in place only by the state whose
// generation it carries (Obj.gen); any other state holding it clones it
// first (mut). A copy, and a join that shares objects with its inputs,
// gives the states involved new generations, so that an object is never
// changed in place while two live states hold it. A copy then costs the
// status table's recent changes, and a branch the objects it writes, not
// every dictionary of the function.
type state struct {
	dead bool
	vars map[string]Value
	heap map[objID]*Obj
	// gen is the generation of the objects the state may change in
	// place; varsShared and heapShared mark maps another state holds too.
	gen                    uint64
	varsShared, heapShared bool
	// unkept counts the values in vars that a join with themselves would
	// not keep as they are (see selfJoinKeeps): a join of two states that
	// share their vars map, with none, shares it without a look at each.
	unkept int
	// status holds, for every SecItem call made so far on the path, the
	// outcomes its status may still have.
	status statusTab
	// plat is the platform scope of the path.
	plat model.Platform
	// deleted are the deletes made on every path to here (for the
	// summary: a helper that always deletes).
	deleted []*CallFact
	// branch is, for each status, the condition that last narrowed it on
	// this path (`guard status == errSecSuccess`, a switch case).
	branch map[callID]Site
}

// lastGen numbers state generations (states of concurrent analyses never
// share objects, but the numbers must not collide).
var lastGen atomic.Uint64

func nextGen() uint64 { return lastGen.Add(1) }

func newState(plat model.Platform) *state {
	return &state{vars: map[string]Value{}, heap: map[objID]*Obj{}, gen: nextGen(), status: newStatusTab(), plat: plat}
}

func deadState() *state { return &state{dead: true} }

// copy returns a state equal to s that s's later changes do not affect
// (nor the copy's s).
func (s *state) copy() *state {
	if s.dead {
		return deadState()
	}
	s.gen, s.varsShared, s.heapShared = nextGen(), true, true
	c := &state{vars: s.vars, heap: s.heap, gen: nextGen(), varsShared: true, heapShared: true, unkept: s.unkept,
		status: s.status.copy(), plat: s.plat, deleted: s.deleted[:len(s.deleted):len(s.deleted)]}
	if len(s.branch) > 0 {
		c.branch = make(map[callID]Site, len(s.branch))
		for k, v := range s.branch {
			c.branch[k] = v
		}
	}
	return c
}

// setVar binds a variable.
func (s *state) setVar(k string, v Value) {
	s.ownVars()
	if old, ok := s.vars[k]; ok && !selfJoinKeeps(old) {
		s.unkept--
	}
	if !selfJoinKeeps(v) {
		s.unkept++
	}
	s.vars[k] = v
}

// delVar forgets a variable.
func (s *state) delVar(k string) {
	if old, ok := s.vars[k]; ok {
		s.ownVars()
		if !selfJoinKeeps(old) {
			s.unkept--
		}
		delete(s.vars, k)
	}
}

func (s *state) ownVars() {
	if s.varsShared {
		m := make(map[string]Value, len(s.vars)+1)
		for k, v := range s.vars {
			m[k] = v
		}
		s.vars, s.varsShared = m, false
	}
}

func (s *state) ownHeap() {
	if s.heapShared {
		m := make(map[objID]*Obj, len(s.heap)+1)
		for k, o := range s.heap {
			m[k] = o
		}
		s.heap, s.heapShared = m, false
	}
}

// put adds a new object, which no other state holds, to the heap.
func (s *state) put(o *Obj) {
	s.ownHeap()
	o.gen = s.gen
	s.heap[o.ID] = o
}

// mut returns the heap's object o (s.heap[o.ID]) ready to be changed:
// o itself when s may change it in place, else a clone that replaces it
// in s's heap.
func (s *state) mut(o *Obj) *Obj {
	if o.gen == s.gen {
		return o
	}
	c := o.clone()
	c.gen = s.gen
	s.ownHeap()
	s.heap[c.ID] = c
	return c
}

// objsMut is objs, each object ready to be changed (see mut). Call it
// after evaluating whatever else the change needs: evaluating may replace
// the heap's objects.
func (s *state) objsMut(v Value) []*Obj {
	objs := s.objs(v)
	for i, o := range objs {
		objs[i] = s.mut(o)
	}
	return objs
}

// joinCounted merges two path states; dead states are the identity. What
// both paths share (the same map, object or value) is shared with the
// result, not joined. It also returns its work: the entries of the two
// states' tables it visited (interp.join charges it to the budget).
func joinCounted(a, b *state) (*state, int) {
	if a == nil || a.dead {
		if b == nil {
			return deadState(), 0
		}
		return b, 0
	}
	if b == nil || b.dead {
		return a, 0
	}
	// The result may share objects and maps with a and b.
	a.gen, b.gen = nextGen(), nextGen()
	status, work := joinStatus(&a.status, &b.status)
	out := &state{gen: nextGen(), status: status, plat: a.plat | b.plat}
	for _, m := range []map[callID]Site{b.branch, a.branch} {
		for k, v := range m {
			if out.branch == nil {
				out.branch = map[callID]Site{}
			}
			out.branch[k] = v // a's wins where both paths narrowed
		}
	}
	if len(a.deleted) > 0 && len(b.deleted) > 0 {
		// The deletes made on both paths (a set: linear, not quadratic, in
		// the deletes of a function).
		inB := make(map[*CallFact]bool, len(b.deleted))
		for _, e := range b.deleted {
			inB[e] = true
		}
		for _, d := range a.deleted {
			if inB[d] {
				out.deleted = append(out.deleted, d)
			}
		}
	}
	work += len(a.branch) + len(b.branch) + len(a.deleted) + len(b.deleted)
	work += joinVars(out, a, b)
	if sameMap(a.heap, b.heap) {
		out.heap, out.heapShared = a.heap, true
		a.heapShared, b.heapShared = true, true
		return out, work
	}
	work += len(a.heap) + len(b.heap)
	out.heap = make(map[objID]*Obj, len(a.heap))
	for k, o := range a.heap {
		if p, ok := b.heap[k]; ok && p != o {
			j := joinObj(o, p)
			j.gen = out.gen
			out.heap[k] = j
		} else {
			out.heap[k] = o
		}
	}
	for k, p := range b.heap {
		if _, ok := a.heap[k]; !ok {
			out.heap[k] = p
		}
	}
	return out, work
}

// joinVars joins the variables of two states into out; shared reports that
// the result is a's map (both states had it). It returns the entries it
// visited.
func joinVars(out, a, b *state) (work int) {
	if sameMap(a.vars, b.vars) && a.unkept == 0 && b.unkept == 0 {
		a.varsShared, b.varsShared = true, true
		out.vars, out.varsShared = a.vars, true
		return 1
	}
	vars := make(map[string]Value, len(a.vars))
	unkept := 0
	keep := func(k string, v Value) {
		vars[k] = v
		if !selfJoinKeeps(v) {
			unkept++
		}
	}
	for k, v := range a.vars {
		if w, ok := b.vars[k]; ok {
			if sameValue(v, w) && selfJoinKeeps(v) {
				keep(k, v)
			} else {
				keep(k, joinValues(v, w))
			}
		} else if !isFieldPath(k) {
			keep(k, v)
		}
	}
	for k, w := range b.vars {
		if _, ok := a.vars[k]; !ok && !isFieldPath(k) {
			keep(k, w)
		}
	}
	out.vars, out.unkept = vars, unkept
	return len(a.vars) + len(b.vars)
}

// sameMap reports whether two maps are the same map.
func sameMap[K comparable, V any](a, b map[K]V) bool {
	return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
}

// objs returns the objects a dictionary value may be.
func (s *state) objs(v Value) []*Obj {
	if v.Kind != VDict || s.dead {
		return nil
	}
	out := make([]*Obj, 0, len(v.Objs))
	for _, id := range v.Objs {
		if o, ok := s.heap[id]; ok {
			out = append(out, o)
		}
	}
	return out
}
