package flow_test

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// nestedIfs is `let n = c + c + … + c` (depth/2 terms, an expression
// nested depth/2 deep), then a delete depth `if`s deep, every condition
// unknown (both branches run).
func nestedIfs(depth int) *model.File {
	b := &builder{}
	var sum model.Expr = b.ident("c")
	for i := 0; i < depth/2; i++ {
		sum = &model.Binary{Op: "+", L: sum, R: b.ident("c"), Span: b.span()}
	}
	inner := []model.Stmt{b.del("q")}
	for i := 0; i < depth; i++ {
		inner = []model.Stmt{&model.If{Cond: b.ident("c"), Then: inner, Else: []model.Stmt{&model.Block{Span: b.span()}}, Span: b.span()}}
	}
	return b.file(append([]model.Stmt{b.decl("q", "a"), &model.Decl{Name: "n", Value: sum, Span: b.span()}}, inner...))
}

// TestDeepNesting: a delete 1,000 and 10,000 `if`s deep (after an
// expression nested half as deep) is still found, with its dictionary, within
// a goroutine stack capped at 20 MB, and with memory linear in the depth.
// The interpreter recurses once per nesting level; each level costs about
// 1 KB of stack for statements and 1.6 KB for expressions (measured with
// TestNestingStack), which Go's growable stacks hold: 10,000 levels need
// 16 MB, 100,000 (beyond any front-end limit) about 256 MB, under Go's
// 1 GB maximum. Before the interpreter's frames were split, a statement
// level cost about 3 KB and 10,000 levels overflowed 32 MB.
func TestDeepNesting(t *testing.T) {
	old := debug.SetMaxStack(20 << 20)
	defer debug.SetMaxStack(old)
	for _, depth := range []int{1_000, 10_000} {
		f := nestedIfs(depth)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		prog := flow.NewProgram([]*model.File{f}, 0)
		facts := prog.FileResult(f).Calls
		runtime.ReadMemStats(&after)
		if len(facts) != 1 || facts[0].Dict == nil || !facts[0].Dict.Complete {
			t.Fatalf("depth %d: want the delete with its complete dictionary, got %d facts", depth, len(facts))
		}
		must(t, facts[0].Dict, "kSecAttrAccount")
		if bytes := after.TotalAlloc - before.TotalAlloc; bytes > uint64(depth)*8<<10 {
			t.Errorf("depth %d: %d bytes allocated, want at most 8 KB per level", depth, bytes)
		}
		if cut := prog.BudgetCut(f); len(cut) != 0 {
			t.Errorf("depth %d: cut by the step budget", depth)
		}
	}
}

// TestNestingStack measures the goroutine stack the interpreter needs per
// nesting level: run with NESTING_STACK=<bytes> it analyses 10,000 levels
// of statements (and 5,000 of an expression) under that stack limit (a crash means it needs more). A development aid:
//
//	NESTING_STACK=8000000 go test -run TestNestingStack ./analyzer/flow/
func TestNestingStack(t *testing.T) {
	limit, err := strconv.Atoi(os.Getenv("NESTING_STACK"))
	if err != nil {
		t.Skip("set NESTING_STACK to a stack limit in bytes")
	}
	f := nestedIfs(10_000)
	old := debug.SetMaxStack(limit)
	defer debug.SetMaxStack(old)
	prog := flow.NewProgram([]*model.File{f}, 0)
	if len(prog.FileResult(f).Calls) != 1 {
		t.Fatal("the delete is lost")
	}
}
