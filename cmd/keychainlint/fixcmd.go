package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/report"
)

// fixFlags are the options of --fix.
type fixFlags struct {
	fix       bool
	unsafe    bool
	dryRun    bool
	diffFixes bool
}

// runFixes applies (or, with --dry-run or --diff-fixes, shows) the fixes
// of the reported findings. After writing it scans again, so that what
// it reports and the exit status are the findings that remain; a dry run
// prints the diff instead of the findings, and its exit status is that
// of the findings the fixes would leave.
func runFixes(o scanFlags, args, roots []string, scan *report.Scan, kept []report.Finding, threshold driver.Severity, stdout, stderr io.Writer) int {
	write := !o.fixes.dryRun && !o.fixes.diffFixes
	plan := planFixes(kept, o.fixes.unsafe)
	fixedFinding := map[int]bool{}
	files := 0
	var diff bytes.Buffer
	for _, ff := range plan {
		src := scan.Sources.Src(ff.path)
		if src == nil {
			continue
		}
		out := applyFileFixes(ff, src, roots, write)
		if out.refused != "" {
			fmt.Fprintf(stderr, "keychainlint: note: not fixing %s: %s\n", report.Path(out.path), report.Text(out.refused))
			continue
		}
		files++
		for _, i := range out.fixed {
			fixedFinding[i] = true
		}
		diff.Write(out.diff)
	}
	n := len(fixedFinding)
	if write {
		fmt.Fprintf(stderr, "keychainlint: fixed %d %s in %d %s\n", n, plural(n, "finding", "findings"), files, plural(files, "file", "files"))
		return scanCommand(args, stdout, stderr, true)
	}
	if err := writeOutput(o.output, stdout, func(w io.Writer) error { _, err := w.Write(diff.Bytes()); return err }); err != nil {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
		return 2
	}
	remaining, failed := 0, false
	for i, f := range kept {
		if fixedFinding[i] {
			continue
		}
		remaining++
		if f.Severity >= threshold {
			failed = true
		}
	}
	fmt.Fprintf(stderr, "keychainlint: --fix would fix %d %s in %d %s; %d %s would remain\n",
		n, plural(n, "finding", "findings"), files, plural(files, "file", "files"), remaining, plural(remaining, "finding", "findings"))
	if failed && !o.exitZero {
		return 1
	}
	return 0
}
