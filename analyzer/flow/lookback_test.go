package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// readsThenAdds is n × (let q_i = …; let s_i = SecItemCopyMatching(q_i)),
// then n × (SecItemDelete(q_i); SecItemAdd(q_i)): every delete and add
// follows every read, and every add every delete.
func readsThenAdds(n int) *model.File {
	b := &builder{}
	var body []model.Stmt
	for i := 0; i < n; i++ {
		body = append(body, b.decl(name("q", i), name("a", i)), b.read(name("s", i), name("q", i)))
	}
	for i := 0; i < n; i++ {
		body = append(body, b.del(name("q", i)), b.add(name("q", i)))
	}
	return b.file(body)
}

// readsThenReturns is n reads, then n × `if s_i != errSecSuccess { return
// false }`: every return looks at the reads before it.
func readsThenReturns(n int) *model.File {
	b := &builder{}
	var body []model.Stmt
	for i := 0; i < n; i++ {
		body = append(body, b.decl(name("q", i), name("a", i)), b.read(name("s", i), name("q", i)))
	}
	for i := 0; i < n; i++ {
		body = append(body, b.ifFailed(name("s", i), b.ret(&model.BoolLit{Value: false, Span: b.span()})))
	}
	return b.file(body)
}

// readsThenExclusions is n reads, then n × `if s_i == errSecItemNotFound {
// return false }`: a status told apart from one failure code makes every
// later exit record the statuses of the calls before it (StatusExit).
func readsThenExclusions(n int) *model.File {
	b := &builder{}
	var body []model.Stmt
	for i := 0; i < n; i++ {
		body = append(body, b.decl(name("q", i), name("a", i)), b.read(name("s", i), name("q", i)))
	}
	for i := 0; i < n; i++ {
		cmp := &model.StatusCmp{X: b.ident(name("s", i)), Equal: true, Code: -25300, CodeName: "errSecItemNotFound", Span: b.span()}
		body = append(body, &model.If{Cond: cmp, Then: []model.Stmt{b.ret(&model.BoolLit{Value: false, Span: b.span()})}, Span: b.span()})
	}
	return b.file(body)
}

// A call, a return or a throw looks back over at most flow.LookBack reads
// and deletes: n reads followed by n adds (or returns) is linear work, where
// it was n² (issue 9: each add recorded every earlier read and delete).
func TestLookBackIsBounded(t *testing.T) {
	// The bound is asserted with the number itself, so that a LookBack
	// raised without bound fails here.
	const lookBack = 256
	if flow.LookBack > lookBack {
		t.Fatalf("LookBack is %d, want at most %d", flow.LookBack, lookBack)
	}
	for _, c := range []struct {
		name  string
		n     int
		file  *model.File
		looks int // looks per statement that looks back
	}{
		{"n reads, then n deletes and adds", 5_000, readsThenAdds(5_000), 3},
		// Fewer: the joins of n early returns are n² work, which the budget
		// counts (TestJoinWorkIsCharged).
		{"n reads, then n failure returns", 300, readsThenReturns(300), 1},
		// Twice per return: for the reads' statuses and for its StatusExit.
		{"n reads, then n returns after one failure code", 300, readsThenExclusions(300), 2},
	} {
		n := c.n
		t.Run(c.name, func(t *testing.T) {
			prog := flow.NewProgram([]*model.File{c.file}, 0)
			flow.SetStepBudget(prog, 10*flow.StepBudget)
			facts := prog.FileResult(c.file).Calls
			if len(facts) < n {
				t.Fatalf("%d facts, want at least %d", len(facts), n)
			}
			got := prog.Stats().LookBacks
			// Each looking statement visits at most LookBack calls of each
			// operation it looks at; the function's end looks like a return.
			limit := int64(c.looks * (n + 1) * lookBack)
			t.Logf("%d look-backs for %d calls (limit %d)", got, n, limit)
			if got > limit {
				t.Errorf("%d look-backs, want at most %d (%d per look)", got, limit, lookBack)
			}
			for _, f := range facts {
				if len(f.Earlier) > 2*lookBack {
					t.Fatalf("a %v records %d earlier calls, want at most %d", f.Op, len(f.Earlier), 2*lookBack)
				}
			}
		})
	}
}

// The nearest earlier calls are the ones kept: an add right after its own
// read and delete, behind thousands of others, still knows both.
func TestLookBackKeepsTheNearest(t *testing.T) {
	f := readsThenAdds(3 * flow.LookBack)
	b := &builder{pos: len(f.Src)}
	last := []model.Stmt{b.decl("qz", "z"), b.read("sz", "qz"), b.del("qz"), b.add("qz")}
	body := append(f.Funcs[0].Body, last...)
	f = b.file(body)
	prog := flow.NewProgram([]*model.File{f}, 0)
	flow.SetStepBudget(prog, 10*flow.StepBudget)
	calls := prog.FileResult(f).Calls
	add := calls[len(calls)-1]
	if add.Op != model.OpAdd {
		t.Fatalf("last fact is a %v, want the add", add.Op)
	}
	var read, del bool
	for prev := range add.Earlier {
		switch prev.Site.Span {
		case calls[len(calls)-3].Site.Span:
			read = true
		case calls[len(calls)-2].Site.Span:
			del = true
		}
	}
	if !read || !del {
		t.Errorf("the last add's earlier calls miss its own read (%v) or delete (%v)", read, del)
	}
}

// The work of joining states counts against the step budget: 5,000 reads
// followed by 5,000 early returns are only 20,000 statements, but joining
// the returns' states is 10⁷ table entries. The interpretation stops at the
// budget and is reported as cut, where it used to take minutes.
func TestJoinWorkIsCharged(t *testing.T) {
	f := readsThenReturns(5_000)
	prog := flow.NewProgram([]*model.File{f}, 0)
	prog.FileResult(f)
	st := prog.Stats()
	if st.MaxSteps > flow.StepBudget+1 {
		t.Errorf("an interpretation took %d steps, over the budget of %d", st.MaxSteps, flow.StepBudget)
	}
	if len(prog.BudgetCut(f)) == 0 {
		t.Errorf("the function was not reported as cut (%d steps at most): the joins' work was not counted", st.MaxSteps)
	}
}
