package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

type memoKey struct{}

// Memo builds once per program and key, and a new program builds again.
func TestMemoOncePerProgram(t *testing.T) {
	p := flow.NewProgram(nil, model.AllPlatforms)
	builds := 0
	build := func() any { builds++; return builds }
	for i := 0; i < 3; i++ {
		if got := p.Memo(memoKey{}, build); got != 1 {
			t.Fatalf("Memo = %v, want 1", got)
		}
	}
	if got := p.Memo("other", build); got != 2 {
		t.Errorf("another key: Memo = %v, want 2", got)
	}
	q := flow.NewProgram(nil, model.AllPlatforms)
	if got := q.Memo(memoKey{}, build); got != 3 {
		t.Errorf("another program: Memo = %v, want 3", got)
	}
}
