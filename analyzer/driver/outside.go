package driver

import (
	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// outsideMentions tells the flow engine which of the stored properties
// it may prove nil (flow.NilPropCandidates: Optional, never initialised)
// the Swift files round 1 did not parse mention, by the names those files
// kept for round 2: a property another file may set is not known nil. A
// name set's hash may collide, which only makes a property unknown. A
// Swift file that could not be read may mention any; Objective-C and C
// files cannot reach a Swift property that no attribute exposes (such a
// property is no candidate). A Swift file that was read but not parsed
// for another reason (its parse failed) may mention any too.
//
// Candidates come from the round-1 models; a helper file parsed in round
// 2 is checked as a file outside the program (its mentions count), and its
// own properties are never candidates.
func outsideMentions(models []*model.File, reads []*read) map[string]bool {
	names := flow.NilPropCandidates(nonNil(models))
	out := make(map[string]bool, len(names))
	if len(names) == 0 {
		return out
	}
	keys := make([]uint32, len(names))
	for i, n := range names {
		out[n] = false
		keys[i] = nameKey([]byte(n))
	}
	for _, r := range reads {
		if langOf(r.in) != model.Swift || r.model != nil {
			continue
		}
		for i, n := range names {
			// Not read, or read but neither parsed nor kept for round 2
			// (a keychain file whose parse failed): it may mention any.
			if r.unread || !r.candidate || r.names.mayHold(keys[i]) {
				out[n] = true
			}
		}
	}
	return out
}

func nonNil(models []*model.File) []*model.File {
	var out []*model.File
	for _, m := range models {
		if m != nil {
			out = append(out, m)
		}
	}
	return out
}

// mayHold reports whether the set may hold a name of hash part key.
func (s nameSet) mayHold(key uint32) bool {
	lo, hi := 0, len(s)
	for lo < hi {
		m := (lo + hi) / 2
		if s[m]&^declBits < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(s) && s[lo]&^declBits == key
}
