package inventory

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Options select what Build lists.
type Options struct {
	// Tests keeps the calls made in test code (a test target, a Tests/
	// directory), which are left out by default: fixtures are not what
	// the app keeps.
	Tests bool
}

// Build makes the inventory of the flow results of a program's files (in
// any order).
func Build(results []*flow.Result, opt Options) *Inventory {
	facts := calls(results, opt)
	var adds, queries []*flow.CallFact
	for _, f := range facts {
		if f.Op == model.OpAdd {
			adds = append(adds, f)
		} else {
			queries = append(queries, f)
		}
	}
	inv := &Inventory{Items: []*Item{}, Queries: []*Query{}}
	groups := group(adds)
	for i, g := range groups {
		inv.Items = append(inv.Items, newItem(i+1, g))
	}
	for _, q := range queries {
		matched := false
		for i, g := range groups {
			certain, possible := relation(g, q)
			if !certain && !possible {
				continue
			}
			matched = true
			u := use(q)
			u.Possible = !certain
			u.Sets = protectionSets(q)
			it := inv.Items[i]
			switch q.Op {
			case model.OpRead:
				it.Reads = append(it.Reads, u)
			case model.OpUpdate:
				it.Updates = append(it.Updates, u)
			case model.OpDelete:
				it.Deletes = append(it.Deletes, u)
			}
		}
		if !matched {
			inv.Queries = append(inv.Queries, newQuery(q))
		}
	}
	for _, it := range inv.Items {
		for _, us := range []*[]Use{&it.Adds, &it.Reads, &it.Updates, &it.Deletes} {
			*us = dedupeUses(*us)
		}
	}
	return inv
}

// calls returns the facts the inventory reads, sorted by position: every
// SecItem call with the dictionary its caller built. Left out are the
// indirect facts (a helper's call with a dictionary of its own, listed
// at the helper), a wrapper's own fact for a dictionary parameter when a
// caller's fact shows what the wrapper receives, and test code unless
// asked for.
func calls(results []*flow.Result, opt Options) []*flow.CallFact {
	var all []*flow.CallFact
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, f := range r.Calls {
			if f == nil || f.Indirect || f.Call == nil || f.Site.File == nil {
				continue
			}
			if !opt.Tests && isTest(f) {
				continue
			}
			all = append(all, f)
		}
	}
	// The calls whose dictionary some fact knows from where it was built.
	built := map[*model.SecItemCall]bool{}
	for _, f := range all {
		if !fromParam(f) {
			built[f.Call] = true
		}
	}
	out := all[:0]
	for _, f := range all {
		if fromParam(f) && built[f.Call] {
			continue
		}
		out = append(out, f)
	}
	sort.SliceStable(out, func(i, j int) bool { return factLess(out[i], out[j]) })
	return out
}

// fromParam reports whether a fact's dictionary is a parameter of its
// function (a wrapper's own view of what it is passed).
func fromParam(f *flow.CallFact) bool {
	return f.Dict == nil || f.Dict.Param >= 0
}

func isTest(f *flow.CallFact) bool {
	p := f.Site.File.Project
	return p != nil && p.Test
}

func factLess(a, b *flow.CallFact) bool {
	if a.Site.File.Path != b.Site.File.Path {
		return a.Site.File.Path < b.Site.File.Path
	}
	if a.Site.Span.Start != b.Site.Span.Start {
		return a.Site.Span.Start < b.Site.Span.Start
	}
	if a.Op != b.Op {
		return a.Op < b.Op
	}
	// The same site: a wrapper call reaching several SecItem calls.
	ca, cb := a.Call.Span.Start, b.Call.Span.Start
	if ca != cb {
		return ca < cb
	}
	return callPath(a) < callPath(b)
}

func callPath(f *flow.CallFact) string {
	if f.Call == nil || f.Via == nil || f.Via.File == nil {
		return ""
	}
	return f.Via.File.Path
}
