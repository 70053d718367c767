package inventory

import (
	"path/filepath"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// group partitions the adds (in position order) into items: two adds are
// one item when they certainly name the same item (rulekit.SameItem, the
// rules' own test, or one unchanged dictionary object added twice), and
// so is every add connected to them that way. The groups, and the adds in
// each, keep the order of the adds.
func group(adds []*flow.CallFact) [][]*flow.CallFact {
	parent := make([]int, len(adds))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// An add that retries another with the same dictionary object,
	// unchanged, adds the same item, whatever the engine knows of it.
	byFunc := map[*model.Func][]int{}
	for i, a := range adds {
		for _, j := range byFunc[a.Func] {
			if sameDict(adds[j].Dict, a.Dict) {
				union(parent, find, j, i)
			}
		}
		byFunc[a.Func] = append(byFunc[a.Func], i)
	}
	// Only adds of one known class can be the same item: compare within
	// each class (quadratic in the adds of a class, which real apps count
	// in tens).
	byClass := map[string][]int{}
	var classes []string
	for i, a := range adds {
		c, ok := classOf(a)
		if !ok {
			continue
		}
		if byClass[c.Short] == nil {
			classes = append(classes, c.Short)
		}
		byClass[c.Short] = append(byClass[c.Short], i)
	}
	for _, short := range classes {
		idx := byClass[short]
		class, _ := keychain.LookupClass(short)
		for x, i := range idx {
			for _, j := range idx[x+1:] {
				if find(i) == find(j) {
					continue
				}
				if rulekit.SameItem(adds[i].Dict, adds[j].Dict, class, adds[j].Func) {
					union(parent, find, i, j)
				}
			}
		}
	}
	var out [][]*flow.CallFact
	slot := map[int]int{}
	for i, a := range adds {
		r := find(i)
		k, ok := slot[r]
		if !ok {
			k = len(out)
			slot[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], a)
	}
	return out
}

// union joins the groups of i and j; the smaller index is the root, so
// that groups stay in the order of their first add.
func union(parent []int, find func(int) int, i, j int) {
	ri, rj := find(i), find(j)
	if ri < rj {
		parent[rj] = ri
	} else if rj < ri {
		parent[ri] = rj
	}
}

// sameDict reports whether two calls received one dictionary object in
// the same state: the same keys, written at the same places, with the
// same values (a retry of the call, or the add after a failed one).
func sameDict(a, b *flow.DictState) bool {
	if a == nil || b == nil || !sharesObject(a, b) || a.Complete != b.Complete || len(a.Entries) != len(b.Entries) {
		return false
	}
	for k, ea := range a.Entries {
		eb, ok := b.Entries[k]
		if !ok || ea.Must != eb.Must || ea.UnknownValue != eb.UnknownValue || ea.ValueSite != eb.ValueSite ||
			!slices.Equal(ea.Sites, eb.Sites) || !slices.EqualFunc(ea.Values, eb.Values, func(x, y flow.Const) bool { return constText(x) == constText(y) }) {
			return false
		}
	}
	return true
}

func sharesObject(a, b *flow.DictState) bool {
	for _, x := range a.Objs {
		if x != 0 && slices.Contains(b.Objs, x) {
			return true
		}
	}
	return false
}

func classOf(f *flow.CallFact) (*keychain.Class, bool) {
	if f.Dict == nil {
		return nil, false
	}
	return f.Dict.Class()
}

// relation tells whether a query certainly names the item of a group (it
// is the same item as one of its adds by rulekit.SameItem), or possibly.
// Possibly means: its class is the item's, and each attribute the keychain
// finds items by (the class's identifying attributes, the access group)
// that both set is linked: the same constant, the same expression written
// once (a shared helper's self.service), or two unknown values in the code
// of one type (or, outside types, one file), such as save(account:) and
// load(account:) of a store, which the engine cannot tell apart. An
// attribute a complete query leaves out makes it broader, so it may match
// (an incomplete dictionary may hold it: an unknown value); two unrelated
// unknown values are not assumed equal, and two different constants rule
// the item out.
func relation(adds []*flow.CallFact, q *flow.CallFact) (certain, possible bool) {
	qc, ok := classOf(q)
	if !ok {
		return false, false
	}
	for _, a := range adds {
		ac, ok := classOf(a)
		if !ok || ac.Short != qc.Short {
			continue
		}
		if rulekit.SameItem(a.Dict, q.Dict, qc, q.Func) {
			return true, true
		}
		if linked(a, q, qc) {
			possible = true
		}
	}
	return false, possible
}

func linked(a, q *flow.CallFact, class *keychain.Class) bool {
	names := []string{"kSecAttrAccessGroup"}
	for _, alt := range class.Identifying {
		names = append(names, alt...)
	}
	for _, name := range names {
		ea, oka := a.Dict.Lookup(name)
		eq, okq := q.Dict.Lookup(name)
		if !oka || !okq {
			// A complete query without the attribute is broader; a
			// dictionary with contributions the engine could not follow
			// may hold it, with a value as unknown as any.
			if ((!okq && !q.Dict.Complete) || (!oka && !a.Dict.Complete)) && !sameUnit(a, q) {
				return false
			}
			continue
		}
		if disjoint(ea, eq) || !sameSource(ea, eq, a, q) {
			return false
		}
	}
	return true
}

// sameSource reports whether two entries may hold the same value for a
// reason the code shows (see relation).
func sameSource(ea, eq *flow.Entry, a, q *flow.CallFact) bool {
	for _, x := range ea.Values {
		for _, y := range eq.Values {
			if t := constText(x); t != "" && t == constText(y) {
				return true
			}
		}
	}
	if !unknownValue(ea) || !unknownValue(eq) {
		return false
	}
	if ea.ValueSite.File != nil && ea.ValueSite == eq.ValueSite {
		return true
	}
	return sameUnit(a, q)
}

func unknownValue(e *flow.Entry) bool { return e.UnknownValue || len(e.Values) == 0 }

// sameUnit reports whether two calls are made by methods of one type (of
// one module: two packages may each define a KeychainStore), or, outside
// types, in one file.
func sameUnit(a, q *flow.CallFact) bool {
	if a.Func == nil || q.Func == nil {
		return false
	}
	if a.Func.Owner == "" && q.Func.Owner == "" {
		return a.Site.File == q.Site.File
	}
	return a.Func.Owner == q.Func.Owner && sameModule(a.Site.File, q.Site.File)
}

// sameModule reports whether two files are built by the same module (its
// project's, else their directory).
func sameModule(a, b *model.File) bool {
	if a == b {
		return true
	}
	if a.Project != nil && b.Project != nil && a.Project.Module != "" && b.Project.Module != "" {
		return a.Project.Module == b.Project.Module
	}
	return filepath.Dir(a.Path) == filepath.Dir(b.Path)
}

// disjoint reports whether two entries certainly hold different values:
// each is present on every path and holds only known constants, and they
// share none.
func disjoint(a, b *flow.Entry) bool {
	if !a.Must || !b.Must || a.UnknownValue || b.UnknownValue || len(a.Values) == 0 || len(b.Values) == 0 {
		return false
	}
	for _, x := range a.Values {
		for _, y := range b.Values {
			if constText(x) == constText(y) {
				return false
			}
		}
	}
	return true
}
