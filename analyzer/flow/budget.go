package flow

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The analysis budget. Every interpretation of a function counts its steps
// (statements executed and expressions evaluated); one that exceeds
// StepBudget stops, and its function counts as not analysed: it reports no
// call facts (a fact joined over only some paths could claim a key is
// absent that a later path adds), its callers see nothing known of it (as
// for a call that cannot be resolved), and its file is reported as
// partially analysed (Program.BudgetCut), never silently.
//
// The budget is per interpretation, not per file, so that it is
// deterministic: an interpretation's steps depend on the function and its
// specialisation alone, while the order in which a file's functions (and
// the helpers of other files they call) are analysed depends on the
// workers. The work for a file is still bounded: each function has a
// bounded number of analyses (specialisations, rounds of a call cycle).
//
// The largest interpretation in the real corpus (the 22 repositories of
// /work/corpus, 9,200 files, 222 with keychain code) takes 5,307 steps;
// StepBudget is 47 times that. A generated function of 20,000 dictionary
// and delete pairs (12 steps each) still fits. What runs out of it is
// hostile or pathological code, such as loops nested dozens deep (each
// loop's body is interpreted twice, so the steps double per level). A
// step costs from a fraction of a microsecond to a few (a state copy at a
// branch), and up to a few kilobytes when it is a SecItem call: the budget
// bounds one interpretation to about a second and a few hundred megabytes.
const StepBudget = 250_000

// spend counts one step; it reports whether the budget has run out.
func (a *interp) spend() bool {
	if a.exhausted {
		return true
	}
	a.steps++
	if a.steps > a.budget {
		a.exhausted = true
	}
	return a.exhausted
}

// recordCut records that an analysis of fn ran out of its budget.
func (p *Program) recordCut(fn *model.Func) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.budgetCut == nil {
		p.budgetCut = map[*model.File]map[*model.Func]bool{}
	}
	if p.budgetCut[fn.File] == nil {
		p.budgetCut[fn.File] = map[*model.Func]bool{}
	}
	p.budgetCut[fn.File][fn] = true
}

// BudgetCut returns the spans of the functions of f whose analysis ran out
// of the step budget, in source order.
func (p *Program) BudgetCut(f *model.File) []model.Span {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []model.Span
	for fn := range p.budgetCut[f] {
		out = append(out, fn.Span)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// join joins two states and charges its work to the budget, one step per
// joinEntriesPerStep entries of the states' tables it visited. A join costs the size of the
// tables where the states differ (variables, heap, statuses), not one
// step, and an interpretation can join many times: n paths that leave a
// function early, each with n variables, are n² work in joins while the
// statements are only 2n steps. Counting the work keeps the budget a bound
// on time. On the real corpus it leaves the largest interpretation at
// 5,307 steps: real joins are small.
func (a *interp) join(x, y *state) *state {
	if a.exhausted {
		// The interpretation's result is dropped (see interpret): stop
		// working for it.
		return deadState()
	}
	out, work := joinCounted(x, y)
	a.joinWork += work
	for a.joinWork >= joinEntriesPerStep && !a.spend() {
		a.joinWork -= joinEntriesPerStep
	}
	return out
}

// joinEntriesPerStep is the work of a join that counts as one step: a
// join visits the recent changes of two status tables (up to foldAt each)
// and the few maps a branch changed, which costs about what a statement
// costs (a copy of a state costs the same recent changes); only joins of
// large tables that differ cost more than a step.
const joinEntriesPerStep = foldAt

// joinAll joins a list of states and charges the work to the budget.
func (a *interp) joinAll(states ...*state) *state {
	out := deadState()
	for _, s := range states {
		out = a.join(out, s)
	}
	return out
}
