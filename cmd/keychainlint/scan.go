package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

const usage = `usage: keychainlint [flags] [path ...]
       keychainlint rules | explain RULE | version | dump FILE...

Scans Swift, Objective-C and C files (default: the current directory) for
mistakes in keychain (SecItem) code and prints one finding per line:

  path:line:column: error|warning: message [rule]

Flags:
`

const exitHelp = `
Exit status: 0 when no finding at or above --fail-on, 1 when there is one,
2 on a usage or internal error.
`

func cmdScan(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	platforms := fs.String("platforms", "all", "platforms the code runs on: all, or a comma-separated list of ios, macos, tvos, watchos, visionos, maccatalyst")
	maxSize := fs.Int64("max-file-size", source.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit)")
	failOn := fs.String("fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or note")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, exitHelp)
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintf(stdout, "keychainlint %s\n", version)
		return 0
	}
	plat, ok := model.ParsePlatforms(*platforms)
	if !ok {
		fmt.Fprintf(stderr, "keychainlint: --platforms %q: use all, or a list of ios, macos, tvos, watchos, visionos, maccatalyst\n", *platforms)
		return 2
	}
	var threshold driver.Severity
	switch *failOn {
	case "error":
		threshold = driver.Error
	case "warning":
		threshold = driver.Warning
	case "note":
		threshold = driver.Note
	default:
		fmt.Fprintf(stderr, "keychainlint: --fail-on %q: use error, warning or note\n", *failOn)
		return 2
	}
	if *maxSize < 0 {
		fmt.Fprintf(stderr, "keychainlint: --max-file-size %d: use a number of bytes, or 0 for no limit\n", *maxSize)
		return 2
	}
	// source.Options takes 0 as "no limit", driver.Config as "the default
	// (5 MB)": give the driver a limit no file reaches (MaxInt64 itself
	// would overflow source.Read's limit+1).
	driverMaxSize := *maxSize
	if driverMaxSize == 0 {
		driverMaxSize = math.MaxInt64 - 1
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	opt := source.Options{MaxFileSize: *maxSize}
	files, skipped, err := source.Collect(roots, opt)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	inputs := make([]driver.Input, len(files))
	for i, f := range files {
		inputs[i] = driver.Input{File: f}
	}
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers(), Platforms: plat, MaxFileSize: driverMaxSize})
	if err != nil {
		fmt.Fprintf(stderr, "keychainlint: %v\n", err)
		return 2
	}
	for _, s := range append(skipped, res.Stats.Skipped...) {
		fmt.Fprintf(stderr, "keychainlint: note: skipped %s: %s\n", s.Path, s.Reason)
	}
	counts := map[driver.Severity]int{}
	failed := false
	for _, d := range res.Diagnostics {
		printText(stdout, d)
		counts[d.Severity]++
		if d.Severity >= threshold {
			failed = true
		}
	}
	fmt.Fprintf(stderr, "keychainlint: %d %s seen, %d with keychain code; %s in %s\n",
		len(files), plural(len(files), "file", "files"), res.Stats.FilesKeychain, summary(counts), res.Stats.Elapsed.Round(1e6))
	if failed {
		return 1
	}
	return 0
}

// printText prints a finding the way Xcode and editors recognise, with its
// related locations as notes.
func printText(w io.Writer, d driver.Diagnostic) {
	fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", d.Pos.Filename, d.Pos.Line, d.Pos.Column, d.Severity, oneLine(d.Message), d.Rule)
	for _, r := range d.Related {
		fmt.Fprintf(w, "%s:%d:%d: note: %s [%s]\n", r.Pos.Filename, r.Pos.Line, r.Pos.Column, oneLine(r.Message), d.Rule)
	}
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " ") }

func summary(counts map[driver.Severity]int) string {
	total := counts[driver.Error] + counts[driver.Warning] + counts[driver.Note]
	if total == 0 {
		return "no findings"
	}
	var parts []string
	for _, s := range []driver.Severity{driver.Error, driver.Warning, driver.Note} {
		if n := counts[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, s.String(), s.String()+"s")))
		}
	}
	return fmt.Sprintf("%d %s (%s)", total, plural(total, "finding", "findings"), strings.Join(parts, ", "))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
