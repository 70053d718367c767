package flow

// statusTab is a state's status table: for every SecItem call made on the
// path, the outcomes its status may still have. Most entries never change
// once made (a delete whose status nobody tests), so a table is a list of
// immutable levels shared by every state derived from it, plus a small map
// of its own recent changes (at most foldAt before they become a level).
// Copying a state at a branch costs its recent changes, not the function's
// calls; joining two states that share their levels costs their recent
// changes. Levels are merged like a binary counter (a new level absorbs the
// older ones no more than twice its size), so each entry is copied
// O(log n) times and a lookup visits O(log n) levels. Before, one read
// followed by n deletes each under `if status …` copied and joined n
// statuses per branch (quadratic).
type statusTab struct {
	levels []*statusLevel // oldest first
	over   map[callID]StatusSet
}

// statusLevel is an immutable part of a table; tested lists its entries
// that carry the Tested mark (see testedMarks).
type statusLevel struct {
	m      map[callID]StatusSet
	tested []callID
}

// foldAt is the number of recent changes a table keeps before they become
// a level.
const foldAt = 64

func newStatusTab() statusTab { return statusTab{over: map[callID]StatusSet{}} }

// get returns a status and whether the call was made on the path.
func (t *statusTab) get(id callID) (StatusSet, bool) {
	if v, ok := t.over[id]; ok {
		return v, true
	}
	for i := len(t.levels) - 1; i >= 0; i-- {
		if v, ok := t.levels[i].m[id]; ok {
			return v, true
		}
	}
	return 0, false
}

func (t *statusTab) set(id callID, v StatusSet) { t.over[id] = v }

// copy returns a table with the same statuses that t's later changes do
// not affect (nor the copy's t).
func (t *statusTab) copy() statusTab {
	if len(t.over) > foldAt {
		t.fold()
	}
	c := statusTab{levels: t.levels[:len(t.levels):len(t.levels)], over: make(map[callID]StatusSet, len(t.over))}
	for k, v := range t.over {
		c.over[k] = v
	}
	return c
}

// eachTested calls fn with the current value of every status that may
// carry the Tested mark (the recent changes, and the levels' marked
// entries); a status may come more than once.
func (t *statusTab) eachTested(fn func(callID, StatusSet)) {
	for _, l := range t.levels {
		for _, k := range l.tested {
			if v, _ := t.get(k); v.IsTested() {
				fn(k, v)
			}
		}
	}
	for k, v := range t.over {
		fn(k, v)
	}
}

// joinStatus merges the tables of two paths: a status is there when it is
// on either path, with the outcomes of both. Only what the paths do not
// share is visited.
func joinStatus(a, b *statusTab) (statusTab, int) {
	n, work := 0, 0
	for n < len(a.levels) && n < len(b.levels) && a.levels[n] == b.levels[n] {
		n++
	}
	out := statusTab{levels: a.levels[:n:n], over: map[callID]StatusSet{}}
	add := func(k callID) {
		work++
		if _, done := out.over[k]; done {
			return
		}
		va, _ := a.get(k)
		vb, _ := b.get(k)
		out.over[k] = va | vb
	}
	for _, t := range []*statusTab{a, b} {
		for _, l := range t.levels[n:] {
			for k := range l.m {
				add(k)
			}
		}
		for k := range t.over {
			add(k)
		}
	}
	if len(out.over) > foldAt {
		out.fold()
	}
	return out, work
}

// fold makes the recent changes a level, merging the levels no larger than
// twice its size into it.
func (t *statusTab) fold() {
	m := t.over
	levels := t.levels
	for len(levels) > 0 && len(levels[len(levels)-1].m) <= 2*len(m) {
		older := levels[len(levels)-1]
		merged := make(map[callID]StatusSet, len(older.m)+len(m))
		for k, v := range older.m {
			merged[k] = v
		}
		for k, v := range m {
			merged[k] = v
		}
		m = merged
		levels = levels[:len(levels)-1]
	}
	l := &statusLevel{m: m}
	for k, v := range m {
		if v.IsTested() {
			l.tested = append(l.tested, k)
		}
	}
	t.levels = append(levels[:len(levels):len(levels)], l)
	t.over = map[callID]StatusSet{}
}
