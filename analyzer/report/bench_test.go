package report_test

import (
	"fmt"
	"go/token"
	"io"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/all"
)

// BenchmarkSARIF100kFindings writes a SARIF log of 100,000 findings, one in
// each of 100,000 functions of one file (fingerprints included): positions
// and enclosing functions come from the per-file index, so the time grows
// linearly with the findings, not with findings × file size.
//
//	go test -run '^$' -bench SARIF100k -benchtime 3x ./analyzer/report/
func BenchmarkSARIF100kFindings(b *testing.B) {
	const n = 100_000
	var src strings.Builder
	f := &model.File{Path: "Big.swift", Lang: model.Swift}
	var fs []report.Finding
	for i := range n {
		start := src.Len()
		fmt.Fprintf(&src, "func f%d() {\n    SecItemDelete(q) // é\n}\n", i)
		f.Funcs = append(f.Funcs, &model.Func{Kind: model.FuncFunction, Name: fmt.Sprintf("f%d", i), Span: model.Span{Start: start, End: src.Len()}, File: f})
		at := start + strings.Index(src.String()[start:], "SecItemDelete")
		fs = append(fs, report.Finding{Diagnostic: driver.Diagnostic{
			Rule: "deletelimit", Severity: driver.Warning, Message: "m",
			Pos: token.Position{Filename: f.Path, Offset: at, Line: 3*i + 2, Column: 5},
			End: token.Position{Filename: f.Path, Offset: at + len("SecItemDelete"), Line: 3*i + 2, Column: 18},
		}})
	}
	f.Src = []byte(src.String())
	root := report.Root{Dir: "/"}
	b.ResetTimer()
	for range b.N {
		srcs := report.NewSources([]*model.File{f})
		report.Fingerprints(fs, srcs, root)
		s := &report.Scan{ToolVersion: "bench", Rules: all.Catalog(), Findings: fs, Sources: srcs, Root: root}
		if err := report.WriteSARIF(io.Discard, s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "findings")
}
