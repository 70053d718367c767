package driver

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// The safe mark is taken off the message and kept as FixSafe, without
// changing the analyzer's own diagnostic.
func TestSplitSafe(t *testing.T) {
	in := []analysis.SuggestedFix{{Message: MarkSafe("Rename")}, {Message: "Change the class"}}
	out, safe := splitSafe(in)
	if out[0].Message != "Rename" || out[1].Message != "Change the class" {
		t.Errorf("messages %q, %q", out[0].Message, out[1].Message)
	}
	d := Diagnostic{Fixes: out, fixSafe: safe}
	if !d.FixSafe(0) || d.FixSafe(1) || d.FixSafe(2) {
		t.Errorf("FixSafe = %v, %v, %v; want true, false, false", d.FixSafe(0), d.FixSafe(1), d.FixSafe(2))
	}
	if in[0].Message != MarkSafe("Rename") {
		t.Errorf("splitSafe changed its input")
	}
}
