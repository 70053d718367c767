package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/all"
)

// ruleCount is one line of --statistics: a rule and how many of the
// reported findings are its, by severity (a rule's findings may have
// several: test code lowers them, deletelimit has two, a configuration
// may set one).
type ruleCount struct {
	Rule     string `json:"rule"`
	Count    int    `json:"count"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Notes    int    `json:"notes"`
	Title    string `json:"title"`
}

// countByRule counts the findings (suppressed ones not: they are not
// reported unless --show-suppressed, and then not as findings of their
// severity), most first, then by rule name.
func countByRule(fs []report.Finding) []ruleCount {
	idx := map[string]int{}
	var out []ruleCount
	for _, f := range fs {
		if f.Suppression != nil {
			continue
		}
		i, ok := idx[f.Rule]
		if !ok {
			i = len(out)
			idx[f.Rule] = i
			title := ""
			if r, ok := all.LookupCatalog(f.Rule); ok {
				title = r.Title()
			}
			out = append(out, ruleCount{Rule: f.Rule, Title: title})
		}
		c := &out[i]
		c.Count++
		switch f.Severity.String() {
		case "error":
			c.Errors++
		case "warning":
			c.Warnings++
		default:
			c.Notes++
		}
	}
	slices.SortFunc(out, func(a, b ruleCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Rule, b.Rule)
	})
	return out
}

// statisticsWriter writes the counts per rule in place of the findings,
// as ruff's --statistics does: a table, or with --format json an array.
func statisticsWriter(scan *report.Scan, format string) func(io.Writer) error {
	return func(w io.Writer) error {
		counts := countByRule(scan.Findings)
		if format == "json" {
			if counts == nil {
				counts = []ruleCount{}
			}
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(counts)
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "COUNT\tRULE\tERRORS\tWARNINGS\tNOTES\tWHAT IT FINDS")
		for _, c := range counts {
			fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\t%s\n", c.Count, c.Rule, c.Errors, c.Warnings, c.Notes, report.Text(c.Title))
		}
		return tw.Flush()
	}
}
