package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/swiftparse"
)

func cmdRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keychainlint rules", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: text (a table) or json")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: keychainlint rules [--format text|json]")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 || (*format != "text" && *format != "json") {
		fs.Usage()
		return 2
	}
	if *format == "json" {
		return writeRulesJSON(stdout)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tWHAT IT FINDS")
	for _, r := range all.Catalog() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Title())
	}
	tw.Flush()
	return 0
}

func cmdExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: keychainlint explain RULE... (see keychainlint rules)")
		return 2
	}
	// Every name is checked before anything is printed.
	var rules []report.Rule
	for _, name := range args {
		r, ok := all.LookupCatalog(name)
		if !ok {
			fmt.Fprintf(stderr, "keychainlint: no rule named %s (see keychainlint rules)\n", report.Text(strconv.Quote(name)))
			return 2
		}
		rules = append(rules, r)
	}
	for i, r := range rules {
		if i > 0 {
			fmt.Fprintf(stdout, "\n%s\n\n", strings.Repeat("-", 72))
		}
		fmt.Fprintf(stdout, "%s (default severity: %s)\n\n%s\n\nMore: %s\n", r.Name, r.Severity, r.Doc, r.URL)
	}
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

// ruleJSON is a rule in keychainlint rules --format json.
type ruleJSON struct {
	Name             string   `json:"name"`
	Severity         string   `json:"severity"`
	Title            string   `json:"title"`
	URL              string   `json:"url"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"securitySeverity"`
	Tags             []string `json:"tags"`
}

func writeRulesJSON(stdout io.Writer) int {
	out := []ruleJSON{}
	for _, r := range all.Catalog() {
		m, _ := report.MetaOf(r.Name)
		out = append(out, ruleJSON{Name: r.Name, Severity: r.Severity.String(), Title: r.Title(), URL: r.URL, Precision: m.Precision, SecuritySeverity: m.SecuritySeverity, Tags: m.AllTags()})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return 2
	}
	return 0
}
