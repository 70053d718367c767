package main

import (
	"io"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/report"
)

// formats are the values of --format.
var formats = []string{"text", "json", "sarif", "github", "gitlab", "checkstyle", "junit", "xcode", "markdown"}

const formatNames = "text, json, sarif, github (GitHub Actions annotations), gitlab (Code Quality JSON), checkstyle (XML), junit (XML), xcode (the text format, by the name Xcode's build phases know) or markdown (a summary for pull-request comments)"

func validFormat(f string) bool { return slices.Contains(formats, f) }

// addFormats adds the CI formats to the scan's writers (text, json, sarif
// and github are scan.go's).
func addFormats(write map[string]func(io.Writer) error, scan *report.Scan) {
	write["xcode"] = write["text"]
	write["gitlab"] = func(w io.Writer) error { return report.WriteGitLab(w, scan.Findings, scan.Root) }
	write["checkstyle"] = func(w io.Writer) error { return report.WriteCheckstyle(w, scan.Findings, scan.Root) }
	write["junit"] = func(w io.Writer) error { return report.WriteJUnit(w, scan.Findings, scan.Root) }
	write["markdown"] = func(w io.Writer) error { return report.WriteMarkdownSummary(w, scan.Findings, scan.Root) }
}
