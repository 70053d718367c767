package driver_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// Every rule together on the overlap fixtures: one finding per bug (the
// wants), and the folded finding's severity and locations in the kept one.
func TestOneBugOneFinding(t *testing.T) {
	diags := ruletest.RunAll(t, filepath.Join("testdata", "overlap"), all.Analyzers())
	find := func(file string, line int) driver.Diagnostic {
		t.Helper()
		for _, d := range diags {
			if filepath.Base(d.Pos.Filename) == file && d.Pos.Line == line {
				return d
			}
		}
		t.Fatalf("no finding at %s:%d", file, line)
		return driver.Diagnostic{}
	}
	related := func(d driver.Diagnostic) string {
		var out []string
		for _, r := range d.Related {
			out = append(out, fmt.Sprintf("%d:%s", r.Pos.Line, r.Message))
		}
		return strings.Join(out, " | ")
	}
	for _, tc := range []struct {
		file     string
		line     int
		rule     string
		severity string
		folded   string
		related  string // a related location the kept finding must have
	}{
		{"leftover_limit.swift", 16, "reuseddict", "error", "deletelimit", "12:kSecMatchLimit is set here"},
		{"leftover_limit.m", 13, "reuseddict", "error", "deletelimit", "10:kSecMatchLimit is set here"},
		{"probe_readd.m", 17, "deleteonreadfailure", "error", "preferupdate", "20:the item is added again here (preferupdate)"},
		{"probe_readd.swift", 17, "deleteonreadfailure", "error", "preferupdate", "20:the item is added again here (preferupdate)"},
	} {
		d := find(tc.file, tc.line)
		if d.Rule != tc.rule || d.Severity.String() != tc.severity {
			t.Errorf("%s:%d: %s at %s, want %s at %s", tc.file, tc.line, d.Rule, d.Severity, tc.rule, tc.severity)
		}
		var folded []string
		for _, f := range d.Folded {
			folded = append(folded, f.Rule)
		}
		if strings.Join(folded, ",") != tc.folded {
			t.Errorf("%s:%d: folded %v, want %s", tc.file, tc.line, d.Folded, tc.folded)
		}
		if !strings.Contains(related(d), tc.related) {
			t.Errorf("%s:%d: related %q, want one %q", tc.file, tc.line, related(d), tc.related)
		}
	}
}
