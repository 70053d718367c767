package driver

import "sync/atomic"

// Progress counts a run's work while it goes on, for a progress indicator
// (Config.Progress): the run adds to the counters as it goes, and another
// goroutine may load them at any time. The counts are approximate views of
// a moving run; the result never depends on them.
type Progress struct {
	// Found counts the inputs the walk has found so far; Walked is set
	// when the walk has ended, and Found is then the number of inputs.
	Found  atomic.Int64
	Walked atomic.Bool
	// Read counts the inputs read and prefiltered (round 1).
	Read atomic.Int64
	// Parsed counts the files parsed, in either round.
	Parsed atomic.Int64
	// ToAnalyse is set to the number of parsed files when the analysis
	// starts (0 before); Analysed counts those done.
	ToAnalyse atomic.Int64
	Analysed  atomic.Int64
}

// The methods below do nothing on a nil *Progress, so that the run need
// not test for one.

func (p *Progress) found() {
	if p != nil {
		p.Found.Add(1)
	}
}

func (p *Progress) walked(n int) {
	if p != nil {
		p.Found.Store(int64(n))
		p.Walked.Store(true)
	}
}

func (p *Progress) read() {
	if p != nil {
		p.Read.Add(1)
	}
}

func (p *Progress) parsed() {
	if p != nil {
		p.Parsed.Add(1)
	}
}

func (p *Progress) analysing(n int) {
	if p != nil {
		p.ToAnalyse.Store(int64(n))
	}
}

func (p *Progress) analysed() {
	if p != nil {
		p.Analysed.Add(1)
	}
}
