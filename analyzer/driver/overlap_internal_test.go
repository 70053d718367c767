package driver

import (
	"go/token"
	"testing"
)

func TestCategoryRoundTrip(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("a.swift", -1, 100)
	f.SetLinesForContent(make([]byte, 100))
	pos := f.Pos(42)
	for _, tc := range []struct {
		cat  string
		sev  Severity
		call int // offset, -1 for no subject
		keys int
	}{
		{"warning", Warning, -1, 0},
		{"error", Error, -1, 0},
		{EncodeCategory("error", token.NoPos, []string{"kSecMatchLimit"}), Error, -1, 0},
		{EncodeCategory("note", pos, nil), Note, 42, 0},
		{EncodeCategory("warning", pos, []string{"kSecMatchLimit", "kSecMatchLimitAll"}), Warning, 42, 2},
		{"error;call=x;keys=a", Error, -1, 0},
	} {
		sev, sub := decodeCategory(fset, tc.cat)
		if sev != tc.sev {
			t.Errorf("%q: severity %s, want %s", tc.cat, sev, tc.sev)
		}
		switch {
		case tc.call < 0 && sub != nil:
			t.Errorf("%q: subject %+v, want none", tc.cat, sub)
		case tc.call >= 0 && (sub == nil || sub.Call.Offset != tc.call || sub.Call.Filename != "a.swift" || len(sub.Keys) != tc.keys):
			t.Errorf("%q: subject %+v, want a.swift offset %d with %d keys", tc.cat, sub, tc.call, tc.keys)
		}
	}
}

func TestFold(t *testing.T) {
	at := func(off int) token.Position { return token.Position{Filename: "a.m", Offset: off, Line: off} }
	d := func(rule string, sev Severity, pos, call int, keys ...string) Diagnostic {
		return Diagnostic{Rule: rule, Severity: sev, Pos: at(pos), End: at(pos), Message: rule + " message",
			Subject: &Subject{Call: at(call), Keys: keys}}
	}
	ds := []Diagnostic{
		d("reuseddict", Warning, 100, 100, "kSecMatchLimit"),
		d("deletelimit", Error, 50, 100, "kSecMatchLimit"),               // folded: same call, same key
		d("deletelimit", Error, 60, 100, "kSecMatchItemList"),            // kept: another key
		d("deletelimit", Error, 50, 200, "kSecMatchLimit"),               // kept: another call
		d("preferupdate", Warning, 100, 100),                             // kept: no precedence with reuseddict
		{Rule: "deletelimit", Severity: Error, Pos: at(70), End: at(70)}, // kept: no subject
	}
	out := fold(append([]Diagnostic(nil), ds...))
	if len(out) != 5 {
		t.Fatalf("got %d findings, want 5: %+v", len(out), out)
	}
	k := out[0]
	if k.Rule != "reuseddict" || k.Severity != Error || len(k.Folded) != 1 || k.Folded[0].Rule != "deletelimit" || k.Folded[0].Pos.Offset != 50 {
		t.Errorf("kept %+v, want reuseddict at error with deletelimit folded", k)
	}
	if len(k.Related) != 1 || k.Related[0].Pos.Offset != 50 || k.Related[0].Message != "deletelimit message (deletelimit)" {
		t.Errorf("kept related %+v, want the folded finding's location", k.Related)
	}
	// A folded location the kept finding already points at is not repeated.
	ds2 := []Diagnostic{d("deleteonreadfailure", Error, 100, 100), d("preferupdate", Warning, 100, 100)}
	ds2[1].Related = []Related{{Pos: at(120), Message: "the item is added again here"}}
	out = fold(ds2)
	if len(out) != 1 || len(out[0].Related) != 1 || out[0].Related[0].Message != "the item is added again here (preferupdate)" || out[0].Severity != Error {
		t.Errorf("got %+v, want deleteonreadfailure with the re-add as its only related location", out)
	}
}
