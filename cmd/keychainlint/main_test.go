package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/internal/sarifcheck"
	"github.com/keychainlint/keychainlint/rules/all"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// pkgDir and repoRoot are absolute, computed before any test changes the
// working directory (go test starts in the package directory).
var (
	pkgDir   = mustAbs(".")
	repoRoot = mustAbs(filepath.Join("..", ".."))
)

func mustAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return abs
}

// result is what one invocation of run produced.
type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// runCmd calls run like main does and fails the test if run panics.
func runCmd(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	var code int
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("run(%q) panicked: %v", args, r)
			}
		}()
		code = run(args, &stdout, &stderr)
	}()
	r := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	checkSARIFOutputs(t, args, r)
	return r
}

// checkSARIFOutputs validates every SARIF log an invocation wrote (to
// stdout with --format sarif, to --output, to --sarif-output) against the
// OASIS SARIF 2.1.0 schema and GitHub's requirements, so that no test
// produces SARIF unchecked.
func checkSARIFOutputs(t *testing.T, args []string, r result) {
	t.Helper()
	flags := map[string]string{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			continue
		}
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch name {
		case "format", "output", "sarif-output":
			if !hasValue && i+1 < len(args) {
				i++
				value = args[i]
			}
			flags[name] = value
		}
	}
	var logs []struct{ where, text string }
	if flags["format"] == "sarif" {
		if out := flags["output"]; out != "" {
			if data, err := os.ReadFile(out); err == nil {
				logs = append(logs, struct{ where, text string }{out, string(data)})
			}
		} else if r.code != 2 || r.stdout != "" {
			logs = append(logs, struct{ where, text string }{"stdout", r.stdout})
		}
	}
	if out := flags["sarif-output"]; out != "" {
		if data, err := os.ReadFile(out); err == nil {
			logs = append(logs, struct{ where, text string }{out, string(data)})
		}
	}
	for _, l := range logs {
		if err := sarifcheck.Validate([]byte(l.text)); err != nil {
			t.Errorf("keychainlint %q wrote invalid SARIF to %s: %v", args, l.where, err)
		}
	}
}

// findingRE matches one line of the text output.
var findingRE = regexp.MustCompile(`^(.+?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z]+)\]$`)

type finding struct {
	path         string
	line, column int
	severity     string
	message      string
	rule         string
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.path, f.line, f.column, f.severity, f.message, f.rule)
}

// parseFindings parses stdout, failing on any line not in the documented
// format.
func parseFindings(t *testing.T, stdout string) []finding {
	t.Helper()
	var out []finding
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if l == "" {
			continue
		}
		m := findingRE.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("stdout line not in the format path:line:column: severity: message [rule]:\n%s", l)
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if line < 1 || col < 1 {
			t.Errorf("line and column must be 1-based: %s", l)
		}
		out = append(out, finding{path: m[1], line: line, column: col, severity: m[4], message: m[5], rule: m[6]})
	}
	return out
}

// summaryRE matches the stderr summary line.
var summaryRE = regexp.MustCompile(`(?m)^keychainlint: (\d+) files? seen, (\d+) with keychain code; (no findings|(\d+) findings? \(([^)]*)\)) in (\S+)$`)

type summaryLine struct {
	seen, keychain int
	total          int
	bySeverity     map[string]int
	elapsed        time.Duration
}

// parseSummary finds and parses the summary line on stderr.
func parseSummary(t *testing.T, stderr string) summaryLine {
	t.Helper()
	ms := summaryRE.FindAllStringSubmatch(stderr, -1)
	if len(ms) != 1 {
		t.Fatalf("want exactly one summary line (files seen, files with keychain code, findings, elapsed time) on stderr, found %d:\n%s", len(ms), stderr)
	}
	m := ms[0]
	var s summaryLine
	s.seen, _ = strconv.Atoi(m[1])
	s.keychain, _ = strconv.Atoi(m[2])
	s.bySeverity = map[string]int{}
	if m[3] != "no findings" {
		s.total, _ = strconv.Atoi(m[4])
		sum := 0
		for _, part := range strings.Split(m[5], ", ") {
			var n int
			var sev string
			if _, err := fmt.Sscanf(part, "%d %s", &n, &sev); err != nil {
				t.Fatalf("summary: cannot parse %q in %q", part, m[0])
			}
			s.bySeverity[strings.TrimSuffix(sev, "s")] += n
			sum += n
		}
		if sum != s.total {
			t.Errorf("summary: counts by severity add up to %d, total says %d: %q", sum, s.total, m[0])
		}
	}
	d, err := time.ParseDuration(m[6])
	if err != nil || d < 0 {
		t.Errorf("summary: elapsed time %q is not a duration: %v", m[6], err)
	}
	s.elapsed = d
	if s.keychain > s.seen {
		t.Errorf("summary: %d files with keychain code but only %d seen", s.keychain, s.seen)
	}
	return s
}

// checkSummaryMatches checks the summary counts against the findings on
// stdout. "note:" lines on stdout can be related locations rather than
// findings, so notes are only bounded.
func checkSummaryMatches(t *testing.T, s summaryLine, fs []finding) {
	t.Helper()
	count := map[string]int{}
	for _, f := range fs {
		count[f.severity]++
	}
	for _, sev := range []string{"error", "warning"} {
		if s.bySeverity[sev] != count[sev] {
			t.Errorf("summary says %d %s findings, stdout has %d", s.bySeverity[sev], sev, count[sev])
		}
	}
	if s.bySeverity["note"] > count["note"] {
		t.Errorf("summary says %d note findings, stdout has %d note lines", s.bySeverity["note"], count["note"])
	}
}

// textAt returns the source text of path at a 1-based line and 1-based
// (byte) column, to the end of the line.
func textAt(t *testing.T, path string, line, column int) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the file of a finding: %v", err)
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		t.Fatalf("%s:%d: line out of range (file has %d lines)", path, line, len(lines))
	}
	l := strings.TrimSuffix(lines[line-1], "\r")
	if column < 1 || column > len(l) {
		t.Fatalf("%s:%d:%d: column out of range (line is %q)", path, line, column, l)
	}
	return l[column-1:]
}

// leadingKey is the kSec… or SecItem… name a message starts with.
var leadingKey = regexp.MustCompile(`^(kSec\w+|SecItem\w+)\b`)

// checkPointsAtKey checks that the finding's line:column is where the
// key its message names starts, and reports whether the message names one.
func checkPointsAtKey(t *testing.T, f finding) bool {
	t.Helper()
	key := leadingKey.FindString(f.message)
	if key == "" {
		return false
	}
	at := textAt(t, f.path, f.line, f.column)
	if !strings.HasPrefix(at, key) || (len(at) > len(key) && isIdentByte(at[len(key)])) {
		t.Errorf("%s: the column does not point at %s; the text there is %q", f, key, at)
	}
	return true
}

func isIdentByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// compareGolden compares got with testdata/name, or rewrites the file
// with -update.
func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(pkgDir, "testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/keychainlint -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s (if the change is intended, rerun with -update):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	wl := strings.Split(want, "\n")
	gl := strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range wl {
		if !slices.Contains(gl, l) {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range gl {
		if !slices.Contains(wl, l) {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	if b.Len() == 0 {
		return "(same lines, different order)\n--- want:\n" + want + "--- got:\n" + got
	}
	return b.String()
}

// expectedRow is a row of the findings table in testdata/sampleapp/EXPECTED.md.
type expectedRow struct {
	file     string // relative to testdata/sampleapp
	line     int
	rule     string
	severity string
	key      string // key or call at the primary location
}

// readExpected parses the "Findings" table of EXPECTED.md.
func readExpected(t *testing.T) []expectedRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "sampleapp", "EXPECTED.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []expectedRow
	inFindings := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "## ") {
			inFindings = strings.HasPrefix(l, "## Findings")
			continue
		}
		if !inFindings || !strings.HasPrefix(l, "| ") {
			continue
		}
		cells := strings.Split(l, "|")
		if len(cells) < 7 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		line, err := strconv.Atoi(cells[2])
		if err != nil {
			continue // header
		}
		rows = append(rows, expectedRow{file: cells[1], line: line, rule: cells[3], severity: cells[4], key: strings.Trim(cells[5], "`")})
	}
	if len(rows) == 0 {
		t.Fatal("EXPECTED.md: no rows found in the Findings table")
	}
	return rows
}

// TestSampleApp scans the shipped sample app from the repository root and
// compares the findings with testdata/sampleapp.golden; it also checks
// them independently against the source and EXPECTED.md.
func TestSampleApp(t *testing.T) {
	t.Chdir(repoRoot)
	r := runCmd(t, "testdata/sampleapp")
	if r.code != 1 {
		t.Errorf("exit status %d, want 1 (the sample app has errors)\n%s", r.code, r)
	}
	compareGolden(t, "sampleapp.golden", r.stdout)

	fs := parseFindings(t, r.stdout)
	if len(fs) == 0 {
		t.Fatalf("no findings\n%s", r)
	}
	checked := 0
	for _, f := range fs {
		if !strings.HasPrefix(f.path, "testdata/sampleapp/") || filepath.IsAbs(f.path) {
			t.Errorf("path %q is not relative to the working directory", f.path)
		}
		if _, err := os.Stat(f.path); err != nil {
			t.Errorf("path of a finding does not name a file relative to the working directory: %v", err)
		}
		if checkPointsAtKey(t, f) {
			checked++
		}
	}
	if checked < 2 {
		t.Errorf("only %d findings name a key to check the column against, want at least 2", checked)
	}

	// The findings are exactly the rows of EXPECTED.md whose rule exists
	// today, at the documented line, severity and key (or call).
	rules := map[string]bool{}
	for _, rl := range all.Rules {
		rules[rl.Analyzer.Name] = true
	}
	type at struct {
		path string
		line int
		rule string
	}
	got := map[at]finding{}
	for _, f := range findingsOnly(t, fs, "testdata/sampleapp") {
		got[at{f.path, f.line, f.rule}] = f
	}
	nwant := 0
	for _, row := range readExpected(t) {
		if !rules[row.rule] {
			continue
		}
		nwant++
		k := at{"testdata/sampleapp/" + row.file, row.line, row.rule}
		f, ok := got[k]
		if !ok {
			t.Errorf("EXPECTED.md lists %s:%d [%s] (%s), not reported", k.path, k.line, k.rule, row.key)
			continue
		}
		delete(got, k)
		if f.severity != row.severity {
			t.Errorf("%s: severity %s, EXPECTED.md says %s", f, f.severity, row.severity)
		}
		if text := textAt(t, f.path, f.line, f.column); !strings.HasPrefix(text, row.key) {
			t.Errorf("%s: column points at %q, EXPECTED.md says the primary location is %s", f, text, row.key)
		}
	}
	for _, f := range got {
		t.Errorf("finding not in EXPECTED.md: %s", f)
	}
	if nwant < 2 {
		t.Errorf("EXPECTED.md has %d findings for the existing rules, the test needs at least 2", nwant)
	}

	// Summary: every source file of the sample app is seen; the ones that
	// mention SecItem or kSec have keychain code.
	s := parseSummary(t, r.stderr)
	seen, keychain := countSources(t, "testdata/sampleapp")
	if s.seen != seen || s.keychain != keychain {
		t.Errorf("summary says %d files seen, %d with keychain code; want %d and %d:\n%s", s.seen, s.keychain, seen, keychain, r.stderr)
	}
	checkSummaryMatches(t, s, fs)
	if strings.Contains(r.stderr, "skipped") {
		t.Errorf("nothing in the sample app should be skipped:\n%s", r.stderr)
	}

	// The output is deterministic (the analysis runs in parallel).
	for range 3 {
		if again := runCmd(t, "testdata/sampleapp"); again.stdout != r.stdout || again.code != r.code {
			t.Fatalf("a second scan printed something else:\n%s\n--- first:\n%s", again, r)
		}
	}
}

// keychainToken is the prefilter's rule, written independently: an
// identifier that begins with SecItem or kSec and an upper-case letter.
var keychainToken = regexp.MustCompile(`(?:^|[^A-Za-z0-9_$\x80-\x{10FFFF}])(?:SecItem|kSec)[A-Z]`)

// countSources counts the source files below dir and those with a
// keychain token.
func countSources(t *testing.T, dir string) (seen, keychain int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".swift", ".m", ".mm", ".h", ".c":
		default:
			return nil
		}
		seen++
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if keychainToken.Match(src) {
			keychain++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen, keychain
}

// sampleAppOutput is the stdout of a scan of testdata/sampleapp from the
// repository root, with "testdata/" replaced by prefix+"testdata/".
func sampleAppOutput(t *testing.T, prefix string) string {
	t.Helper()
	t.Chdir(repoRoot)
	r := runCmd(t, "testdata/sampleapp")
	if r.code != 1 || r.stdout == "" {
		t.Fatalf("scan of the sample app:\n%s", r)
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(r.stdout, "\n") {
		if l != "" {
			b.WriteString(prefix + l)
		}
	}
	return b.String()
}

// TestSampleAppPathForms checks that the way the root is written does not
// change the findings, and that paths stay relative to the working
// directory. (TestSampleApp checks the findings themselves.)
func TestSampleAppPathForms(t *testing.T) {
	t.Run("below the working directory", func(t *testing.T) {
		want := sampleAppOutput(t, "")
		t.Chdir(repoRoot)
		for _, args := range [][]string{
			{"./testdata/sampleapp/"},
			{"testdata//sampleapp"},
			{filepath.Join(repoRoot, "testdata", "sampleapp")}, // absolute, below the working directory
			{"testdata/sampleapp/../sampleapp"},
			// The same file reached through overlapping roots is reported once.
			{"testdata/sampleapp", "testdata/sampleapp/Sources", "testdata/sampleapp/Sources/KeyRing.swift"},
			{"scan", "testdata/sampleapp"}, // "scan" is the default command
		} {
			r := runCmd(t, args...)
			if r.code != 1 || r.stdout != want {
				t.Errorf("keychainlint %q: exit %d, want 1; output differs from the scan of testdata/sampleapp:\n%s", args, r.code, lineDiff(want, r.stdout))
			}
		}
	})
	t.Run("above the working directory", func(t *testing.T) {
		want := sampleAppOutput(t, "../../")
		t.Chdir(pkgDir)
		r := runCmd(t, "../../testdata/sampleapp")
		if r.code != 1 || r.stdout != want {
			t.Errorf("scanning from cmd/keychainlint: exit %d, want 1; output:\n%s", r.code, lineDiff(want, r.stdout))
		}
		for _, f := range parseFindings(t, r.stdout) {
			if _, err := os.Stat(f.path); err != nil {
				t.Errorf("path not relative to the working directory: %v", err)
			}
		}
	})
	t.Run("default root is the working directory", func(t *testing.T) {
		want := strings.ReplaceAll(sampleAppOutput(t, ""), "testdata/sampleapp/", "")
		t.Chdir(filepath.Join(repoRoot, "testdata", "sampleapp"))
		r := runCmd(t)
		if r.code != 1 || r.stdout != want {
			t.Errorf("scanning with no arguments: exit %d, want 1; output:\n%s", r.code, lineDiff(want, r.stdout))
		}
	})
}

// TestFailOn checks --fail-on with the sample app, whose findings are all
// errors.
func TestFailOn(t *testing.T) {
	t.Parallel()
	root := filepath.Join(repoRoot, "testdata", "sampleapp")
	for _, sev := range []string{"error", "warning", "note"} {
		r := runCmd(t, "--fail-on", sev, root)
		if r.code != 1 {
			t.Errorf("--fail-on %s: exit %d, want 1 (the sample app has errors)\n%s", sev, r.code, r)
		}
		if r.stdout == "" {
			t.Errorf("--fail-on %s: no findings printed", sev)
		}
	}
	// -fail-on=error form, as the flag package accepts.
	if r := runCmd(t, "-fail-on=error", root); r.code != 1 {
		t.Errorf("-fail-on=error: exit %d, want 1", r.code)
	}
}

// TestPlatforms checks that --platforms macos silences the macOS-only key
// of the sample app and keeps the class mismatches.
func TestPlatforms(t *testing.T) {
	t.Chdir(repoRoot)
	isMacOnly := func(f finding) bool {
		return f.path == "testdata/sampleapp/ObjC/CertificateStore.m" && strings.HasPrefix(f.message, "kSecMatchSubjectWholeString")
	}
	// mismatches are the findings of a wrong attribute for the class,
	// which do not depend on the platform.
	mismatches := func(fs []finding) string {
		var b strings.Builder
		for _, f := range fs {
			if f.rule == "unsupportedattr" && strings.Contains(f.message, "is not an attribute of") {
				fmt.Fprintln(&b, f)
			}
		}
		return b.String()
	}
	all := parseFindings(t, runCmd(t, "testdata/sampleapp").stdout)
	i := slices.IndexFunc(all, isMacOnly)
	if i < 0 {
		t.Fatalf("default scan does not report kSecMatchSubjectWholeString in CertificateStore.m:\n%v", all)
	}
	if at := textAt(t, all[i].path, all[i].line, all[i].column); !strings.HasPrefix(at, "kSecMatchSubjectWholeString") {
		t.Errorf("%s points at %q", all[i], at)
	}
	want := mismatches(all)
	if n := strings.Count(want, "\n"); n < 3 {
		t.Errorf("want at least 3 class mismatches in the sample app, found %d:\n%s", n, want)
	}

	for _, p := range []string{"macos", "MacOS", "macos,", "osx"} {
		r := runCmd(t, "--platforms", p, "testdata/sampleapp")
		if r.code != 1 {
			t.Errorf("--platforms %s: exit %d, want 1 (class mismatches remain)\n%s", p, r.code, r)
		}
		got := parseFindings(t, r.stdout)
		if slices.ContainsFunc(got, isMacOnly) {
			t.Errorf("--platforms %s still reports the macOS-only key:\n%s", p, r.stdout)
		}
		if m := mismatches(got); m != want {
			t.Errorf("--platforms %s: the class mismatches changed:\n%s", p, lineDiff(want, m))
		}
	}
	for _, p := range []string{"all", "ios", "macos,ios", "tvos", "maccatalyst", "visionos,watchos"} {
		got := parseFindings(t, runCmd(t, "--platforms", p, "testdata/sampleapp").stdout)
		if !slices.ContainsFunc(got, isMacOnly) {
			t.Errorf("--platforms %s: the macOS-only key must be reported (the scope includes an iOS-family platform)", p)
		}
		if m := mismatches(got); m != want {
			t.Errorf("--platforms %s: the class mismatches changed:\n%s", p, lineDiff(want, m))
		}
	}
}

// TestUsageErrors checks the exit status 2 cases.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	sample := filepath.Join(repoRoot, "testdata", "sampleapp")
	missing := filepath.Join(t.TempDir(), "does-not-exist")
	for _, tc := range []struct {
		name       string
		args       []string
		wantStderr string // substring
	}{
		{"missing path", []string{missing}, "keychainlint: " + missing + ": no such file or directory\n"},
		{"missing relative path", []string{"no/such/dir"}, "keychainlint: no/such/dir: no such file or directory\n"},
		{"missing path among existing ones", []string{sample, missing}, "keychainlint: " + missing + ": no such file or directory\n"},
		{"path below a file", []string{filepath.Join(sample, "README.md", "x.swift")}, "no such file or directory"},
		{"unknown flag", []string{"--no-such-flag", sample}, "flag provided but not defined: -no-such-flag"},
		{"unknown short flag", []string{"-x"}, "flag provided but not defined: -x"},
		{"platforms nonsense", []string{"--platforms", "nonsense", sample}, `--platforms "nonsense"`},
		{"platforms empty", []string{"--platforms", "", sample}, `--platforms ""`},
		{"platforms one bad", []string{"--platforms", "ios,android", sample}, `--platforms "ios,android"`},
		{"fail-on nonsense", []string{"--fail-on", "nonsense", sample}, `--fail-on "nonsense"`},
		{"fail-on capitalised", []string{"--fail-on", "Error", sample}, `--fail-on "Error"`},
		{"max-file-size not a number", []string{"--max-file-size", "5MB", sample}, "invalid value"},
		{"flag without value", []string{"--platforms"}, "flag needs an argument"},
		{"explain without rule", []string{"explain"}, "usage: keychainlint explain RULE"},
		{"explain a known and an unknown rule", []string{"explain", "unsupportedattr", "nosuchrule"}, `keychainlint: no rule named "nosuchrule"`},
		{"explain unknown rule", []string{"explain", "nosuchrule"}, `keychainlint: no rule named "nosuchrule"`},
		{"dump without file", []string{"dump"}, "usage: keychainlint dump FILE"},
		{"dump missing file", []string{"dump", missing}, "no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2\n%s", r.code, r)
			}
			if !strings.Contains(r.stderr, tc.wantStderr) {
				t.Errorf("stderr does not contain %q\n%s", tc.wantStderr, r)
			}
			if r.stdout != "" {
				t.Errorf("a usage error must not print findings or other output on stdout\n%s", r)
			}
		})
	}
	// The missing-path message is the whole of stderr: nothing was scanned.
	if r := runCmd(t, missing); r.stderr != "keychainlint: "+missing+": no such file or directory\n" {
		t.Errorf("stderr for a missing path:\n%q", r.stderr)
	}
}

// TestSubcommands covers rules, explain, version, help and dump.
func TestSubcommands(t *testing.T) {
	t.Parallel()
	t.Run("rules", func(t *testing.T) {
		r := runCmd(t, "rules")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("keychainlint rules:\n%s", r)
		}
		found := false
		for _, l := range strings.Split(r.stdout, "\n") {
			f := strings.Fields(l)
			if len(f) >= 3 && f[0] == "unsupportedattr" {
				found = true
				if f[1] != "error" {
					t.Errorf("unsupportedattr listed with severity %q, want error: %q", f[1], l)
				}
				if !strings.Contains(l, "attribute not supported by the item class") {
					t.Errorf("unsupportedattr listed without its title: %q", l)
				}
			}
		}
		if !found {
			t.Errorf("unsupportedattr not listed:\n%s", r.stdout)
		}
		// Every registered rule is listed, in a line of its own.
		for _, rl := range all.Rules {
			if !regexp.MustCompile(`(?m)^` + rl.Analyzer.Name + `\s+` + rl.Severity + `\s`).MatchString(r.stdout) {
				t.Errorf("rule %s (%s) not listed:\n%s", rl.Analyzer.Name, rl.Severity, r.stdout)
			}
		}
	})
	t.Run("explain", func(t *testing.T) {
		r := runCmd(t, "explain", "unsupportedattr")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("keychainlint explain unsupportedattr:\n%s", r)
		}
		for _, want := range []string{
			"unsupportedattr",
			"error",
			"errSecNoSuchAttr", // body of "# Analyzer unsupportedattr" in doc.go
			"-25303",
			"kSecAttrServer",
			"Use instead",
		} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("explain output does not contain %q:\n%s", want, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "Package unsupportedattr") {
			t.Errorf("explain prints the package comment rather than the analyzer's doc:\n%s", r.stdout)
		}
	})
	t.Run("explain every rule", func(t *testing.T) {
		for _, rl := range all.Rules {
			r := runCmd(t, "explain", rl.Analyzer.Name)
			if r.code != 0 || !strings.HasPrefix(r.stdout, rl.Analyzer.Name) || len(r.stdout) < 200 {
				t.Errorf("explain %s:\n%s", rl.Analyzer.Name, r)
			}
		}
	})
	t.Run("version", func(t *testing.T) {
		info, ok := debug.ReadBuildInfo()
		want := versionText(info, ok)
		for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
			r := runCmd(t, args...)
			if r.code != 0 || r.stdout != want || !strings.HasPrefix(r.stdout, "keychainlint "+version+"\n") || r.stderr != "" {
				t.Errorf("keychainlint %s:\n%s\nwant stdout %q", strings.Join(args, " "), r, want)
			}
		}
	})
	t.Run("help command", func(t *testing.T) {
		// `keychainlint help` is the usage on stdout, not a path named help.
		r := runCmd(t, "help")
		if r.code != 0 || !strings.Contains(r.stdout, "usage: keychainlint") || !strings.Contains(r.stdout, "Exit status") || r.stderr != "" {
			t.Errorf("keychainlint help:\n%s", r)
		}
	})
	t.Run("help", func(t *testing.T) {
		for _, h := range []string{"-h", "--help", "-help"} {
			r := runCmd(t, h)
			if r.code != 0 {
				t.Errorf("%s: exit %d, want 0", h, r.code)
			}
			if r.stdout != "" {
				t.Errorf("%s: usage must go to stderr, stdout is %q", h, r.stdout)
			}
			for _, want := range []string{"usage: keychainlint", "-platforms", "-fail-on", "-max-file-size", "Exit status"} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("%s: usage does not mention %q:\n%s", h, want, r.stderr)
				}
			}
		}
	})
	t.Run("dump", func(t *testing.T) {
		file := filepath.Join(repoRoot, "testdata", "sampleapp", "Sources", "KeyRing.swift")
		r := runCmd(t, "dump", file)
		if r.code != 0 {
			t.Fatalf("dump:\n%s", r)
		}
		if !strings.HasPrefix(r.stdout, "// "+file+" ") {
			t.Errorf("dump output does not start with a \"// %s\" line:\n%.300s", file, r.stdout)
		}
		if !strings.Contains(r.stdout, "SecItem") {
			t.Errorf("dump of KeyRing.swift does not show its SecItem calls:\n%s", r.stdout)
		}
		// Several files: one header each.
		other := filepath.Join(repoRoot, "testdata", "sampleapp", "C", "keychain_util.c")
		r = runCmd(t, "dump", file, other)
		if r.code != 0 || strings.Count(r.stdout, "\n// ") != 1 || !strings.Contains(r.stdout, "\n// "+other+" ") {
			t.Errorf("dump of two files:\n%s", r)
		}
	})
}
