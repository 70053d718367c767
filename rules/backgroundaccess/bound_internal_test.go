package backgroundaccess

import (
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// program is n notification-service-like types whose background callback
// reads item i, and n adds of other items (none matches): matching
// compares every (read, add) pair of the same class.
func program(t testing.TB, n int) *flow.Program {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `final class S%d {
    func didReceive(_ r: Int, withContentHandler h: @escaping (Int) -> Void) {
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s", kSecAttrAccount as String: "read%d"] as CFDictionary, nil)
    }
}
func add%d() {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s", kSecAttrAccount as String: "added%d"] as CFDictionary, nil)
}
`, i, i, i, i)
	}
	f, err := swiftparse.ParseFile("p.swift", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return flow.NewProgram([]*model.File{f}, model.AllPlatforms)
}

// The pairs compared are n² below the bound, and stop at the bound above
// it; entry points beyond maxEntries are not followed.
func TestBounded(t *testing.T) {
	if ix := build(program(t, 8)); ix.pairs != 64 || len(ix.byFile) != 0 {
		t.Fatalf("8 reads × 8 adds: %d pairs compared, %d files with findings; want 64, 0", ix.pairs, len(ix.byFile))
	}
	savedPairs, savedEntries := maxPairs, maxEntries
	defer func() { maxPairs, maxEntries = savedPairs, savedEntries }()
	maxPairs = 20
	if ix := build(program(t, 8)); ix.pairs != 20 {
		t.Errorf("bound 20: %d pairs compared", ix.pairs)
	}
	maxPairs, maxEntries = savedPairs, 3
	if ix := build(program(t, 8)); ix.pairs != 3*8 {
		t.Errorf("3 entry points followed: %d pairs compared, want 24", ix.pairs)
	}
}

// BenchmarkBuild measures the program-wide index on 100 background
// callbacks and 100 adds (the flow analysis included, a new program each
// time).
func BenchmarkBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		p := program(b, 100)
		b.StartTimer()
		build(p)
	}
}
