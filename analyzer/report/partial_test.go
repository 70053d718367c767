package report_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/all"
)

// TestPartialParses checks what counts as a partial parse and how its
// regions read, for each of the three reasons.
func TestPartialParses(t *testing.T) {
	src := []byte("line one\nline two\nline three\n")
	files := []*model.File{
		{Path: "whole.swift", Src: src},
		{Path: "syntax.swift", Src: src, Errors: []model.Span{{Start: 9, End: 17}, {Start: 10, End: 12}}},
		{Path: "deep.m", Src: src, Truncated: true, Cut: []model.Span{{Start: 18, End: 22}}},
		{Path: "slow.swift", Src: src, TimedOut: true, TimedOutRegions: []model.Span{{Start: 0, End: len(src)}}},
		// Parsed again per declaration: one declaration lost to the time
		// limit, a syntax error in another.
		{Path: "part.swift", Src: src, TimedOut: true, TimedOutRegions: []model.Span{{Start: 18, End: 28}}, Errors: []model.Span{{Start: 0, End: 4}}},
	}
	ps := report.PartialParses(files)
	if len(ps) != 4 || ps[0].Path != "deep.m" || ps[1].Path != "part.swift" || ps[2].Path != "slow.swift" || ps[3].Path != "syntax.swift" {
		t.Fatalf("partial parses %+v", ps)
	}
	if syn, cut := report.PartialCounts(ps); syn != 2 || cut != 3 {
		t.Errorf("counts: %d with syntax errors, %d truncated; want 2 and 3 (a timed-out parse is cut, not a syntax error)", syn, cut)
	}
	want := map[string]string{
		"deep.m":       "3:1-3:5 nested deeper than the depth limit",
		"slow.swift":   "1:1-4:1 parse time limit exceeded",
		"part.swift":   "1:1-1:5 syntax error; 3:1-3:11 parse time limit exceeded",
		"syntax.swift": "2:1-2:9 syntax error", // the region inside it is dropped
	}
	for _, p := range ps {
		var got []string
		for _, r := range p.Regions() {
			got = append(got, report.RangeText(src, r.Span)+" "+r.Reason)
		}
		if strings.Join(got, "; ") != want[p.Path] {
			t.Errorf("%s: regions %q, want %q", p.Path, got, want[p.Path])
		}
		if m := p.Message(src); !strings.HasPrefix(m, p.Path+": ") || !strings.Contains(m, "not analysed") {
			t.Errorf("%s: message %q", p.Path, m)
		}
		if m := p.Message(src); p.Path == "part.swift" && !strings.Contains(m, "3:1-3:11 (parse time limit exceeded)") {
			t.Errorf("%s: message %q does not name the declaration lost to the time limit", p.Path, m)
		}
	}
}

// TestSARIFPartialParseNotifications checks that partial-parse
// notifications are valid SARIF with a region per lost range, and leave
// the run successful.
func TestSARIFPartialParseNotifications(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src := []byte("import Security\nfunc f( {\n")
	f := &model.File{Path: "a.swift", Src: src, Errors: []model.Span{{Start: 16, End: 25}}}
	root, err := report.NewRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := report.PartialParses([]*model.File{f})[0]
	s := &report.Scan{ToolVersion: "1.0.0", Rules: all.Catalog(), Sources: report.NewSources([]*model.File{f}), Root: root, Partial: []report.PartialParse{p},
		Notifications: []report.Notification{{Level: driver.Warning, Path: f.Path, Message: p.Message(src), Spans: f.Errors}}}
	log, raw := writeSARIF(t, s)
	inv := log.Runs[0].Invocations[0]
	if inv["executionSuccessful"] != true {
		t.Errorf("a partial parse made the run unsuccessful: %v", inv)
	}
	if !strings.Contains(string(raw), `"startLine": 2`) || !strings.Contains(string(raw), `"level": "warning"`) || !strings.Contains(string(raw), "2:1-2:10 (syntax error)") {
		t.Errorf("notification lacks the region, level or message:\n%s", raw)
	}
}
