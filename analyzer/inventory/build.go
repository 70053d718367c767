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
// SecItem call with the dictionary that names its item most precisely.
// A fact whose dictionary, or whose identity or protection, comes from a
// parameter of its function (a wrapper's q, a helper's account) is
// superseded by the facts of the calls of that function, where the
// engine substituted the arguments (set(d, forKey: "token") adds the item
// "token"); a caller's fact that only repeats a helper's own is left out.
// Test code is left out unless asked for: its calls neither make items
// nor supersede a helper's.
func calls(results []*flow.Result, opt Options) []*flow.CallFact {
	var all []*flow.CallFact
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, f := range r.Calls {
			if f == nil || f.Call == nil || f.Site.File == nil || f.Func == nil {
				continue
			}
			if !opt.Tests && isTest(f) {
				continue
			}
			all = append(all, f)
		}
	}
	type at struct {
		call *model.SecItemCall
		fn   *model.Func
	}
	in := map[at][]*flow.CallFact{}      // the facts of a SecItem call made in a function
	callers := map[at][]*flow.CallFact{} // the facts of a SecItem call made by calling a function
	for _, f := range all {
		in[at{f.Call, f.Func}] = append(in[at{f.Call, f.Func}], f)
		if c := callee(f); c != nil && c != f.Func {
			callers[at{f.Call, c}] = append(callers[at{f.Call, c}], f)
		}
	}
	// A fact is superseded when a call of its function passes something
	// that names the item more precisely (a dictionary for a wrapper's
	// parameter, a constant for a helper's account), or is itself
	// superseded (a chain of wrappers); a caller that only passes its own
	// parameter on does not supersede it (a library's overloads stay one
	// item). Call cycles are cut: a fact being decided counts as kept.
	memo := map[*flow.CallFact]bool{}
	var superseded func(f *flow.CallFact) bool
	superseded = func(f *flow.CallFact) bool {
		if v, ok := memo[f]; ok {
			return v
		}
		memo[f] = false
		if !paramDependent(f) {
			return false
		}
		for _, g := range callers[at{f.Call, f.Func}] {
			if morePrecise(g, f) || superseded(g) {
				memo[f] = true
				return true
			}
		}
		return false
	}
	keep := func(f *flow.CallFact) bool {
		if superseded(f) {
			return false
		}
		if !f.Indirect {
			return true
		}
		// A helper's call with its own dictionary: listed at the caller
		// only when the helper's own fact gave way to its callers'.
		if f.Dict == nil {
			return false
		}
		for _, h := range in[at{f.Call, callee(f)}] {
			if superseded(h) {
				return true
			}
		}
		return false
	}
	var out []*flow.CallFact
	for _, f := range all {
		if keep(f) {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return factLess(out[i], out[j]) })
	return out
}

// morePrecise reports whether a caller's fact g knows more of the item
// than the fact f of the function it calls: a dictionary where f had a
// parameter, or a constant for an attribute that f took from a parameter.
func morePrecise(g, f *flow.CallFact) bool {
	if g.Dict == nil {
		return false
	}
	if f.Dict == nil || f.Dict.Param >= 0 {
		return g.Dict.Param < 0
	}
	for _, names := range [][]string{{"kSecClass"}, identifying, protection} {
		for _, name := range names {
			ef, ok := f.Dict.Lookup(name)
			if !ok || ef.ValueParam < 0 {
				continue
			}
			if eg, ok := g.Dict.Lookup(name); ok && !eg.UnknownValue && len(eg.Values) > 0 {
				return true
			}
		}
	}
	return false
}

// callee is the function a fact's call site calls (nil for a SecItem call
// made there directly).
func callee(f *flow.CallFact) *model.Func {
	if f.Callee != nil {
		return f.Callee
	}
	return f.Via
}

// paramDependent reports whether what names or protects a fact's item
// comes from a parameter of its function: the dictionary itself, or the
// class, an identifying or a protection attribute. The data does not
// count: a saveToken(_ data:) with a constant identity is its own item.
func paramDependent(f *flow.CallFact) bool {
	if f.Dict == nil || f.Dict.Param >= 0 {
		return true
	}
	for _, names := range [][]string{{"kSecClass"}, identifying, protection} {
		for _, name := range names {
			if e, ok := f.Dict.Lookup(name); ok && e.ValueParam >= 0 {
				return true
			}
		}
	}
	return false
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
