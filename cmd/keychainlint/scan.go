package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/baseline"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/gitdiff"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/rules/accessgroupchange"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

const usage = `usage: keychainlint [flags] [path ...]
       keychainlint help | rules | explain RULE... | version | config [PATH] | lsp | dump FILE... | dump --project [DIR...]
       keychainlint inventory [--format text|json|markdown] [path ...]   (the keychain items the code creates)

Scans Swift, Objective-C and C files (default: the current directory) for
mistakes in keychain (SecItem) code and prints one finding per line:

  path:line:column: error|warning: message [rule]

--format json prints a JSON document for scripts, --format sarif a
SARIF 2.1.0 log for code review and --format github GitHub Actions
annotations (also gitlab, checkstyle, junit, markdown and xcode);
--sarif-output writes SARIF to a file besides the main output.
keychainlint lsp is the language server for editors (docs/editors.md). Findings can be silenced in source with
  // keychainlint:ignore RULE[,RULE] -- reason        (this line or the next)
  // keychainlint:file-ignore RULE[,RULE] -- reason   (the whole file)

Flags:
`

const exitHelp = `
Exit status:
  0  no finding at or above --fail-on (or --exit-zero, or --write-baseline)
  1  at least one finding at or above --fail-on (default warning)
  2  usage error (bad flag, missing path, bad baseline, --diff failure) or
     internal error
`

// scanFlags are the scan command's options.
type scanFlags struct {
	platforms      string
	maxSize        int64
	failOn         string
	showVersion    bool
	format         string
	output         string
	sarifOutput    string
	showSuppressed bool
	baseline       string
	writeBaseline  string
	diff           string
	exitZero       bool
	srcRoot        string
	verbose        bool
	progress       string
	cache          cacheFlags
	fixes          fixFlags
	conf           configFlags
	statistics     bool
}

func cmdScan(args []string, stdout, stderr io.Writer) int {
	return scanCommand(args, stdout, stderr, false)
}

// scanCommand is the scan command; afterFix is set for the scan that
// --fix runs after writing its fixes, which reports what remains and
// fixes nothing.
func scanCommand(args []string, stdout, stderr io.Writer, afterFix bool) int {
	fs := flag.NewFlagSet("keychainlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o scanFlags
	fs.StringVar(&o.platforms, "platforms", "all", "platforms the code runs on: all, or a comma-separated list of ios, macos, tvos, watchos, visionos, maccatalyst")
	fs.Int64Var(&o.maxSize, "max-file-size", source.DefaultMaxFileSize, "skip files larger than this many bytes (0: no limit below the 64 MB ceiling)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or note")
	fs.BoolVar(&o.showVersion, "version", false, "print the version and exit")
	fs.StringVar(&o.format, "format", "text", "output format: "+formatNames)
	fs.StringVar(&o.output, "output", "", "write the output to `FILE` instead of stdout")
	fs.StringVar(&o.sarifOutput, "sarif-output", "", "also write a SARIF 2.1.0 log to `FILE`")
	fs.BoolVar(&o.showSuppressed, "show-suppressed", false, "also write findings silenced by keychainlint:ignore (as notes in text, with a suppression in JSON and SARIF)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in the baseline `FILE`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in the baseline `FILE` (the exit status is then 0)")
	fs.StringVar(&o.diff, "diff", "", "report only findings on lines added or changed since git revision `REV` (runs git diff)")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when there are findings (2 still means an error)")
	fs.BoolVar(&o.verbose, "verbose", false, "list the regions of keychain files that were not analysed (syntax errors, depth or time limit) on stderr")
	fs.StringVar(&o.progress, "progress", "auto", "show files read and analysed on stderr during a scan: auto (on a terminal, outside CI, after a second), always or never")
	fs.StringVar(&o.srcRoot, "srcroot", "", "`DIR` that SARIF paths and fingerprints are relative to (default: the root of the git work tree holding the working directory, else the working directory)")
	o.cache.register(fs)
	fs.BoolVar(&o.fixes.fix, "fix", false, "apply the safe suggested fixes of the reported findings, then report what remains")
	fs.BoolVar(&o.fixes.unsafe, "unsafe-fixes", false, "with --fix or --diff-fixes, also apply the fixes that change behaviour (another accessibility class, another keychain)")
	fs.BoolVar(&o.fixes.dryRun, "dry-run", false, "with --fix, print the fixes as a unified diff instead of writing them")
	fs.BoolVar(&o.fixes.diffFixes, "diff-fixes", false, "print the fixes --fix would apply as a unified diff; write nothing")
	o.conf.register(fs)
	fs.BoolVar(&o.statistics, "statistics", false, "print the number of findings of each rule instead of the findings (with --format text or json)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), exitHelp)
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	if o.showVersion {
		writeVersion(stdout)
		return 0
	}
	// The configuration files (configfile.go); the flags given win.
	conf, err := o.conf.load(fs, &o)
	if err != nil {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
		return 2
	}
	// Every line on stderr goes through report.Path or report.Text: it
	// may quote a file name or an error that names one.
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(fmt.Sprintf(format, args...)))
		return 2
	}
	plat, ok := model.ParsePlatforms(o.platforms)
	if !ok {
		return usageErr("--platforms %q: use all, or a list of ios, macos, tvos, watchos, visionos, maccatalyst", o.platforms)
	}
	var threshold driver.Severity
	switch o.failOn {
	case "error":
		threshold = driver.Error
	case "warning":
		threshold = driver.Warning
	case "note":
		threshold = driver.Note
	default:
		return usageErr("--fail-on %q: use error, warning or note", o.failOn)
	}
	if o.maxSize < 0 {
		return usageErr("--max-file-size %d: use a number of bytes, or 0 for no limit", o.maxSize)
	}
	if !validFormat(o.format) {
		return usageErr("--format %q: use %s", o.format, formatNames)
	}
	if o.statistics && o.format != "text" && o.format != "json" {
		return usageErr("--statistics: use it with --format text or json")
	}
	if o.fixes.dryRun && !o.fixes.fix {
		return usageErr("--dry-run: use it with --fix")
	}
	if o.fixes.unsafe && !o.fixes.fix && !o.fixes.diffFixes {
		return usageErr("--unsafe-fixes: use it with --fix or --diff-fixes")
	}
	if (o.fixes.fix || o.fixes.diffFixes) && (o.writeBaseline != "" || o.sarifOutput != "") {
		return usageErr("--fix and --diff-fixes do not combine with --write-baseline or --sarif-output: fix first, then scan")
	}
	progress, ok := parseProgressMode(o.progress)
	if !ok {
		return usageErr("--progress %q: use auto, always or never", o.progress)
	}
	if o.diff != "" && strings.HasPrefix(o.diff, "-") {
		return usageErr("--diff %q: give a git revision (a branch, tag or commit)", o.diff)
	}
	if o.sarifOutput == "-" {
		return usageErr("--sarif-output -: use --format sarif to write SARIF to stdout")
	}
	if o.output == "-" {
		o.output = "" // stdout
	}
	if err := distinctFiles(map[string]string{"--output": o.output, "--sarif-output": o.sarifOutput, "--write-baseline": o.writeBaseline, "--baseline": o.baseline}); err != nil {
		return usageErr("%v", err)
	}
	for _, out := range []struct{ flag, path string }{{"--output", o.output}, {"--sarif-output", o.sarifOutput}, {"--write-baseline", o.writeBaseline}} {
		if err := writablePath(out.path); err != nil {
			return usageErr("%s: %v", out.flag, err)
		}
	}
	var base *baseline.Baseline
	if o.baseline != "" {
		b, err := baseline.ReadFile(o.baseline)
		if err != nil {
			return usageErr("--baseline: %v", err)
		}
		base = b
	}
	root, err := sourceRoot(o.srcRoot)
	if err != nil {
		return usageErr("--srcroot: %v", err)
	}

	// source.Options takes 0 as "no limit", driver.Config as "the default
	// (5 MB)": give the driver a limit no file reaches (MaxInt64 itself
	// would overflow source.Read's limit+1).
	driverMaxSize := o.maxSize
	if driverMaxSize == 0 {
		driverMaxSize = math.MaxInt64 - 1
	}
	roots := fs.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	if err := source.CheckRoots(roots); err != nil {
		fmt.Fprintln(stderr, report.Text(err.Error()))
		return 2
	}
	// The revision is checked, and the changed lines read, before the
	// analysis: a mistyped --diff fails at once, not after the scan.
	var changes *gitdiff.Changes
	if o.diff != "" {
		c, err := gitdiff.Changed(context.Background(), gitDir(roots[0]), o.diff, roots)
		if err != nil {
			return usageErr("--diff %s: %v", o.diff, err)
		}
		changes = c
	}
	rules := all.Catalog()
	scan := &report.Scan{ToolVersion: version, Rules: rules, Root: root}
	ctx := context.Background()
	ch := o.cache.open(stderr)
	w := newScanWalk(ctx, roots, o.maxSize, conf, ch) // scanwalk.go
	counters, stopProgress := startProgress(progress, stderr, progressEnvironment)
	res, err := driver.RunWalk(ctx, w.walk, driver.Config{Analyzers: all.Analyzers(), Platforms: plat, MaxFileSize: driverMaxSize, DiscoverProjects: w.discover, FindingsOnly: true, Progress: counters, Cache: ch, StatIndex: statIndexName(roots), FileOptions: conf.fileOptions})
	stopProgress()
	closeCache(ch, res, o.verbose, stderr)
	if w.err != nil {
		fmt.Fprintln(stderr, report.Text(w.err.Error()))
		return 2
	}
	if conf.err != nil {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(conf.err.Error()))
		return 2
	}
	if res != nil {
		conf.reseverity(res.Diagnostics)
	}
	skipped := w.allSkipped()
	if err != nil {
		fmt.Fprintf(stderr, "keychainlint: %s\n", report.Text(err.Error()))
		// A SARIF log that says the run failed, for code review
		// uploads that run even when the scan fails.
		scan.Failed, scan.ExitCode = true, 2
		scan.Notifications = append(scan.Notifications, report.Notification{Level: driver.Error, Message: err.Error()})
		if o.format == "sarif" {
			writeOutput(o.output, stdout, func(w io.Writer) error { return report.WriteSARIF(w, scan) })
		}
		if o.sarifOutput != "" {
			writeOutput(o.sarifOutput, nil, func(w io.Writer) error { return report.WriteSARIF(w, scan) })
		}
		return 2
	}
	allSkipped := append(skipped, res.Stats.Skipped...)
	named := namedSkipped(roots, allSkipped)
	isNamed := map[source.Skipped]bool{}
	for _, s := range named {
		isNamed[s] = true
	}
	// The scan --fix runs after writing prints these notes; the one
	// before it does not, so that each is printed once.
	notes := stderr
	if o.fixes.fix && !o.fixes.dryRun && !afterFix {
		notes = io.Discard
	}
	for _, s := range allSkipped {
		if isNamed[s] {
			fmt.Fprintf(notes, "keychainlint: error: %s, named on the command line, cannot be analysed: %s\n", report.Path(s.Path), report.Text(s.Reason))
			scan.Notifications = append(scan.Notifications, report.Notification{Level: driver.Error, Path: s.Path, Message: s.Path + ", named on the command line, cannot be analysed: " + s.Reason})
			continue
		}
		fmt.Fprintf(notes, "keychainlint: note: skipped %s: %s\n", report.Path(s.Path), report.Text(s.Reason))
		scan.Notifications = append(scan.Notifications, report.Notification{Level: driver.Note, Path: s.Path, Message: "skipped " + s.Path + ": " + s.Reason})
	}
	// Entitlements changes since the --diff revision or the baseline
	// (entchange.go): findings in .entitlements files, which join the
	// sources.
	entDiags, entFiles := entitlementDiagnostics(ctx, o, res.Files, w.projects, changes, base, root, conf, scan, notes)
	scan.Sources = report.NewSources(append(res.Files[:len(res.Files):len(res.Files)], entFiles...))
	// Files that could not be read (binary, unreadable) are skipped, not
	// seen, as when the walk itself opened them.
	seen := len(w.files) - res.Stats.FilesUnread
	scan.Stats.FilesSeen, scan.Stats.FilesKeychain = seen, res.Stats.FilesKeychain
	scan.Partial = report.PartialParses(res.Files)
	for _, p := range scan.Partial {
		var spans []model.Span
		for _, r := range p.Regions() {
			spans = append(spans, r.Span)
		}
		scan.Notifications = append(scan.Notifications, report.Notification{Level: driver.Warning, Path: p.Path, Message: p.Message(scan.Sources.Src(p.Path)), Spans: spans})
	}

	// Inline suppressions, then fingerprints of every finding (suppressed
	// ones too, so that occurrence counts do not depend on them).
	sup := suppress.Apply(res.Files, append(res.Diagnostics[:len(res.Diagnostics):len(res.Diagnostics)], entDiags...), suppress.Options{
		Known: func(rule string) bool { _, ok := all.Lookup(rule); return ok },
		URL:   rulekit.URL,
	})
	kept := make([]report.Finding, len(sup.Kept))
	for i, d := range sup.Kept {
		kept[i] = report.Finding{Diagnostic: d}
	}
	silenced := make([]report.Finding, len(sup.Suppressed))
	for i, s := range sup.Suppressed {
		silenced[i] = report.Finding{Diagnostic: s.Diagnostic, Suppression: &report.Suppression{
			Justification: s.By.Reason, Pos: s.By.Pos, End: report.PositionAt(s.By.File.Path, s.By.File.Src, s.By.Span.End), FileLevel: s.By.FileLevel,
		}}
	}
	everything := append(append([]report.Finding{}, kept...), silenced...)
	report.Fingerprints(everything, scan.Sources, root)
	kept, silenced = everything[:len(kept)], everything[len(kept):]
	scan.Stats.Suppressed = len(silenced)

	recorded := 0
	if o.writeBaseline != "" {
		entries := make([]baseline.Entry, len(kept))
		for i, f := range kept {
			rel, _ := root.Rel(f.Pos.Filename)
			entries[i] = baseline.Entry{Fingerprint: f.Fingerprint, Rule: f.Rule, File: rel, Line: f.Pos.Line, Message: f.Message}
		}
		if err := baseline.WriteFileTargets(o.writeBaseline, entries, recordTargets(root, w.projects.Targets())); err != nil {
			return usageErr("--write-baseline: %v", err)
		}
		recorded = len(entries)
	}
	if base != nil {
		var left []report.Finding
		for _, f := range kept {
			if base.Match(f.Fingerprint) {
				scan.Stats.Baselined++
			} else {
				left = append(left, f)
			}
		}
		kept = left
	}
	if changes != nil {
		inDiff := func(fs []report.Finding) (in []report.Finding, out int) {
			for _, f := range fs {
				// A finding about the entitlements change since the
				// revision is about the diff itself, also where the
				// change removed lines only.
				if f.Rule == accessgroupchange.Analyzer.Name || changes.Contains(f.Pos.Filename, f.Pos.Line) {
					in = append(in, f)
				} else {
					out++
				}
			}
			return in, out
		}
		kept, scan.Stats.OutsideDiff = inDiff(kept)
		silenced, _ = inDiff(silenced)
	}

	if (o.fixes.fix || o.fixes.diffFixes) && !afterFix {
		return runFixes(o, args, roots, scan, kept, threshold, stdout, stderr)
	}

	counts := map[driver.Severity]int{}
	failed := false
	for _, f := range kept {
		counts[f.Severity]++
		if f.Severity >= threshold {
			failed = true
		}
	}
	code := 0
	if failed && !o.exitZero && o.writeBaseline == "" {
		code = 1
	}
	if len(named) > 0 && !o.exitZero {
		code = 2 // a file the user named was not analysed
	}
	scan.ExitCode = code
	scan.Findings = kept
	if o.showSuppressed {
		scan.Findings = append(append([]report.Finding{}, kept...), silenced...)
		report.Sort(scan.Findings)
	}

	write := map[string]func(io.Writer) error{
		"text":   func(w io.Writer) error { return report.WriteText(w, scan.Findings) },
		"json":   func(w io.Writer) error { return report.WriteJSON(w, scan) },
		"sarif":  func(w io.Writer) error { return report.WriteSARIF(w, scan) },
		"github": func(w io.Writer) error { return report.WriteGitHub(w, scan.Findings, root) },
	}
	addFormats(write, scan) // formats.go
	if o.statistics {
		write[o.format] = statisticsWriter(scan, o.format) // statistics.go
	}
	if err := writeOutput(o.output, stdout, write[o.format]); err != nil {
		return usageErr("%v", err)
	}
	if o.sarifOutput != "" {
		if err := writeOutput(o.sarifOutput, nil, write["sarif"]); err != nil {
			return usageErr("%v", err)
		}
	}

	fmt.Fprintf(stderr, "keychainlint: %d %s seen, %d with keychain code; %s in %s\n",
		seen, plural(seen, "file", "files"), res.Stats.FilesKeychain, summary(counts), res.Stats.Elapsed.Round(1e6))
	writePartial(stderr, scan, o.verbose)
	if n := scan.Stats.Suppressed; n > 0 && !o.showSuppressed {
		fmt.Fprintf(stderr, "keychainlint: %d %s suppressed in source (--show-suppressed lists them)\n", n, plural(n, "finding", "findings"))
	}
	if base != nil {
		n := scan.Stats.Baselined
		fmt.Fprintf(stderr, "keychainlint: %d %s in the baseline %s not reported\n", n, plural(n, "finding", "findings"), report.Path(o.baseline))
	}
	if o.diff != "" {
		n := scan.Stats.OutsideDiff
		fmt.Fprintf(stderr, "keychainlint: %d %s outside the lines changed since %s not reported\n", n, plural(n, "finding", "findings"), report.Text(o.diff))
	}
	if o.writeBaseline != "" {
		fmt.Fprintf(stderr, "keychainlint: recorded %d %s in the baseline %s\n", recorded, plural(recorded, "finding", "findings"), report.Path(o.writeBaseline))
	}
	return code
}

// writePartial says on stderr how many keychain files were parsed only in
// part and, when verbose, lists their lost regions as
// path:line:col-line:col (byte columns, the end just after the region).
func writePartial(w io.Writer, scan *report.Scan, verbose bool) {
	if len(scan.Partial) == 0 {
		return
	}
	syn, cut := report.PartialCounts(scan.Partial)
	var parts []string
	if syn > 0 {
		parts = append(parts, fmt.Sprintf("%d with syntax errors", syn))
	}
	if cut > 0 {
		parts = append(parts, fmt.Sprintf("%d cut by the depth or time limit or the analysis budget", cut))
	}
	hint := " (--verbose lists them)"
	if verbose {
		hint = ":"
	}
	n := len(scan.Partial)
	fmt.Fprintf(w, "keychainlint: %d keychain %s parsed only in part (%s): the code in the lost regions is not analysed%s\n",
		n, plural(n, "file", "files"), strings.Join(parts, ", "), hint)
	if !verbose {
		return
	}
	for _, p := range scan.Partial {
		src := scan.Sources.Src(p.Path)
		for _, r := range p.Regions() {
			fmt.Fprintf(w, "keychainlint: note: %s:%s: %s\n", report.Path(p.Path), report.RangeText(src, r.Span), r.Reason)
		}
	}
}

// parseFlags parses args with fs, whose Usage writes to fs.Output(). On
// an error it prints the error, escaped with report.Text (package flag
// would print a bad argument raw), and the usage, and returns the exit
// status and false (0 for -h).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case err == nil:
		return 0, true
	case err == flag.ErrHelp:
		fs.Usage()
		return 0, false
	}
	fmt.Fprintln(stderr, report.Text(err.Error()))
	fs.Usage()
	return 2, false
}

// writeOutput writes with fn to the file path, or to w when path is ""
// (w nil means the path is required). The file is written only when fn
// succeeds, so that a failed write does not leave half a report.
func writeOutput(path string, w io.Writer, fn func(io.Writer) error) error {
	if path == "" {
		return fn(w)
	}
	var b bytes.Buffer
	if err := fn(&b); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// distinctFiles fails when two options name the same file.
func distinctFiles(paths map[string]string) error {
	seen := map[string]string{}
	for _, flagName := range []string{"--baseline", "--write-baseline", "--output", "--sarif-output"} {
		p := paths[flagName]
		if p == "" || p == "-" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if other, ok := seen[abs]; ok {
			if other == "--baseline" && flagName == "--write-baseline" {
				continue // refreshing a baseline in place is fine
			}
			return fmt.Errorf("%s and %s name the same file %s", other, flagName, p)
		}
		seen[abs] = flagName
	}
	return nil
}

// sourceRoot is the directory SARIF URIs and fingerprints are relative to:
// dir when given, else the root of the git work tree holding the working
// directory (found by looking for .git, without running git), else the
// working directory.
func sourceRoot(dir string) (report.Root, error) {
	if dir != "" {
		st, err := os.Stat(dir)
		if err != nil {
			return report.Root{}, err
		}
		if !st.IsDir() {
			return report.Root{}, fmt.Errorf("%s is not a directory", dir)
		}
		return report.NewRoot(dir)
	}
	wd, err := os.Getwd()
	if err != nil {
		return report.Root{}, err
	}
	for d := wd; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return report.NewRoot(d)
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return report.NewRoot(wd)
}

// gitDir is the directory to run git in for a scan root.
func gitDir(root string) string {
	if st, err := os.Stat(root); err == nil && !st.IsDir() {
		return filepath.Dir(root)
	}
	return root
}

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
