package report

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// indexedFile builds a file of n functions, each with a nested closure-like
// body and multi-byte text, with a file-scope gap between them.
func indexedFile(n int) *model.File {
	var b strings.Builder
	f := &model.File{Path: "big.swift"}
	var funcs []*model.Func
	for i := range n {
		b.WriteString("// gap é\n")
		start := b.Len()
		fmt.Fprintf(&b, "func f%d() {\n  let s = \"🔑 %d\"\n", i, i)
		inner := b.Len()
		b.WriteString("  func g() { SecItemDelete(q) }\n")
		funcs = append(funcs, &model.Func{Name: fmt.Sprintf("g%d", i), Span: model.Span{Start: inner, End: b.Len() - 1}, File: f})
		b.WriteString("}\n")
		funcs = append(funcs, &model.Func{Name: fmt.Sprintf("f%d", i), Span: model.Span{Start: start, End: b.Len()}, File: f})
	}
	f.Src = []byte(b.String())
	f.Funcs = funcs
	return f
}

// The index gives the same answers as the direct scans it replaces, at
// every kind of offset: file scope, outer bodies, nested bodies, line
// starts and ends, multi-byte text, out of range.
func TestFileIndexMatchesScans(t *testing.T) {
	f := indexedFile(50)
	// Two bodies with one span: the one listed first is the one found.
	f.Funcs = append(f.Funcs, &model.Func{Name: "twin", Span: f.Funcs[1].Span, File: f})
	s := NewSources([]*model.File{f})
	rng := rand.New(rand.NewPCG(1, 2))
	offsets := []int{-1, 0, len(f.Src), len(f.Src) + 5}
	for range 2000 {
		offsets = append(offsets, rng.IntN(len(f.Src)+1))
	}
	for _, fn := range f.Funcs {
		offsets = append(offsets, fn.Span.Start, fn.Span.End-1, fn.Span.End)
	}
	for _, off := range offsets {
		if got, want := s.point(f.Path, off), UTF16Point(f.Src, off); got != want {
			t.Fatalf("offset %d: point %+v, want %+v", off, got, want)
		}
		if got, want := s.enclosing(f.Path, off), EnclosingFunc(f, off); got != want {
			t.Fatalf("offset %d: enclosing %v, want %v", off, FuncName(got), FuncName(want))
		}
	}
}
