package driver_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// Hostile inputs for the flow engine: many SecItem calls in one function.
// Their bounds are asserted by counting allocations (and bytes) per call,
// which a quadratic engine exceeds long before 10⁵ calls.

// oneDictManyDeletes is n SecItemDelete calls on one dictionary.
func oneDictManyDeletes(n int) string {
	var b strings.Builder
	b.WriteString("import Security\n\nfunc f() {\n    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\", kSecAttrAccount as String: \"a\"]\n")
	for i := 0; i < n; i++ {
		b.WriteString("    SecItemDelete(q as CFDictionary)\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// manyDictDeletePairs is n distinct dictionaries, each deleted once.
func manyDictDeletePairs(n int) string {
	var b strings.Builder
	b.WriteString("import Security\n\nfunc f() {\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    let q%d: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\", kSecAttrAccount as String: \"a%d\"]\n    SecItemDelete(q%d as CFDictionary)\n", i, i, i)
	}
	b.WriteString("}\n")
	return b.String()
}

// scanCost runs every rule over src and returns the allocations and bytes
// allocated, and the findings.
func scanCost(t testing.TB, src string) (mallocs, bytes uint64, findings int) {
	t.Helper()
	in := []driver.Input{{File: source.File{Path: "x.swift", Abs: "/x.swift", Lang: model.Swift}, Src: []byte(src)}}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := driver.Run(context.Background(), in, driver.Config{Analyzers: all.Analyzers(), Workers: 1})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 || len(res.Files[0].Errors) > 0 {
		t.Fatalf("the input did not parse cleanly")
	}
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc, len(res.Diagnostics)
}

// TestManyCallsOnOneFunctionAreLinear: 10⁴ deletes of one dictionary, and
// 10⁴ distinct dictionary and delete pairs, in one function cost a bounded
// number of allocations and bytes per call through the whole pipeline
// (parsing and every rule included): each call shares the earlier uses of
// its dictionary instead of copying them, and a delete records only the
// reads before it, not every earlier call. (analyzer/flow's
// TestManyCallsInOneFunctionAreLinear checks the engine with 10⁵.)
func TestManyCallsOnOneFunctionAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10⁴ calls")
	}
	const n = 10_000
	for _, c := range []struct {
		name             string
		src              string
		allocs, bytesPer uint64 // per call
	}{
		{"one dictionary deleted n times", oneDictManyDeletes(n), 250, 24 << 10},
		{"n dictionary and delete pairs", manyDictDeletePairs(n), 650, 40 << 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			mallocs, bytes, findings := scanCost(t, c.src)
			if findings != 0 {
				t.Errorf("%d findings, want none (each query names one item)", findings)
			}
			t.Logf("%d allocations (%d per call), %d MB (%d bytes per call)", mallocs, mallocs/n, bytes>>20, bytes/n)
			if mallocs > c.allocs*n {
				t.Errorf("%d allocations for %d calls, want at most %d per call", mallocs, n, c.allocs)
			}
			if bytes > c.bytesPer*n {
				t.Errorf("%d bytes allocated for %d calls, want at most %d per call", bytes, n, c.bytesPer)
			}
		})
	}
}
