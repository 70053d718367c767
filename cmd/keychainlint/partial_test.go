package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPartialParseReport checks that keychain files parsed only in part
// are reported: counted on stderr, listed with --verbose, counted and
// listed in the JSON summary, and notified in the SARIF invocation (which
// stays successful).
func TestPartialParseReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	deep := "import Security\nfunc deep() {\n    let q = [kSecClass: kSecClassGenericPassword]\n    SecItemDelete(q as CFDictionary)\n    let x = " +
		strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + "\n}\n"
	writeTree(t, dir, map[string]string{
		"Bad.swift":    badSwift,
		"Broken.swift": brokenSwift,
		"Deep.swift":   deep,
		"Plain.swift":  "let x = 1\n", // no keychain code: not counted
	})
	p := func(name string) string { return filepath.Join(dir, name) }

	r := runCmd(t, dir)
	want := "keychainlint: 2 keychain files parsed only in part (1 with syntax errors, 1 cut by the depth or time limit or the analysis budget): the code in the lost regions is not analysed (--verbose lists them)\n"
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr does not contain %q:\n%s", want, r.stderr)
	}
	if strings.Contains(r.stderr, "keychainlint: note: "+p("Broken.swift")) {
		t.Errorf("regions listed without --verbose:\n%s", r.stderr)
	}

	r = runCmd(t, "--verbose", dir)
	for _, re := range []string{
		`keychainlint: note: ` + regexp.QuoteMeta(p("Broken.swift")) + `:\d+:\d+-\d+:\d+: syntax error\n`,
		`keychainlint: note: ` + regexp.QuoteMeta(p("Deep.swift")) + `:5:\d+-5:\d+: nested deeper than the depth limit\n`,
	} {
		if !regexp.MustCompile(re).MatchString(r.stderr) {
			t.Errorf("--verbose: stderr does not match %q:\n%s", re, r.stderr)
		}
	}
	if strings.Contains(r.stderr, p("Bad.swift")+":") {
		t.Errorf("--verbose lists a file that parsed whole:\n%s", r.stderr)
	}

	r = runCmd(t, "--format", "json", dir)
	doc := decodeJSON(t, r.stdout)
	if s := doc.Summary; s["filesWithSyntaxErrors"] != 1 || s["filesTruncated"] != 1 || len(doc.PartialParses) != 2 {
		t.Fatalf("json summary: %+v, partial parses %+v", s, doc.PartialParses)
	}
	if pp := doc.PartialParses[0]; pp.File != p("Broken.swift") || len(pp.Lost) == 0 || pp.Lost[0].Reason != "syntax error" || pp.Lost[0].EndLine < 12 {
		t.Errorf("json: Broken.swift: %+v", pp)
	}
	if pp := doc.PartialParses[1]; pp.File != p("Deep.swift") || len(pp.Lost) != 1 || pp.Lost[0].Reason != "nested deeper than the depth limit" || pp.Lost[0].Line != 5 {
		t.Errorf("json: Deep.swift: %+v", pp)
	}

	// runCmd validates the SARIF log against the schema.
	r = runCmd(t, "--format", "sarif", "--srcroot", dir, dir)
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notes               []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
							Region struct {
								StartLine int `json:"startLine"`
							} `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations[0]
	if !inv.ExecutionSuccessful {
		t.Error("a partial parse made the SARIF invocation unsuccessful")
	}
	got := map[string]string{}
	for _, n := range inv.Notes {
		if n.Level != "warning" || len(n.Locations) == 0 || n.Locations[0].PhysicalLocation.Region.StartLine == 0 {
			t.Errorf("notification %+v: want a warning with a located region", n)
			continue
		}
		got[n.Locations[0].PhysicalLocation.ArtifactLocation.URI] = n.Message.Text
	}
	if m := got["Broken.swift"]; !strings.Contains(m, "syntax error") || !strings.Contains(m, "not analysed") {
		t.Errorf("no syntax-error notification for Broken.swift: %q", got)
	}
	if m := got["Deep.swift"]; !strings.Contains(m, "depth limit") {
		t.Errorf("no depth-limit notification for Deep.swift: %q", got)
	}
	if len(got) != 2 {
		t.Errorf("notifications for %d files, want 2: %q", len(got), got)
	}
}

// slowSwift ends in 21 bytes that make the tree-sitter Swift grammar's
// error recovery run for minutes: the whole-file parse gives up at the
// time limit.
const slowSwift = `import Security

func wipe() {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    SecItemDelete(q as CFDictionary)
}

func wipeAgain() {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
        SecItemDelete(q as CFDictionary)
}
func (){var q=[g:y]{t`

// TestTimedOutFileKeepsFindings checks that a file whose parse gives up
// at the time limit keeps the findings of its other declarations, at
// their exact positions, and that the declaration lost to the limit is
// reported with its reason on stderr, in JSON and in SARIF (issue 9).
func TestTimedOutFileKeepsFindings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Lost.swift is one declaration: lost whole, without a second parse.
	writeTree(t, dir, map[string]string{"Slow.swift": slowSwift, "Lost.swift": "// SecItemAdd\nfunc (){var q=[g:y]{t"})
	sarif := filepath.Join(dir, "out.sarif")
	r := runCmd(t, "--verbose", "--format", "json", "--sarif-output", sarif, dir)
	doc := decodeJSON(t, r.stdout)
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule))
	}
	if want := []string{"5:5-5:18 broaddelete", "10:9-10:22 broaddelete"}; strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("findings %q, want %q", got, want)
	}
	if s := doc.Summary; s["filesTruncated"] != 2 || s["filesWithSyntaxErrors"] != 0 || len(doc.PartialParses) != 2 {
		t.Fatalf("json summary: %+v, partial parses %+v", s, doc.PartialParses)
	}
	if l := doc.PartialParses[0].Lost; len(l) != 1 || l[0].Reason != "parse time limit exceeded" || l[0].Line != 1 || l[0].EndLine != 2 {
		t.Errorf("json: Lost.swift: lost regions %+v, want the whole file, parse time limit exceeded", l)
	}
	if l := doc.PartialParses[1].Lost; len(l) != 1 || l[0].Reason != "parse time limit exceeded" || l[0].Line != 12 || l[0].Column != 1 || l[0].EndLine != 12 || l[0].EndColumn != 22 {
		t.Errorf("json: lost regions %+v, want line 12, columns 1-22, parse time limit exceeded", l)
	}
	for _, want := range []string{
		"keychainlint: 2 keychain files parsed only in part (2 cut by the depth or time limit or the analysis budget)",
		"keychainlint: note: " + filepath.Join(dir, "Lost.swift") + ":1:1-2:22: parse time limit exceeded\n",
		"keychainlint: note: " + filepath.Join(dir, "Slow.swift") + ":12:1-12:22: parse time limit exceeded\n",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	raw, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"executionSuccessful": true`, "12:1-12:22 (parse time limit exceeded)", `"startLine": 12`,
		"Lost.swift: the parser gave up at its time limit: the file is not analysed"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("SARIF lacks %s:\n%s", want, raw)
		}
	}
}

// TestDeepFindingReported checks that a finding 1,000 ifs deep is
// reported in Swift and Objective-C, and that the file is not reported as
// cut (issue 9: at 200 ifs it was dropped).
func TestDeepFindingReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const n = 1000
	writeTree(t, dir, map[string]string{
		"Deep.swift": "import Security\nfunc deep() {\n" + strings.Repeat("if true {\n", n) +
			"let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]\nSecItemDelete(q as CFDictionary)\n" + strings.Repeat("}\n", n) + "}\n",
		"Deep.m": "#import <Security/Security.h>\nvoid deep(void) {\n" + strings.Repeat("if (1) {\n", n) +
			"SecItemDelete((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword });\n" + strings.Repeat("}\n", n) + "}\n",
	})
	doc := decodeJSON(t, runCmd(t, "--format", "json", dir).stdout)
	var got []string
	for _, f := range doc.Findings {
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(f.File), f.Line, f.Rule))
	}
	want := []string{"Deep.m:1003 broaddelete", "Deep.swift:1004 broaddelete"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(doc.PartialParses) != 0 {
		t.Errorf("reported as parsed in part: %+v", doc.PartialParses)
	}
}
