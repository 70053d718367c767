package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/swiftparse"
)

func cmdRules(stdout io.Writer) int {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tWHAT IT FINDS")
	for _, r := range all.Catalog() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Title())
	}
	tw.Flush()
	return 0
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: keychainlint explain RULE (see keychainlint rules)")
		return 2
	}
	r, ok := all.LookupCatalog(args[0])
	if !ok {
		fmt.Fprintf(stderr, "keychainlint: no rule named %q (see keychainlint rules)\n", args[0])
		return 2
	}
	fmt.Fprintf(stdout, "%s (default severity: %s)\n\n%s\n\nMore: %s\n", r.Name, r.Severity, r.Doc, r.URL)
	return 0
}

// cmdDump prints the model of files: a development aid for extending the
// front end.
func cmdDump(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--project" || args[0] == "-project") {
		return cmdDumpProject(args[1:], stdout, stderr)
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: keychainlint dump FILE...  |  keychainlint dump --project [--all] [DIR ...]")
		return 2
	}
	for _, path := range args {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
			return 2
		}
		f, err := swiftparse.ParseFile(path, src)
		if err != nil {
			fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
			return 2
		}
		fmt.Fprintf(stdout, "// %s (%s): %d bodies, %d syntax errors\n", report.Path(path), f.Lang, len(f.Funcs), len(f.Errors))
		for _, fn := range f.Funcs {
			if fn.Platforms != model.AllPlatforms {
				fmt.Fprintf(stdout, "[%s] ", fn.Platforms)
			}
			fmt.Fprint(stdout, model.Dump(fn))
		}
		fmt.Fprint(stdout, model.DumpAvailability(f))
	}
	return 0
}
