package flow

// Call cycles. The functions of a cyclic component of the static call
// graph (callgraph.go) are analysed by a fixed point computed in rounds:
//
//	T(0, k) = unknown (nothing is known of the result, as when recursion
//	          is cut: reference-type arguments may change, the result is
//	          unknown)
//	T(j, k) = the interpretation of k in which every call into k's
//	          component reads T(j-1, ·), and every other call the callee's
//	          final result
//
// for every analysis k (a function and a specialisation). Each T(j, k) is
// computed once (memoised in Program.rounds) and depends on j and k alone,
// never on where the analysis started or on which worker got there first.
//
// k has converged at round j when its round-j and round-j+1 summaries are
// equal (same fingerprint) and so are those of every analysis that round
// j+1 read, transitively: from then on every round repeats. Its final
// result is then T(j+1, k), whose facts were computed from converged
// callee summaries. When k has not converged after maxRounds rounds it is
// widened: its final result is T(maxRounds+1, k), an unrolling of the cycle
// maxRounds+1 calls deep below which every call of the cycle is unknown —
// what the recursion cut gives, one level deeper than a path repeats — so
// the result is as safe as one that converged, only less complete. The
// work for a component is therefore at most maxRounds+1 interpretations
// per analysis of its functions.

// maxRounds bounds the rounds of a cycle's fixed point. Cycles in real
// code (a getter that migrates and reads again, a save that deletes and
// saves) converge in two or three.
const maxRounds = 8

// specCall names an analysis with the binding it was requested with.
type specCall struct {
	key specKey
	b   *specBinding
}

// noteRead records that the interpretation read the previous round of an
// analysis of its own cycle.
func (a *interp) noteRead(key specKey, b *specBinding) {
	if a.readSeen == nil {
		a.readSeen = map[specKey]bool{}
	}
	if !a.readSeen[key] {
		a.readSeen[key] = true
		a.reads = append(a.reads, specCall{key, b})
	}
}

// roundResult returns T(j, key), computing it on first use.
func (p *Program) roundResult(key specKey, b *specBinding, j int, stack []frameKey) (*funcResult, bool) {
	if j == 0 {
		return nil, false
	}
	fk := frameKey{key: key, round: j}
	p.mu.Lock()
	r, ok := p.rounds[fk]
	p.mu.Unlock()
	if ok {
		return r, false
	}
	if p.onStack(stack, fk) {
		return nil, true
	}
	r, tainted := p.interpret(key, b, j, append(stack[:len(stack):len(stack)], fk))
	if !tainted {
		r = remember(&p.mu, p.rounds, fk, r)
	}
	return r, tainted
}

// solve computes the final result of an analysis of a function in a call
// cycle: the first round at which it has converged, or the widened one.
func (p *Program) solve(key specKey, b *specBinding, stack []frameKey) (*funcResult, bool) {
	for j := 1; j <= maxRounds; j++ {
		ok, tainted := p.convergedAt(specCall{key, b}, j, stack)
		if ok || tainted {
			r, t := p.roundResult(key, b, j+1, stack)
			return r, t || tainted
		}
	}
	p.widened.Add(1)
	return p.roundResult(key, b, maxRounds+1, stack)
}

// convergedAt reports whether k has converged at round j: the summaries of
// rounds j and j+1 are equal for k and for every analysis that round j+1
// read, transitively.
func (p *Program) convergedAt(k specCall, j int, stack []frameKey) (ok, tainted bool) {
	seen := map[specKey]bool{k.key: true}
	queue := []specCall{k}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		rj, t1 := p.roundResult(c.key, c.b, j, stack)
		next, t2 := p.roundResult(c.key, c.b, j+1, stack)
		if t1 || t2 {
			return false, true
		}
		if rj == nil || next == nil || rj.fp != next.fp {
			return false, false
		}
		for _, r := range next.reads {
			if !seen[r.key] {
				seen[r.key] = true
				queue = append(queue, r)
			}
		}
	}
	return true, false
}

// Stats is what the flow engine did so far, for tests and benchmarks.
type Stats struct {
	// Interpretations counts function interpretations.
	Interpretations int64
	// Cuts counts calls the safety net cut: call cycles the static call
	// graph did not foresee.
	Cuts int64
	// Widened counts analyses of call cycles that did not converge within
	// maxRounds rounds.
	Widened int64
	// MaxSteps is the largest number of steps one interpretation took
	// (see StepBudget).
	MaxSteps int64
	// LookBacks counts the earlier reads and deletes that calls, returns
	// and throws looked back over (at most LookBack of each per look; see
	// recent).
	LookBacks int64
}

// Stats returns the engine's counters.
func (p *Program) Stats() Stats {
	return Stats{Interpretations: p.interps.Load(), Cuts: p.cuts.Load(), Widened: p.widened.Load(), MaxSteps: p.maxSteps.Load(), LookBacks: p.lookBacks.Load()}
}
