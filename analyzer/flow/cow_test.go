package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// States are shared copy-on-write (state.go): a branch copies what it
// changes, not every dictionary of the function.

// untouchedDictionaries is k dictionaries q0 … q(k-1), one read of q0,
// then m × `if status != errSecSuccess { SecItemDelete(q0) }`: every
// branch uses q0 only.
func untouchedDictionaries(k, m int) *model.File {
	b := &builder{}
	var body []model.Stmt
	for i := 0; i < k; i++ {
		body = append(body, b.decl(name("q", i), name("a", i)))
	}
	body = append(body, b.read("status", "q0"))
	for i := 0; i < m; i++ {
		body = append(body, b.ifFailed("status", b.del("q0")))
	}
	return b.file(body)
}

// perDictionary is the allocations each of k1-k0 added dictionaries adds
// to the analysis of untouchedDictionaries(k, m).
func perDictionary(t *testing.T, k0, k1, m int) int64 {
	facts0, few, _ := costOf(untouchedDictionaries(k0, m))
	facts1, many, _ := costOf(untouchedDictionaries(k1, m))
	if len(facts0) != m+1 || len(facts1) != m+1 {
		t.Fatalf("%d and %d facts, want %d", len(facts0), len(facts1), m+1)
	}
	// The branches still see the dictionary they use: the last delete
	// has the read and every delete before it as earlier uses.
	if got := facts1[len(facts1)-1].PriorUses.Len(); got != m {
		t.Errorf("the last delete has %d earlier uses, want %d", got, m)
	}
	return (int64(many) - int64(few)) / int64(k1-k0)
}

// The allocations a dictionary adds (its declaration) do not grow with the
// branches after it that leave it alone. When each branch cloned every
// object, each dictionary cost some 30 more allocations per branch; now a
// branch copies the heap's map of pointers once (a larger map takes a few
// more allocations), under one allocation per dictionary per ten
// branches.
func TestBranchesShareUntouchedDictionaries(t *testing.T) {
	const k0, k1 = 5, 105
	short, long := perDictionary(t, k0, k1, 40), perDictionary(t, k0, k1, 400)
	t.Logf("allocations per dictionary: %d with 40 branches after it, %d with 400", short, long)
	if long > short+(400-40)/10 {
		t.Errorf("a dictionary no branch touches costs %d allocations with 40 branches after it and %d with 400, want the same", short, long)
	}
}
