// Package fix applies suggested fixes to source text, without touching
// files: the command's --fix writes the result, the language server sends
// it as a workspace edit. Fixes are applied whole or not at all, and a fix
// whose edits overlap an accepted fix's is left out, so that the result
// never interleaves two fixes.
package fix

import (
	"fmt"
	"sort"
)

// Edit replaces the bytes [Start, End) of the source with New (Start ==
// End inserts).
type Edit struct {
	Start, End int
	New        string
}

// Fix is the edits of one suggested fix, all in one file.
type Fix struct {
	Edits []Edit
}

// Apply applies the fixes to src in order of the slice: a fix is accepted
// when its edits are within src, do not overlap each other, and do not
// overlap an edit of a fix accepted before it (two insertions at one
// offset overlap too: their order would be a guess). It returns the new
// source and, for each fix, whether it was applied. src is not changed.
func Apply(src []byte, fixes []Fix) ([]byte, []bool) {
	applied := make([]bool, len(fixes))
	var accepted []Edit
	for i, f := range fixes {
		if len(f.Edits) == 0 || !valid(src, f.Edits) {
			continue
		}
		trial := append(append([]Edit{}, accepted...), f.Edits...)
		if overlap(trial) {
			continue
		}
		accepted, applied[i] = trial, true
	}
	out, err := ApplyEdits(src, accepted)
	if err != nil { // cannot happen: every edit was checked
		return append([]byte{}, src...), make([]bool, len(fixes))
	}
	return out, applied
}

// ApplyEdits applies non-overlapping edits to src, in any order.
func ApplyEdits(src []byte, edits []Edit) ([]byte, error) {
	if !valid(src, edits) {
		return nil, fmt.Errorf("fix: an edit lies outside the source")
	}
	sorted := sortEdits(edits)
	if overlap(sorted) {
		return nil, fmt.Errorf("fix: edits overlap")
	}
	var out []byte
	last := 0
	for _, e := range sorted {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

func valid(src []byte, edits []Edit) bool {
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return false
		}
	}
	return true
}

func sortEdits(edits []Edit) []Edit {
	s := append([]Edit{}, edits...)
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Start != s[j].Start {
			return s[i].Start < s[j].Start
		}
		return s[i].End < s[j].End
	})
	return s
}

// overlap reports whether two edits share a byte, or insert at the same
// offset, or one inserts inside the other's span.
func overlap(edits []Edit) bool {
	s := sortEdits(edits)
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if b.Start < a.End || b.Start == a.Start {
			return true
		}
	}
	return false
}
