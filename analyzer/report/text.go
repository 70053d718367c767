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
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		sev, msg := f.Severity.String(), oneLine(f.Message)
		if f.Suppression != nil {
			sev, msg = "note", fmt.Sprintf("suppressed (%s): %s", oneLine(f.Suppression.Justification), msg)
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", f.Pos.Filename, f.Pos.Line, f.Pos.Column, sev, msg, f.Rule); err != nil {
			return err
		}
		for _, r := range f.Related {
			if _, err := fmt.Fprintf(w, "%s:%d:%d: note: %s [%s]\n", r.Pos.Filename, r.Pos.Line, r.Pos.Column, oneLine(r.Message), f.Rule); err != nil {
				return err
			}
		}
	}
	return nil
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }
