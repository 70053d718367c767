package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// LookBack is how many of a function's most recent reads (and, for an add,
// deletes) a SecItem call, a return or a throw looks back over to learn
// which earlier outcomes still reach it (CallFact.Earlier, a helper's
// ReadOK and ReadFail).
//
// Looking back over all of them costs, for n reads followed by n adds (or
// n returns), n² steps: a generated or hostile function of 10⁵ calls would
// not finish. The bound keeps each look constant. It is well above real
// code: the most calls of one operation in one function of the real corpus
// (the 22 repositories of docs/real-world.md) is 80, and a finding links
// calls a few statements apart. What the bound loses, in a function with
// more, is the link from an add or delete to a read far before it: a
// finding less, never a wrong one.
const LookBack = 256

// recent returns the ids of the function's calls of op recorded so far,
// the last LookBack of them, in the order they were first reached.
func (a *interp) recent(op model.Op) []callID {
	ids := a.idsByOp[op]
	if len(ids) > LookBack {
		ids = ids[len(ids)-LookBack:]
	}
	a.lookBacks += len(ids)
	return ids
}
