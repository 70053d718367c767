package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// state is the abstract state on one path (or a join of paths).
type state struct {
	dead bool
	vars map[string]Value
	heap map[objID]*Obj
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

func newState(plat model.Platform) *state {
	return &state{vars: map[string]Value{}, heap: map[objID]*Obj{}, status: newStatusTab(), plat: plat}
}

func deadState() *state { return &state{dead: true} }

func (s *state) copy() *state {
	if s.dead {
		return deadState()
	}
	c := &state{vars: make(map[string]Value, len(s.vars)), heap: make(map[objID]*Obj, len(s.heap)),
		status: s.status.copy(), plat: s.plat, deleted: append([]*CallFact(nil), s.deleted...)}
	if len(s.branch) > 0 {
		c.branch = make(map[callID]Site, len(s.branch))
		for k, v := range s.branch {
			c.branch[k] = v
		}
	}
	for k, v := range s.vars {
		c.vars[k] = v
	}
	for k, o := range s.heap {
		c.heap[k] = o.clone()
	}
	return c
}

// join merges two path states; dead states are the identity.
func join(a, b *state) *state {
	if a == nil || a.dead {
		if b == nil {
			return deadState()
		}
		return b
	}
	if b == nil || b.dead {
		return a
	}
	out := &state{vars: map[string]Value{}, heap: map[objID]*Obj{}, status: joinStatus(&a.status, &b.status), plat: a.plat | b.plat}
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
	for k, v := range a.vars {
		if w, ok := b.vars[k]; ok {
			out.vars[k] = joinValues(v, w)
		} else if !isFieldPath(k) {
			out.vars[k] = v
		}
	}
	for k, w := range b.vars {
		if _, ok := a.vars[k]; !ok && !isFieldPath(k) {
			out.vars[k] = w
		}
	}
	for k, o := range a.heap {
		if p, ok := b.heap[k]; ok {
			out.heap[k] = joinObj(o, p)
		} else {
			out.heap[k] = o
		}
	}
	for k, p := range b.heap {
		if _, ok := a.heap[k]; !ok {
			out.heap[k] = p
		}
	}
	return out
}

// joinAll joins a list of states.
func joinAll(states ...*state) *state {
	out := deadState()
	for _, s := range states {
		out = join(out, s)
	}
	return out
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
