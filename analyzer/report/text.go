package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteText prints findings one per line, in the format Xcode and editors
// recognise, with related locations as note lines:
//
//	path:line:column: error|warning|note: message [rule]
//	path:line:column: note: related location [rule]
//
// Columns are 1-based byte columns. A suppressed finding (written only
// with --show-suppressed) is printed as a note:
//
//	path:line:column: note: suppressed (reason): message [rule]
//
// Paths go through Path and messages and reasons through Text, so that
// every finding and note is exactly one line and no control character
// reaches the terminal.
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		sev, msg := f.Severity.String(), Text(f.Message)
		if f.Suppression != nil {
			sev, msg = "note", fmt.Sprintf("suppressed (%s): %s", Text(f.Suppression.Justification), msg)
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", Path(f.Pos.Filename), f.Pos.Line, f.Pos.Column, sev, msg, Text(f.Rule)); err != nil {
			return err
		}
		for _, r := range f.Related {
			if _, err := fmt.Fprintf(w, "%s:%d:%d: note: %s [%s]\n", Path(r.Pos.Filename), r.Pos.Line, r.Pos.Column, Text(r.Message), Text(f.Rule)); err != nil {
				return err
			}
		}
	}
	return nil
}

// oneLine joins the lines of a message with spaces (for SARIF, whose
// messages JSON escapes).
func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
