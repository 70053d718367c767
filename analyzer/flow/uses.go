package flow

import (
	"iter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Uses of a dictionary. Every SecItem call that receives an object adds a
// use to it, and every later call that receives the object sees all of
// them (CallFact.PriorUses). Copying them per call, per path and per join
// made the engine cubic in the calls on one dictionary; instead the uses
// live in persistent lists that states, objects and facts share.
//
// A useList is an append-only list in creation order, kept as a chain of
// segments: the first pn uses of the parent segment's list followed by the
// segment's own items. Appending to the longest view of a segment extends
// it in place (no other view sees past its own length), so a path that
// only appends never copies; a branch that appends where another already
// did starts a segment of its own. Joining two lists keeps their common
// prefix shared and merges the rest (by creation index), so a join costs
// what the paths added since they parted, not what they share.
//
// Each object keeps one list per SecItem operation, so that a rule asking
// for the earlier calls of other operations (reuseddict) skips the calls
// of its own in one step: a dictionary deleted 100,000 times costs one
// step per delete, not one per earlier delete.

const nOps = int(model.OpDelete) + 1

// useSeg is one segment of a use list.
type useSeg struct {
	parent *useSeg
	pn     int // the parent's uses that precede items
	depth  int
	items  []Use
	idx    []int // each item's creation index (the order of uses)
}

// useList is the first n items of seg (after its parent's prefix).
type useList struct {
	seg *useSeg
	n   int
}

func (l useList) empty() bool { return l.seg == nil }

// add appends a use with creation index i.
func (l useList) add(u Use, i int) useList {
	if l.seg != nil && l.n == len(l.seg.items) {
		l.seg.items = append(l.seg.items, u)
		l.seg.idx = append(l.seg.idx, i)
		return useList{l.seg, l.n + 1}
	}
	s := &useSeg{items: []Use{u}, idx: []int{i}}
	if l.seg != nil {
		s.parent, s.pn, s.depth = l.seg, l.n, l.seg.depth+1
	}
	return useList{s, 1}
}

// up returns the list's prefix before its segment's items.
func (l useList) up() useList {
	if l.seg.parent == nil {
		return useList{}
	}
	return useList{l.seg.parent, l.seg.pn}
}

// union returns the uses of both lists, in creation order, each once.
func union(a, b useList) useList {
	switch {
	case a == b || b.empty():
		return a
	case a.empty():
		return b
	}
	// Walk both lists up to their common prefix, collecting what each has
	// beyond it (segments, last first).
	var extraA, extraB []useList
	x, y := a, b
	for x.seg != y.seg {
		if y.seg == nil || (x.seg != nil && x.seg.depth >= y.seg.depth) {
			extraA = append(extraA, x)
			x = x.up()
		} else {
			extraB = append(extraB, y)
			y = y.up()
		}
	}
	common := x
	if y.n < x.n {
		common = y
	}
	if x.n > common.n {
		extraA = append(extraA, useList{x.seg, x.n})
	}
	if y.n > common.n {
		extraB = append(extraB, useList{y.seg, y.n})
	}
	itemsA, idxA := flatten(extraA, common)
	itemsB, idxB := flatten(extraB, common)
	switch {
	case len(itemsB) == 0:
		return a
	case len(itemsA) == 0:
		return b
	}
	s := &useSeg{}
	if common.seg != nil {
		s.parent, s.pn, s.depth = common.seg, common.n, common.seg.depth+1
	}
	i, j := 0, 0
	for i < len(itemsA) || j < len(itemsB) {
		switch {
		case j == len(itemsB) || (i < len(itemsA) && idxA[i] < idxB[j]):
			s.items, s.idx = append(s.items, itemsA[i]), append(s.idx, idxA[i])
			i++
		case i == len(itemsA) || idxB[j] < idxA[i]:
			s.items, s.idx = append(s.items, itemsB[j]), append(s.idx, idxB[j])
			j++
		default: // the same use, copied into both by an earlier join
			s.items, s.idx = append(s.items, itemsA[i]), append(s.idx, idxA[i])
			i++
			j++
		}
	}
	return useList{s, len(s.items)}
}

// flatten returns, in order, the items of the segments (given last first)
// that come after the common prefix.
func flatten(segs []useList, common useList) ([]Use, []int) {
	var items []Use
	var idx []int
	for k := len(segs) - 1; k >= 0; k-- {
		l := segs[k]
		from := 0
		if l.seg == common.seg {
			from = common.n
		}
		items = append(items, l.seg.items[from:l.n]...)
		idx = append(idx, l.seg.idx[from:l.n]...)
	}
	return items, idx
}

// cursor iterates a list in creation order.
type cursor struct {
	segs []useList // the list's segments, last first
	k, i int
}

func newCursor(l useList) *cursor {
	c := &cursor{}
	for ; !l.empty(); l = l.up() {
		c.segs = append(c.segs, l)
	}
	c.k = len(c.segs) - 1
	return c
}

// peek returns the next use and its index; ok is false at the end.
func (c *cursor) peek() (Use, int, bool) {
	for c.k >= 0 {
		l := c.segs[c.k]
		if c.i < l.n {
			return l.seg.items[c.i], l.seg.idx[c.i], true
		}
		c.k--
		c.i = 0
	}
	return Use{}, 0, false
}

func (c *cursor) next() { c.i++ }

// objUses are an object's uses, one list per operation of the calls.
type objUses [nOps]useList

func (u *objUses) add(use Use, i int) {
	op := use.Fact.Op
	u[op] = u[op].add(use, i)
}

func unionUses(a, b objUses) objUses {
	var out objUses
	for op := range a {
		out[op] = union(a[op], b[op])
	}
	return out
}

// Uses are the earlier SecItem calls that received a call's dictionary
// (see CallFact.PriorUses): shared with the objects they came from, never
// copied.
type Uses struct {
	// srcs are the objects' uses at each visit of the call, in order.
	srcs []objUses
}

// All yields every earlier use, in the order of the calls, each (call,
// role) once (its first use).
func (u Uses) All() iter.Seq[Use] {
	return func(yield func(Use) bool) { u.each(func(model.Op) bool { return true }, yield) }
}

// OfOp yields the uses like All, by calls of operation op only.
func (u Uses) OfOp(op model.Op) iter.Seq[Use] {
	return func(yield func(Use) bool) { u.each(func(o model.Op) bool { return o == op }, yield) }
}

// OtherOps yields the uses like All, by calls of other operations than op.
func (u Uses) OtherOps(op model.Op) iter.Seq[Use] {
	return func(yield func(Use) bool) { u.each(func(o model.Op) bool { return o != op }, yield) }
}

// Len returns how many uses All yields.
func (u Uses) Len() int {
	n := 0
	for range u.All() {
		n++
	}
	return n
}

type useKey struct {
	fact *CallFact
	role model.Role
}

func (u Uses) each(keep func(model.Op) bool, fn func(Use) bool) {
	var seen map[useKey]bool
	for _, src := range u.srcs {
		var curs []*cursor
		for op := range src {
			if keep(model.Op(op)) && !src[op].empty() {
				curs = append(curs, newCursor(src[op]))
			}
		}
		for {
			// The next use of all operations, by creation index.
			best := -1
			var bu Use
			bi := 0
			for k, c := range curs {
				if x, i, ok := c.peek(); ok && (best < 0 || i < bi) {
					best, bu, bi = k, x, i
				}
			}
			if best < 0 {
				break
			}
			curs[best].next()
			if len(u.srcs) > 1 || bu.Fact.visits > 1 {
				// The same call may come again (a loop's second pass, a
				// later visit): only its first use counts.
				k := useKey{bu.Fact, bu.Role}
				if seen == nil {
					seen = map[useKey]bool{}
				}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			if !fn(bu) {
				return
			}
		}
	}
}
