package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// nestedLoops is a delete inside depth nested loops: each loop's body is
// interpreted twice, so the steps double with every level.
func nestedLoops(b *builder, depth int) []model.Stmt {
	body := []model.Stmt{b.del("q")}
	for i := 0; i < depth; i++ {
		body = []model.Stmt{&model.Loop{Kind: model.LoopWhile, Cond: b.ident("more"), Body: body, Span: b.span()}}
	}
	return body
}

// TestStepBudget: a function whose interpretation would take 2⁴⁰ steps
// stops at the step budget; its file is reported as cut there, its call
// facts are dropped (not guessed from the paths it saw), and the other
// functions of the file are analysed as usual.
func TestStepBudget(t *testing.T) {
	b := &builder{}
	hostile := append([]model.Stmt{b.decl("q", "a")}, nestedLoops(b, 40)...)
	f := b.file(hostile)
	plain := &model.Func{Kind: model.FuncFunction, Name: "g", Body: []model.Stmt{b.decl("p", "b"), b.del("p")}, File: f, Span: b.span()}
	f.Funcs = append(f.Funcs, plain)
	f.Src = make([]byte, b.pos)

	prog := flow.NewProgram([]*model.File{f}, 0)
	facts := prog.FileResult(f).Calls
	st := prog.Stats()
	if st.MaxSteps > flow.StepBudget+1 {
		t.Errorf("an interpretation took %d steps, over the budget of %d", st.MaxSteps, flow.StepBudget)
	}
	cut := prog.BudgetCut(f)
	if len(cut) != 1 || cut[0] != f.Funcs[0].Span {
		t.Errorf("budget cut %v, want the hostile function %v", cut, f.Funcs[0].Span)
	}
	if len(facts) != 1 || facts[0].Func != plain {
		t.Errorf("want only the other function's delete, got %d facts", len(facts))
	}

	// Under the budget nothing is cut: the same loops 8 deep.
	b = &builder{}
	f = b.file(append([]model.Stmt{b.decl("q", "a")}, nestedLoops(b, 8)...))
	prog = flow.NewProgram([]*model.File{f}, 0)
	if facts := prog.FileResult(f).Calls; len(facts) != 1 || len(prog.BudgetCut(f)) != 0 {
		t.Errorf("8 nested loops: %d facts, cut %v; want the delete and no cut", len(facts), prog.BudgetCut(f))
	}
	// A smaller budget cuts them (the budget is what decides).
	prog = flow.NewProgram([]*model.File{f}, 0)
	flow.SetStepBudget(prog, 100)
	if facts := prog.FileResult(f).Calls; len(facts) != 0 || len(prog.BudgetCut(f)) != 1 {
		t.Errorf("budget 100: %d facts, cut %v; want none and the function", len(facts), prog.BudgetCut(f))
	}
}
