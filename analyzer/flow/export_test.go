package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// SpecCount returns how many analyses of fn the program has cached
// (specialised ones and the unspecialised one).
func SpecCount(p *Program, fn *model.Func) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for k := range p.cache {
		if k.fn == fn {
			n++
		}
	}
	return n
}

// MaxRounds is the bound on the rounds of a call cycle's fixed point.
const MaxRounds = maxRounds

// SetStepBudget changes the program's step budget (see StepBudget).
func SetStepBudget(p *Program, n int) { p.stepBudget = n }
