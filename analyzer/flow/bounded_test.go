package flow_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Many SecItem calls in one function: the engine's work per call stays
// bounded (counted in allocations and bytes, and in the steps a rule
// takes over a call's earlier uses), where it used to grow with the calls
// before it.

// oneDictionary is `let q = …` then n × SecItemDelete(q).
func oneDictionary(n int) *model.File {
	b := &builder{}
	body := []model.Stmt{b.decl("q", "a")}
	for i := 0; i < n; i++ {
		body = append(body, b.del("q"))
	}
	return b.file(body)
}

// dictionaryPairs is n × (let q_i = …; SecItemDelete(q_i)).
func dictionaryPairs(n int) *model.File {
	b := &builder{}
	var body []model.Stmt
	for i := 0; i < n; i++ {
		body = append(body, b.decl(name("q", i), name("a", i)), b.del(name("q", i)))
	}
	return b.file(body)
}

// readThenConditionalDeletes is one read of a dictionary, then n ×
// `if status != errSecSuccess { SecItemDelete(q) }`.
func readThenConditionalDeletes(n int) *model.File {
	b := &builder{}
	body := []model.Stmt{b.decl("q", "a"), b.read("status", "q")}
	for i := 0; i < n; i++ {
		body = append(body, b.ifFailed("status", b.del("q")))
	}
	return b.file(body)
}

// costOf analyses f and returns the allocations and bytes it took.
func costOf(f *model.File) (facts []*flow.CallFact, mallocs, bytes uint64) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	prog := flow.NewProgram([]*model.File{f}, 0)
	// 10⁵ pairs are 1.2 million steps: over the budget, which would cut
	// the function (see TestStepBudget).
	flow.SetStepBudget(prog, 10*flow.StepBudget)
	facts = prog.FileResult(f).Calls
	runtime.ReadMemStats(&after)
	return facts, after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

// ruleSteps counts the steps the rules take over the facts' earlier uses
// and calls: reuseddict over the uses by other operations, misplacedkey
// up to the first use, deleteonreadfailure over Earlier.
func ruleSteps(facts []*flow.CallFact) int {
	steps := 0
	for _, f := range facts {
		for range f.PriorUses.OtherOps(f.Op) {
			steps++
		}
		for range f.PriorUses.All() {
			steps++
			break
		}
		steps += len(f.Earlier)
	}
	return steps
}

func TestManyCallsInOneFunctionAreLinear(t *testing.T) {
	const n = 100_000
	for _, c := range []struct {
		name           string
		file           *model.File
		allocs, bytesN uint64 // per call
	}{
		{"one dictionary deleted n times", oneDictionary(n), 80, 8 << 10},
		{"n dictionary and delete pairs", dictionaryPairs(n), 220, 16 << 10},
		{"one read, n conditional deletes", readThenConditionalDeletes(n), 300, 32 << 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			facts, mallocs, bytes := costOf(c.file)
			t.Logf("%d allocations (%d per call), %d MB (%d bytes per call)", mallocs, mallocs/n, bytes>>20, bytes/n)
			if len(facts) < n {
				t.Fatalf("%d facts, want %d", len(facts), n)
			}
			if mallocs > c.allocs*n {
				t.Errorf("%d allocations for %d calls, want at most %d per call", mallocs, n, c.allocs)
			}
			if bytes > c.bytesN*n {
				t.Errorf("%d bytes for %d calls, want at most %d per call", bytes, n, c.bytesN)
			}
			if s := ruleSteps(facts); s > 3*n {
				t.Errorf("the rules take %d steps over earlier uses and calls, want at most %d (three per call)", s, 3*n)
			}
		})
	}
	// The uses are still all there: the last delete of the one dictionary
	// follows every earlier one.
	facts, _, _ := costOf(oneDictionary(1000))
	if got := facts[len(facts)-1].PriorUses.Len(); got != 999 {
		t.Errorf("the last of 1000 deletes has %d earlier uses, want 999", got)
	}
}

// BenchmarkManyCalls shows the growth in the number of calls in one
// function (linear: ns/op, B/op and allocs/op grow tenfold per row):
//
//	go test -run '^$' -bench ManyCalls -benchtime 3x ./analyzer/flow/
func BenchmarkManyCalls(b *testing.B) {
	for _, c := range []struct {
		name string
		gen  func(int) *model.File
	}{{"one-dictionary", oneDictionary}, {"pairs", dictionaryPairs}, {"read-conditional-deletes", readThenConditionalDeletes}} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(fmt.Sprintf("%s/calls=%d", c.name, n), func(b *testing.B) {
				f := c.gen(n)
				b.ReportAllocs()
				for b.Loop() {
					prog := flow.NewProgram([]*model.File{f}, 0)
					flow.SetStepBudget(prog, 10*flow.StepBudget) // as in the test
					prog.FileResult(f)
				}
			})
		}
	}
}
