package driver

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// safeMark ends the message of a suggested fix that its rule marks safe:
// one that keeps the program's behaviour (the same constant under its
// current name), so that --fix may apply it without review. go/analysis
// has no field for it; the mark is taken off the message when the
// driver converts a diagnostic, and never reaches an output.
const safeMark = "\x00safe"

// MarkSafe marks a suggested fix's message as a safe fix (see safeMark).
func MarkSafe(message string) string { return message + safeMark }

// splitSafe takes the safe marks off the fixes, returning the fixes with
// plain messages (a copy: the analyzer's diagnostic is not changed) and
// which of them were marked.
func splitSafe(fixes []analysis.SuggestedFix) ([]analysis.SuggestedFix, []bool) {
	if len(fixes) == 0 {
		return fixes, nil
	}
	out := make([]analysis.SuggestedFix, len(fixes))
	safe := make([]bool, len(fixes))
	for i, fx := range fixes {
		if m, ok := strings.CutSuffix(fx.Message, safeMark); ok {
			fx.Message, safe[i] = m, true
		}
		out[i] = fx
	}
	return out, safe
}

// FixSafe reports whether the i-th suggested fix is marked safe by its
// rule.
func (d Diagnostic) FixSafe(i int) bool {
	return i < len(d.fixSafe) && d.fixSafe[i]
}
