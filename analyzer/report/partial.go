package report

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Why a region of a file was not analysed.
const (
	LostSyntaxError = "syntax error"
	LostDepthLimit  = "nested deeper than the depth limit"
	LostTimeLimit   = "parse time limit exceeded"
	LostBudget      = "analysis budget exhausted"
)

// PartialParse is a file with keychain code that was not lowered whole:
// tree-sitter found syntax errors (ERROR or MISSING nodes), lowering
// stopped at its depth limit, or the parser gave up at its time limit (on
// the whole file, or on some declarations when parsing it again one
// declaration at a time recovered the rest); or whose analysis stopped in
// some function at the flow engine's step budget. The code in the lost
// regions is not analysed, so findings there, and findings that depend on
// it, may be missing.
type PartialParse struct {
	Path string
	// SyntaxErrors are the regions tree-sitter could not parse.
	SyntaxErrors []model.Span
	// Cut are the regions lowering did not descend into (depth limit).
	Cut []model.Span
	// TimedOut are the regions the parser gave up on at its time limit.
	TimedOut []model.Span
	// Budget are the functions whose analysis ran out of the step budget.
	Budget []model.Span
}

// Lost is one region of a partial parse with its reason.
type Lost struct {
	Reason string
	Span   model.Span
}

// Regions lists the lost regions in source order.
func (p PartialParse) Regions() []Lost {
	var out []Lost
	for _, sp := range p.TimedOut {
		out = append(out, Lost{LostTimeLimit, sp})
	}
	for _, sp := range p.SyntaxErrors {
		out = append(out, Lost{LostSyntaxError, sp})
	}
	for _, sp := range p.Cut {
		out = append(out, Lost{LostDepthLimit, sp})
	}
	for _, sp := range p.Budget {
		out = append(out, Lost{LostBudget, sp})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// HasSyntaxErrors reports tree-sitter error regions.
func (p PartialParse) HasSyntaxErrors() bool { return len(p.SyntaxErrors) > 0 }

// IsTruncated reports a file cut by the depth limit, the time limit or the
// analysis budget.
func (p PartialParse) IsTruncated() bool {
	return len(p.TimedOut) > 0 || len(p.Cut) > 0 || len(p.Budget) > 0
}

// PartialParses returns the files that were not lowered whole, sorted by
// path.
func PartialParses(files []*model.File) []PartialParse {
	var out []PartialParse
	for _, f := range files {
		if f == nil || (len(f.Errors) == 0 && !f.Truncated && !f.TimedOut && len(f.AnalysisCut) == 0) {
			continue
		}
		p := PartialParse{Path: f.Path, SyntaxErrors: outermost(f.Errors), Cut: outermost(f.Cut), TimedOut: outermost(f.TimedOutRegions), Budget: outermost(f.AnalysisCut)}
		if f.Truncated && len(p.Cut) == 0 {
			p.Cut = []model.Span{{Start: 0, End: len(f.Src)}} // where is unknown
		}
		if f.TimedOut && len(p.TimedOut) == 0 {
			p.TimedOut = []model.Span{{Start: 0, End: len(f.Src)}}
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// outermost sorts spans and drops those inside another one.
func outermost(spans []model.Span) []model.Span {
	if len(spans) < 2 {
		return spans
	}
	sorted := append([]model.Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End > sorted[j].End
	})
	out := sorted[:1]
	for _, sp := range sorted[1:] {
		if last := out[len(out)-1]; sp.End <= last.End {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// PartialCounts counts the files with syntax errors and the files cut by
// the depth or time limit or the analysis budget (a file may count in
// both).
func PartialCounts(ps []PartialParse) (syntaxErrors, truncated int) {
	for _, p := range ps {
		if p.HasSyntaxErrors() {
			syntaxErrors++
		}
		if p.IsTruncated() {
			truncated++
		}
	}
	return syntaxErrors, truncated
}

// RangeText formats a byte range of src as line:col-line:col (1-based,
// byte columns, the end column just after the range).
func RangeText(src []byte, sp model.Span) string {
	l, c := bytePoint(src, sp.Start)
	el, ec := bytePoint(src, sp.End)
	return fmt.Sprintf("%d:%d-%d:%d", l, c, el, ec)
}

// Message describes a partial parse in one sentence, for a notification.
func (p PartialParse) Message(src []byte) string {
	rs := p.Regions()
	if len(rs) == 1 && len(p.TimedOut) == 1 && p.TimedOut[0].Start == 0 && p.TimedOut[0].End >= len(bytes.TrimRight(src, " \t\r\n")) {
		return fmt.Sprintf("%s: the parser gave up at its time limit: the file is not analysed, and findings in it or depending on it may be missing", p.Path)
	}
	var parts []string
	n := 0
	for _, r := range rs {
		n++
		if n > 10 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-10))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", RangeText(src, r.Span), r.Reason))
	}
	what := "a region"
	if len(rs) > 1 {
		what = fmt.Sprintf("%d regions", len(rs))
	}
	return fmt.Sprintf("%s: %s not analysed: %s; findings there or depending on that code may be missing", p.Path, what, strings.Join(parts, ", "))
}
