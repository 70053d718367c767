package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/internal/gittest"
	"github.com/keychainlint/keychainlint/internal/sarifcheck"
	"github.com/keychainlint/keychainlint/rules/all"
)

// Tests of the code-review features: output formats, inline suppressions,
// baselines, --diff and exit codes. Every SARIF log these tests produce is
// validated by runCmd (checkSARIFOutputs).

// srcRootURI matches the one absolute URI of a SARIF log: %SRCROOT%'s.
var srcRootURI = regexp.MustCompile(`"uri": "file://[^"]*"`)

// normaliseSARIF replaces the absolute %SRCROOT% URI (the checkout's
// location) with a placeholder, for the golden file.
func normaliseSARIF(t *testing.T, sarif string) string {
	t.Helper()
	if n := len(srcRootURI.FindAllString(sarif, -1)); n != 1 {
		t.Fatalf("want exactly one absolute URI (%%SRCROOT%%) in the SARIF log, found %d", n)
	}
	return srcRootURI.ReplaceAllString(sarif, `"uri": "file:///path/to/keychainlint/"`)
}

// TestSampleAppSARIF compares the SARIF of the sample app with
// testdata/sampleapp.sarif.golden (which .ci/run also gives to the SARIF
// multitool), and checks it against the text output.
func TestSampleAppSARIF(t *testing.T) {
	t.Chdir(repoRoot)
	r := runCmd(t, "--format", "sarif", "testdata/sampleapp")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	compareGolden(t, "sampleapp.sarif.golden", normaliseSARIF(t, r.stdout))
	// The golden file itself is valid too (.ci/run also gives it to the
	// SARIF multitool).
	if golden, err := os.ReadFile(filepath.Join(pkgDir, "testdata", "sampleapp.sarif.golden")); err != nil {
		t.Error(err)
	} else if err := sarifcheck.Validate(golden); err != nil {
		t.Errorf("testdata/sampleapp.sarif.golden: %v", err)
	}

	var log sarifLog
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if base := run.OriginalURIBaseIDs["%SRCROOT%"].URI; base != "file://"+filepath.ToSlash(repoRoot)+"/" {
		t.Errorf("%%SRCROOT%% is %q, want the repository root", base)
	}
	// The same findings as the text output, at the same lines, with
	// UTF-16 columns (the sample app is ASCII: the same numbers).
	text := runCmd(t, "testdata/sampleapp")
	var want []finding
	want = findingsOnly(t, parseFindings(t, text.stdout), "testdata/sampleapp")
	if len(run.Results) != len(want) {
		t.Fatalf("%d SARIF results, %d text findings", len(run.Results), len(want))
	}
	seen := map[string]bool{}
	for i, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		got := fmt.Sprintf("%s:%d:%d [%s]", "testdata/sampleapp/"+strings.TrimPrefix(loc.ArtifactLocation.URI, "testdata/sampleapp/"), loc.Region.StartLine, loc.Region.StartColumn, res.RuleID)
		if w := fmt.Sprintf("%s:%d:%d [%s]", want[i].path, want[i].line, want[i].column, want[i].rule); got != w {
			t.Errorf("result %d at %s, text finding at %s", i, got, w)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || filepath.IsAbs(loc.ArtifactLocation.URI) {
			t.Errorf("result %d: artifact %+v is not relative to %%SRCROOT%%", i, loc.ArtifactLocation)
		}
		fp := res.PartialFingerprints[report.FingerprintKey]
		if fp == "" || seen[fp] {
			t.Errorf("result %d: fingerprint %q missing or not unique", i, fp)
		}
		seen[fp] = true
	}

	// --sarif-output writes the same log alongside the unchanged text.
	out := filepath.Join(t.TempDir(), "sample.sarif")
	both := runCmd(t, "--sarif-output", out, "testdata/sampleapp")
	if both.code != 1 || both.stdout != text.stdout {
		t.Errorf("--sarif-output changed the text output or the exit status (%d)", both.code)
	}
	if data, err := os.ReadFile(out); err != nil || string(data) != r.stdout {
		t.Errorf("--sarif-output wrote something else than --format sarif: %v", err)
	}
	// --output writes the main output to a file and nothing to stdout.
	out2 := filepath.Join(t.TempDir(), "sample2.sarif")
	if r2 := runCmd(t, "--format", "sarif", "--output", out2, "testdata/sampleapp"); r2.code != 1 || r2.stdout != "" {
		t.Errorf("--output: exit %d, stdout %q", r2.code, r2.stdout)
	}
	if data, _ := os.ReadFile(out2); string(data) != r.stdout {
		t.Errorf("--output wrote something else than stdout")
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
						Snippet                                    struct{ Text string }
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
		} `json:"results"`
		Invocations []struct {
			ExitCode            int  `json:"exitCode"`
			ExecutionSuccessful bool `json:"executionSuccessful"`
		} `json:"invocations"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, text string) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal([]byte(text), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF log with one run (%v):\n%s", err, text)
	}
	return log
}

// jsonDoc is the JSON output as the README documents it.
type jsonDoc struct {
	Version int `json:"version"`
	Tool    struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Findings []struct {
		Rule, Severity, File             string
		Line, Column, EndLine, EndColumn int
		Message, URL, Fingerprint        string
		Related                          []map[string]any
		Fixes                            []map[string]any
		Suppressed                       *struct {
			Reason, File string
			Line         int
			FileLevel    bool
		}
	} `json:"findings"`
	PartialParses []struct {
		File string
		Lost []struct {
			Line, Column, EndLine, EndColumn int
			Reason                           string
		}
	} `json:"partialParses"`
	Summary map[string]int `json:"summary"`
}

func decodeJSON(t *testing.T, text string) jsonDoc {
	t.Helper()
	var doc jsonDoc
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON output does not match the documented schema: %v\n%s", err, text)
	}
	return doc
}

// findingsOnly drops the related locations from text-output findings: the
// text output prints them as notes, like findings at note severity, so
// the notes that the JSON output of the same run lists as findings stay.
func findingsOnly(t *testing.T, fs []finding, args ...string) []finding {
	t.Helper()
	doc := decodeJSON(t, runCmd(t, append([]string{"--format", "json"}, args...)...).stdout)
	notes := map[string]bool{}
	for _, j := range doc.Findings {
		if j.Severity == "note" {
			notes[fmt.Sprintf("%s:%d:%d %s", j.File, j.Line, j.Column, j.Message)] = true
		}
	}
	var out []finding
	for _, f := range fs {
		if f.severity != "note" || notes[fmt.Sprintf("%s:%d:%d %s", f.path, f.line, f.column, f.message)] {
			out = append(out, f)
		}
	}
	return out
}

func TestSampleAppJSON(t *testing.T) {
	t.Chdir(repoRoot)
	r := runCmd(t, "--format", "json", "testdata/sampleapp")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	doc := decodeJSON(t, r.stdout)
	text := parseFindings(t, runCmd(t, "testdata/sampleapp").stdout)
	i := 0
	for _, f := range text {
		if f.severity == "note" && (i >= len(doc.Findings) || doc.Findings[i].Severity != "note" || doc.Findings[i].Message != f.message) {
			continue // a related location, not a finding at note severity
		}
		if i >= len(doc.Findings) {
			t.Fatalf("JSON has fewer findings than the text output")
		}
		j := doc.Findings[i]
		if j.File != f.path || j.Line != f.line || j.Column != f.column || j.Rule != f.rule || j.Severity != f.severity || j.Message != f.message {
			t.Errorf("JSON finding %d %+v, text %s", i, j, f)
		}
		if j.EndLine < j.Line || (j.EndLine == j.Line && j.EndColumn <= j.Column) || j.Fingerprint == "" || j.Related == nil || j.Fixes == nil {
			t.Errorf("JSON finding %d: %+v", i, j)
		}
		i++
	}
	if i != len(doc.Findings) || doc.Summary["findings"] != i || doc.Summary["exitCode"] != 1 || doc.Summary["filesSeen"] != sampleAppSources(t) {
		t.Errorf("JSON has %d findings, text %d; summary %v", len(doc.Findings), i, doc.Summary)
	}
}

// sampleAppSources counts the source files of the sample app (every one
// is seen by a scan), so that a file added to it needs no edit here.
func sampleAppSources(t *testing.T) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir("testdata/sampleapp", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && slices.Contains([]string{".swift", ".m", ".mm", ".h", ".c"}, filepath.Ext(path)) {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// insertLines inserts text before line n (1-based) of src.
func insertLines(src string, n int, text string) string {
	lines := strings.SplitAfter(src, "\n")
	return strings.Join(lines[:n-1], "") + text + strings.Join(lines[n-1:], "")
}

// scanDir runs keychainlint with args in dir (the working directory).
func scanDir(t *testing.T, dir string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	return runCmd(t, args...)
}

func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	const reason = "the legacy server entry really is keyed by service"
	for _, tc := range []struct {
		name       string
		src        string
		wantCode   int
		wantRules  []string // findings on stdout, in order
		suppressed int
	}{
		{"reason on the line above", insertLines(badSwift, badLine, "        // keychainlint:ignore unsupportedattr -- "+reason+"\n"), 0, nil, 1},
		{"reason on the same line", strings.Replace(badSwift, "kSecAttrService as String: server,", "kSecAttrService as String: server, /* keychainlint:ignore unsupportedattr -- "+reason+" */", 1), 0, nil, 1},
		{"several rules", insertLines(badSwift, badLine, "        // keychainlint:ignore deletelimit,unsupportedattr -- "+reason+"\n"), 1, []string{"unusedignore"}, 1},
		{"no reason", insertLines(badSwift, badLine, "        // keychainlint:ignore unsupportedattr\n"), 1, []string{"badignore", "unsupportedattr"}, 0},
		{"empty reason", insertLines(badSwift, badLine, "        // keychainlint:ignore unsupportedattr --   \n"), 1, []string{"badignore", "unsupportedattr"}, 0},
		{"unused", insertLines(badSwift, 3, "// keychainlint:ignore unsupportedattr -- "+reason+"\n"), 1, []string{"unusedignore", "unsupportedattr"}, 0},
		{"file level", insertLines(badSwift, 2, "// keychainlint:file-ignore unsupportedattr -- "+reason+"\n"), 0, nil, 1},
		{"file level, unused", insertLines(badSwift, 2, "// keychainlint:file-ignore broaddelete -- "+reason+"\n"), 1, []string{"unusedignore", "unsupportedattr"}, 0},
		{"unknown rule", insertLines(badSwift, badLine, "        // keychainlint:ignore unsupportedatr -- typo\n"), 1, []string{"badignore", "unsupportedattr"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sub := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "_"))
			writeTree(t, sub, map[string]string{"App/Vault.swift": tc.src})
			r := scanDir(t, sub, ".")
			if r.code != tc.wantCode {
				t.Errorf("exit %d, want %d\n%s", r.code, tc.wantCode, r)
			}
			var rules []string
			for _, f := range parseFindings(t, r.stdout) {
				rules = append(rules, f.rule)
				if f.rule == "badignore" || f.rule == "unusedignore" {
					if f.severity != "warning" || !strings.HasPrefix(textAt(t, f.path, f.line, f.column), "/") {
						t.Errorf("%s does not point at the directive as a warning", f)
					}
				}
			}
			if !slices.Equal(rules, tc.wantRules) {
				t.Errorf("findings %q, want %q\n%s", rules, tc.wantRules, r)
			}
			wantNote := fmt.Sprintf("keychainlint: %d finding suppressed in source (--show-suppressed lists them)\n", tc.suppressed)
			if got := strings.Contains(r.stderr, wantNote); got != (tc.suppressed > 0) {
				t.Errorf("stderr should say %q: %v\n%s", wantNote, tc.suppressed > 0, r.stderr)
			}
			if tc.suppressed == 0 {
				return
			}
			// --show-suppressed: a note in text, a suppression in JSON
			// and SARIF; the exit status does not change.
			r = runCmd(t, "--show-suppressed", ".")
			if r.code != tc.wantCode || !strings.Contains(r.stdout, ": note: suppressed ("+reason+"): kSecAttrService is not an attribute") {
				t.Errorf("--show-suppressed text:\n%s", r)
			}
			doc := decodeJSON(t, runCmd(t, "--show-suppressed", "--format", "json", ".").stdout)
			if len(doc.Findings) == 0 || doc.Findings[len(doc.Findings)-1].Suppressed == nil && doc.Findings[0].Suppressed == nil {
				t.Errorf("--show-suppressed JSON: %+v", doc.Findings)
			}
			if doc.Summary["suppressed"] != 1 {
				t.Errorf("JSON summary %v", doc.Summary)
			}
			log := decodeSARIF(t, runCmd(t, "--show-suppressed", "--format", "sarif", ".").stdout)
			var sup int
			for _, res := range log.Runs[0].Results {
				for _, s := range res.Suppressions {
					sup++
					if s.Kind != "inSource" || s.Justification != reason || res.RuleID != "unsupportedattr" {
						t.Errorf("SARIF suppression %+v on %s", s, res.RuleID)
					}
				}
			}
			if sup != 1 {
				t.Errorf("%d SARIF suppressions, want 1", sup)
			}
			// Without --show-suppressed the SARIF log leaves it out.
			log = decodeSARIF(t, runCmd(t, "--format", "sarif", ".").stdout)
			for _, res := range log.Runs[0].Results {
				if len(res.Suppressions) > 0 || res.RuleID == "unsupportedattr" {
					t.Errorf("suppressed finding in the SARIF log without --show-suppressed")
				}
			}
		})
	}
}

// TestSuppressionsObjC: directives in Objective-C and C files, in // and
// /* */ comments.
func TestSuppressionsObjC(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "sampleapp", "ObjC", "CertificateStore.m"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	// CertificateStore.m has findings on lines 62 and 77 (EXPECTED.md).
	lines[61] += " // keychainlint:ignore unsupportedattr -- pinned certificates are labelled with the tag"
	lines = slices.Insert(lines, 76, "    /* keychainlint:ignore unsupportedattr -- this class only builds for macOS */")
	writeTree(t, dir, map[string]string{"CertificateStore.m": strings.Join(lines, "\n")})
	r := scanDir(t, dir, ".")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "2 findings suppressed in source") {
		t.Errorf("Objective-C suppressions:\n%s", r)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	app := filepath.Join(dir, "app")
	copyTree(t, filepath.Join(repoRoot, "testdata", "sampleapp"), app)
	t.Chdir(dir)
	all := runCmd(t, "app")
	if all.code != 1 {
		t.Fatalf("the sample app copy has no findings:\n%s", all)
	}
	nfindings := parseSummary(t, all.stderr).total

	// --write-baseline records every finding and exits 0.
	r := runCmd(t, "--write-baseline", "baseline.json", "app")
	if r.code != 0 || r.stdout != all.stdout || !strings.Contains(r.stderr, fmt.Sprintf("recorded %d findings in the baseline baseline.json", nfindings)) {
		t.Fatalf("--write-baseline:\n%s", r)
	}
	var bl struct {
		Version  int
		Findings []struct{ Fingerprint, Rule, File string }
	}
	data, _ := os.ReadFile("baseline.json")
	if err := json.Unmarshal(data, &bl); err != nil || bl.Version != 1 || len(bl.Findings) != nfindings || !strings.HasPrefix(bl.Findings[0].File, "app/") {
		t.Fatalf("baseline.json (%v):\n%s", err, data)
	}

	// --baseline reports nothing new.
	wantNote := fmt.Sprintf("keychainlint: %d findings in the baseline baseline.json not reported\n", nfindings)
	r = runCmd(t, "--baseline", "baseline.json", "app")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, wantNote) {
		t.Errorf("--baseline right after --write-baseline:\n%s", r)
	}

	// Lines inserted above the findings (at the top of every file and in
	// the middle of the files) do not bring them back.
	err := filepath.WalkDir(app, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) == ".md" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := "// A header comment\n// added later.\n\n" + string(src)
		if strings.Count(text, "\n") > 40 {
			text = insertLines(text, 30, "\n// An unrelated comment in the middle.\n\n")
		}
		return os.WriteFile(p, []byte(text), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	moved := runCmd(t, "app")
	if moved.code != 1 || moved.stdout == all.stdout || parseSummary(t, moved.stderr).total != nfindings {
		t.Fatalf("inserting lines should move the findings, not change them:\n%s", moved)
	}
	r = runCmd(t, "--baseline", "baseline.json", "app")
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, wantNote) {
		t.Errorf("--baseline after inserting lines above the findings:\n%s", r)
	}

	// A new finding is reported, and only it.
	vault := filepath.Join(app, "Sources", "PasswordVault.swift")
	src, _ := os.ReadFile(vault)
	os.WriteFile(vault, []byte(string(src)+"\n"+strings.Replace(strings.TrimPrefix(badSwift, "import Security\n"), "func lookup(", "func lookupAgain(", 1)), 0o644)
	r = runCmd(t, "--baseline", "baseline.json", "app")
	fs := parseFindings(t, r.stdout)
	if r.code != 1 || len(fs) != 1 || fs[0].rule != "unsupportedattr" || !strings.HasSuffix(fs[0].path, "PasswordVault.swift") || !strings.Contains(r.stderr, wantNote) {
		t.Errorf("--baseline with a new finding:\n%s", r)
	}
	// The JSON and SARIF outputs leave baselined findings out too.
	if doc := decodeJSON(t, runCmd(t, "--baseline", "baseline.json", "--format", "json", "app").stdout); len(doc.Findings) != 1 || doc.Summary["baselined"] != nfindings {
		t.Errorf("JSON with --baseline: %d findings, summary %v", len(doc.Findings), doc.Summary)
	}
	if log := decodeSARIF(t, runCmd(t, "--baseline", "baseline.json", "--format", "sarif", "app").stdout); len(log.Runs[0].Results) != 1 {
		t.Errorf("SARIF with --baseline: %d results", len(log.Runs[0].Results))
	}

	// Refreshing the baseline in place.
	if r := runCmd(t, "--baseline", "baseline.json", "--write-baseline", "baseline.json", "app"); r.code != 0 {
		t.Errorf("refreshing a baseline in place:\n%s", r)
	}
	if r := runCmd(t, "--baseline", "baseline.json", "app"); r.code != 0 || r.stdout != "" {
		t.Errorf("after refreshing the baseline:\n%s", r)
	}
}

func TestDiff(t *testing.T) {
	repo := gittest.New(t)
	repo.Write("App/Vault.swift", badSwift)
	repo.Write("App/Keys.swift", "import Security\n")
	first := repo.Commit("first")

	// A new finding in a new function, an old one untouched.
	newFunc := `
func lookupAgain(server: String) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrService as String: server,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
`
	repo.Write("App/Vault.swift", badSwift+newFunc)
	t.Chdir(repo.Dir)
	check := func(args []string, wantLines []int, wantOutside int) {
		t.Helper()
		r := runCmd(t, args...)
		var lines []int
		for _, f := range parseFindings(t, r.stdout) {
			lines = append(lines, f.line)
		}
		wantCode := 0
		if len(wantLines) > 0 {
			wantCode = 1
		}
		if r.code != wantCode || !slices.Equal(lines, wantLines) {
			t.Errorf("keychainlint %q: exit %d, findings on lines %v; want exit %d, lines %v\n%s", args, r.code, lines, wantCode, wantLines, r)
		}
		rev := args[slices.Index(args, "--diff")+1]
		if note := fmt.Sprintf("keychainlint: %d %s outside the lines changed since %s not reported\n", wantOutside, plural(wantOutside, "finding", "findings"), rev); !strings.Contains(r.stderr, note) {
			t.Errorf("stderr lacks %q:\n%s", note, r.stderr)
		}
	}
	newLine := strings.Count(badSwift, "\n") + 5 // the kSecAttrService line of newFunc
	// Uncommitted change, against HEAD.
	check([]string{"--diff", "HEAD", "."}, []int{newLine}, 1)
	// Without --diff: both.
	if r := runCmd(t, "."); len(parseFindings(t, r.stdout)) != 2 {
		t.Errorf("without --diff:\n%s", r)
	}
	// Committed, against the previous commit (a pull request's base).
	repo.Commit("second")
	check([]string{"--diff", first, "App"}, []int{newLine}, 1)
	check([]string{"--diff", "HEAD~1", "App/Vault.swift"}, []int{newLine}, 1)
	check([]string{"--diff", "HEAD", "."}, nil, 2)
	// Changing the line of the old finding brings it in.
	repo.Write("App/Vault.swift", strings.Replace(badSwift, "kSecAttrService as String: server,", "kSecAttrService as String: server.lowercased(),", 1)+newFunc)
	check([]string{"--diff", "HEAD", "."}, []int{badLine}, 1)
	// A new, untracked file: all its lines are new.
	repo.Write("App/Other.swift", badSwift)
	check([]string{"--diff", "HEAD", "App/Other.swift"}, []int{badLine}, 0)
	// SARIF and JSON leave the other findings out as well.
	if doc := decodeJSON(t, runCmd(t, "--diff", "HEAD", "--format", "json", ".").stdout); len(doc.Findings) != 2 || doc.Summary["outsideDiff"] != 1 {
		t.Errorf("JSON with --diff: %d findings, summary %v", len(doc.Findings), doc.Summary)
	}
	if log := decodeSARIF(t, runCmd(t, "--diff", "HEAD", "--format", "sarif", ".").stdout); len(log.Runs[0].Results) != 2 {
		t.Errorf("SARIF with --diff: %d results", len(log.Runs[0].Results))
	}

	// Errors: exit 2.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--diff", "nosuchbranch", "."}, `--diff nosuchbranch: "nosuchbranch" is not a commit`},
		{[]string{"--diff", "--upload-pack=x", "."}, "give a git revision"},
		{[]string{"--diff", "HEAD", t.TempDir()}, "not a git repository"},
	} {
		r := runCmd(t, tc.args...)
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("keychainlint %q: want exit 2 and %q\n%s", tc.args, tc.want, r)
		}
	}

	// A bad revision fails before the analysis: the note about a skipped
	// binary file (written after the analysis) never appears.
	repo.Write("App/Blob.swift", "import Security // \x00\x00")
	if r := runCmd(t, "--diff", "nosuchbranch", "."); r.code != 2 || strings.Contains(r.stderr, "skipped") {
		t.Errorf("--diff nosuchbranch: want exit 2 before the scan\n%s", r)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"clean/A.swift":   correctSwift,
		"error/A.swift":   badSwift,
		"warning/A.swift": warningSwift,
		"bad.json":        "{}",
	})
	t.Chdir(dir)
	if r := runCmd(t, "warning"); r.code != 1 || !strings.Contains(r.stdout, ": warning: ") {
		t.Fatalf("the warning fixture:\n%s", r)
	}
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"clean"}, 0},
		{[]string{"--format", "sarif", "clean"}, 0},
		{[]string{"--format", "json", "clean"}, 0},
		{[]string{"error"}, 1},
		{[]string{"--format", "sarif", "error"}, 1},
		{[]string{"--format", "json", "error"}, 1},
		{[]string{"warning"}, 1}, // --fail-on warning is the default
		{[]string{"--fail-on", "error", "warning"}, 0},
		{[]string{"--fail-on", "error", "error"}, 1},
		{[]string{"--fail-on", "note", "warning"}, 1},
		{[]string{"--exit-zero", "error"}, 0},
		{[]string{"--exit-zero", "--format", "sarif", "error"}, 0},
		{[]string{"--write-baseline", "b.json", "error"}, 0},
		{[]string{"--format", "xml", "clean"}, 2},
		{[]string{"--format", "SARIF", "clean"}, 2},
		{[]string{"--baseline", "missing.json", "clean"}, 2},
		{[]string{"--baseline", "bad.json", "clean"}, 2},
		{[]string{"--output", "o.txt", "--sarif-output", "o.txt", "clean"}, 2},
		{[]string{"--output", filepath.Join("no", "such", "dir", "o.txt"), "clean"}, 2},
		{[]string{"--srcroot", "missing", "clean"}, 2},
		{[]string{"--sarif-output", "-", "clean"}, 2},
		{[]string{"--output", "-", "error"}, 1},                   // - is stdout
		{[]string{"--exit-zero", "--format", "nope", "error"}, 2}, // --exit-zero does not hide usage errors
	} {
		r := runCmd(t, tc.args...)
		if r.code != tc.want {
			t.Errorf("keychainlint %q: exit %d, want %d\n%s", tc.args, r.code, tc.want, r)
		}
		if tc.want == 2 && (r.stdout != "" || !strings.HasPrefix(r.stderr, "keychainlint: ")) {
			t.Errorf("keychainlint %q: a usage error prints one message on stderr and nothing on stdout\n%s", tc.args, r)
		}
	}
	// The exit status is recorded in the SARIF invocation.
	for _, tc := range []struct {
		args []string
		want int
	}{{[]string{"error"}, 1}, {[]string{"--exit-zero", "error"}, 0}, {[]string{"clean"}, 0}} {
		log := decodeSARIF(t, runCmd(t, append([]string{"--format", "sarif"}, tc.args...)...).stdout)
		if inv := log.Runs[0].Invocations; len(inv) != 1 || inv[0].ExitCode != tc.want || !inv[0].ExecutionSuccessful {
			t.Errorf("%q: invocations %+v, want exitCode %d", tc.args, inv, tc.want)
		}
	}
}

func TestEmptyScanSARIF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "empty.sarif")
	r := runCmd(t, "--format", "sarif", "--output", out, dir)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r)
	}
	data, _ := os.ReadFile(out)
	log := decodeSARIF(t, string(data))
	if log.Runs[0].Results == nil || !strings.Contains(string(data), `"results": []`) {
		t.Errorf("an empty scan must write results: []:\n%s", data)
	}
	if len(log.Runs[0].Tool.Driver.Rules) != len(all.Catalog()) {
		t.Errorf("an empty scan must still list every rule")
	}
	// JSON too: an empty findings array.
	if doc := decodeJSON(t, runCmd(t, "--format", "json", dir).stdout); doc.Findings == nil || len(doc.Findings) != 0 || doc.Version != 1 {
		t.Errorf("JSON of an empty scan: %+v", doc)
	}
}

// TestUTF16Columns: SARIF columns count UTF-16 code units, the text and
// JSON outputs bytes.
func TestUTF16Columns(t *testing.T) {
	dir := t.TempDir()
	// "Clé 🔑" is 11 bytes and 8 UTF-16 code units: é is 2 bytes and one
	// unit, 🔑 4 bytes and two units (a surrogate pair).
	src := strings.Replace(badSwift, "        kSecAttrService as String: server,", `        kSecAttrLabel as String: "Clé 🔑", kSecAttrService as String: server,`, 1)
	writeTree(t, dir, map[string]string{"Vault.swift": src})
	line := strings.Split(src, "\n")[badLine-1]
	byteCol := strings.Index(line, "kSecAttrService") + 1
	utf16Col := byteCol - 3
	t.Chdir(dir)

	fs := parseFindings(t, runCmd(t, ".").stdout)
	if len(fs) != 1 || fs[0].line != badLine || fs[0].column != byteCol {
		t.Fatalf("text: %v, want one finding at %d:%d (byte column)", fs, badLine, byteCol)
	}
	doc := decodeJSON(t, runCmd(t, "--format", "json", ".").stdout)
	if j := doc.Findings[0]; j.Column != byteCol || j.EndColumn != byteCol+len("kSecAttrService") {
		t.Errorf("JSON columns %d-%d, want bytes %d-%d", j.Column, j.EndColumn, byteCol, byteCol+len("kSecAttrService"))
	}
	log := decodeSARIF(t, runCmd(t, "--format", "sarif", ".").stdout)
	reg := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	if reg.StartLine != badLine || reg.StartColumn != utf16Col || reg.EndLine != badLine || reg.EndColumn != utf16Col+len("kSecAttrService") || reg.Snippet.Text != "kSecAttrService" {
		t.Errorf("SARIF region %+v, want line %d, UTF-16 columns %d-%d", reg, badLine, utf16Col, utf16Col+len("kSecAttrService"))
	}
}

// TestSrcRoot: SARIF URIs are relative to the git work tree's root, not
// to the working directory, and --srcroot overrides it.
func TestSrcRoot(t *testing.T) {
	repo := gittest.New(t)
	repo.Write("ios/App/Vault.swift", badSwift)
	t.Chdir(filepath.Join(repo.Dir, "ios"))
	uri := func(args ...string) (string, string) {
		log := decodeSARIF(t, runCmd(t, append([]string{"--format", "sarif"}, args...)...).stdout)
		al := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		return al.URI, log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI
	}
	if u, base := uri("App"); u != "ios/App/Vault.swift" || base != "file://"+filepath.ToSlash(repo.Dir)+"/" {
		t.Errorf("from a subdirectory: uri %q base %q, want ios/App/Vault.swift below the repository root", u, base)
	}
	if u, _ := uri("--srcroot", ".", "App"); u != "App/Vault.swift" {
		t.Errorf("--srcroot .: uri %q", u)
	}
	// The text output keeps paths relative to the working directory.
	if fs := parseFindings(t, runCmd(t, "App").stdout); len(fs) != 1 || fs[0].path != "App/Vault.swift" {
		t.Errorf("text paths: %v", fs)
	}
}

func TestRulesListPseudoRules(t *testing.T) {
	r := runCmd(t, "rules")
	for _, want := range []string{"unusedignore", "badignore"} {
		if !regexp.MustCompile(`(?m)^` + want + `\s+warning\s+suppression`).MatchString(r.stdout) {
			t.Errorf("keychainlint rules does not list %s:\n%s", want, r.stdout)
		}
		if e := runCmd(t, "explain", want); e.code != 0 || !strings.Contains(e.stdout, "keychainlint:ignore") {
			t.Errorf("explain %s:\n%s", want, e)
		}
	}
}

func TestHelpDocumentsCodeReview(t *testing.T) {
	r := runCmd(t, "--help")
	for _, want := range []string{"-format", "-output", "-sarif-output", "-show-suppressed", "-baseline", "-write-baseline", "-diff", "-exit-zero", "-srcroot",
		"keychainlint:ignore RULE", "0  no finding", "1  at least one finding", "2  usage error"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("--help does not mention %q:\n%s", want, r.stderr)
		}
	}
}
