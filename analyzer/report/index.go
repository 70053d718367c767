package report

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// fileIndex makes position conversions logarithmic: the byte offset at
// which each line starts, and the file's bodies sorted by their start with
// the innermost enclosing body of each (the spans of bodies come from a
// syntax tree, so two of them are nested or disjoint).
type fileIndex struct {
	lineStarts []int
	funcs      []*model.Func // by Span.Start, outer before inner
	parent     []int         // index in funcs of the innermost body containing funcs[i], -1 for none
}

func newFileIndex(f *model.File) *fileIndex {
	ix := &fileIndex{lineStarts: []int{0}}
	for i, c := range f.Src {
		if c == '\n' {
			ix.lineStarts = append(ix.lineStarts, i+1)
		}
	}
	order := make([]int, len(f.Funcs))
	for i := range order {
		order[i] = i
	}
	// Outer before inner; among bodies with one span, the one listed
	// first in f.Funcs last, so that it is the one found (as EnclosingFunc
	// finds it).
	sort.SliceStable(order, func(a, b int) bool {
		x, y := f.Funcs[order[a]].Span, f.Funcs[order[b]].Span
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		if x.End != y.End {
			return x.End > y.End
		}
		return order[a] > order[b]
	})
	ix.funcs = make([]*model.Func, len(order))
	ix.parent = make([]int, len(order))
	var stack []int
	for i, o := range order {
		fn := f.Funcs[o]
		ix.funcs[i] = fn
		for len(stack) > 0 && !contains(ix.funcs[stack[len(stack)-1]].Span, fn.Span) {
			stack = stack[:len(stack)-1]
		}
		ix.parent[i] = -1
		if len(stack) > 0 {
			ix.parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	return ix
}

func contains(outer, inner model.Span) bool {
	return outer.Start <= inner.Start && inner.End <= outer.End
}

// point is UTF16Point through the line index.
func (ix *fileIndex) point(src []byte, offset int) Point {
	offset = max(0, min(offset, len(src)))
	line := sort.Search(len(ix.lineStarts), func(i int) bool { return ix.lineStarts[i] > offset }) // lines starting at or before offset
	start := ix.lineStarts[line-1]
	return Point{Line: line, Column: utf16Column(src, start, offset)}
}

// enclosing is EnclosingFunc by binary search: the last body that starts
// at or before offset, or the nearest of its enclosing bodies that also
// contains offset (a body that contains offset but starts earlier than
// that one contains it too).
func (ix *fileIndex) enclosing(offset int) *model.Func {
	i := sort.Search(len(ix.funcs), func(i int) bool { return ix.funcs[i].Span.Start > offset }) - 1
	for i >= 0 {
		if fn := ix.funcs[i]; fn.Span.Start <= offset && offset < fn.Span.End {
			return fn
		}
		i = ix.parent[i]
	}
	return nil
}
