package driver

import (
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// One bug, one finding: when two rules report the same SecItem call (and,
// for findings about a key, the same key of its dictionary), only the
// finding whose message names the real cause is kept; the other one is
// folded into it. This file holds the whole precedence, in one table.
//
// A rule says what a finding is about by reporting a Subject with it: the
// SecItem call (where it happens in the function: the SecItem call itself,
// or the call of the helper that makes it) and the keys of its dictionary
// the finding is about (none for a finding about the call as a whole).
// The subject travels in analysis.Diagnostic.Category after the severity
// (see EncodeCategory), since go/analysis has no other field for it.

// Subject is what a finding is about.
type Subject struct {
	// Call is the position of the SecItem call (or helper call).
	Call token.Position
	// Keys are the keys of the call's dictionary the finding is about.
	Keys []string
}

// Folded is a finding folded into another one: its rule and location (an
// inline suppression of that rule there is then still in use).
type Folded struct {
	Rule string
	Pos  token.Position
}

// overlap is one entry of the precedence: a finding of rule keep and one
// of rule fold about the same call (and, with sameKey, a key both name)
// are one bug; keep's message names its cause.
type overlap struct {
	keep, fold string
	sameKey    bool
}

// precedence is the whole table. Each entry is explained where the rules
// are documented (README "One bug, one finding").
var precedence = []overlap{
	// A kSecMatch* key left over from a read in a delete: deletelimit says
	// what the key does (-50 on iOS) and advises removing it, which would
	// break the read it was written for; reuseddict names the cause (the
	// read's query was reused) and the fix (a separate dictionary), and
	// already points at the key. (For an update's query or an add,
	// misplacedkey itself leaves keys carried over from an earlier call to
	// reuseddict.)
	{keep: "reuseddict", fold: "deletelimit", sameKey: true},
	// A delete that runs because a read failed with -25308, followed by an
	// add of the same item: the real cause is deleting an item that only
	// could not be read (preferupdate's advice, SecItemUpdate, fails the
	// same way while the device is locked); the re-add becomes a related
	// location of deleteonreadfailure's finding.
	{keep: "deleteonreadfailure", fold: "preferupdate"},
}

// EncodeCategory returns the analysis.Diagnostic.Category for a finding of
// the given severity ("error", "warning", "note") about a SecItem call at
// pos (token.NoPos: none) and some keys of its dictionary.
func EncodeCategory(severity string, call token.Pos, keys []string) string {
	if !call.IsValid() {
		return severity
	}
	return severity + ";call=" + strconv.Itoa(int(call)) + ";keys=" + strings.Join(keys, ",")
}

// decodeCategory splits a Category into the severity and the subject (nil
// when the rule named none).
func decodeCategory(fset *token.FileSet, cat string) (Severity, *Subject) {
	parts := strings.Split(cat, ";")
	sev := ParseSeverity(parts[0])
	var sub *Subject
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "call":
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				return sev, nil
			}
			if sub == nil {
				sub = &Subject{}
			}
			sub.Call = fset.Position(token.Pos(n))
		case "keys":
			if sub == nil {
				sub = &Subject{}
			}
			if v != "" {
				sub.Keys = strings.Split(v, ",")
			}
		}
	}
	if sub != nil && !sub.Call.IsValid() {
		return sev, nil
	}
	return sev, sub
}

// fold applies the precedence: each finding of a fold rule that shares its
// subject with a finding of the rule that keeps it is removed, and what it
// adds is moved into the kept finding: its location and its related
// locations when the kept finding does not point there yet, and its
// severity when higher (the bug is as serious as its worst consequence).
func fold(ds []Diagnostic) []Diagnostic {
	type callKey struct {
		file string
		off  int
	}
	byCall := map[callKey][]int{}
	for i, d := range ds {
		if d.Subject != nil {
			k := callKey{d.Subject.Call.Filename, d.Subject.Call.Offset}
			byCall[k] = append(byCall[k], i)
		}
	}
	if len(byCall) == 0 {
		return ds
	}
	drop := map[int]bool{}
	keys := make([]callKey, 0, len(byCall))
	for k := range byCall {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].file != keys[j].file {
			return keys[i].file < keys[j].file
		}
		return keys[i].off < keys[j].off
	})
	for _, k := range keys {
		idx := byCall[k]
		for _, o := range precedence {
			for _, ki := range idx {
				if drop[ki] || ds[ki].Rule != o.keep {
					continue
				}
				for _, fi := range idx {
					if drop[fi] || ds[fi].Rule != o.fold {
						continue
					}
					if o.sameKey && !shareKey(ds[ki].Subject.Keys, ds[fi].Subject.Keys) {
						continue
					}
					absorb(&ds[ki], ds[fi])
					drop[fi] = true
				}
			}
		}
	}
	out := ds[:0]
	for i, d := range ds {
		if !drop[i] {
			out = append(out, d)
		}
	}
	return out
}

func shareKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// absorb moves what the folded finding f adds into the kept finding k.
func absorb(k *Diagnostic, f Diagnostic) {
	if f.Severity > k.Severity {
		k.Severity = f.Severity
	}
	points := func(p token.Position) bool {
		if p.Filename == k.Pos.Filename && p.Offset == k.Pos.Offset {
			return true
		}
		for _, r := range k.Related {
			if p.Filename == r.Pos.Filename && p.Offset == r.Pos.Offset {
				return true
			}
		}
		return false
	}
	if !points(f.Pos) {
		k.Related = append(k.Related, Related{Pos: f.Pos, End: f.End, Message: f.Message + " (" + f.Rule + ")"})
	}
	for _, r := range f.Related {
		if !points(r.Pos) {
			k.Related = append(k.Related, Related{Pos: r.Pos, End: r.End, Message: r.Message + " (" + f.Rule + ")"})
		}
	}
	k.Folded = append(k.Folded, Folded{Rule: f.Rule, Pos: f.Pos})
	k.Folded = append(k.Folded, f.Folded...)
}
