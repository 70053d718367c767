package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAnalysisBudgetReport: a function whose analysis runs out of the flow
// engine's step budget (loops nested 30 deep: their bodies would be
// interpreted 2³⁰ times) is reported like a partial parse: counted on
// stderr, listed with --verbose, in the JSON summary and as a SARIF
// notification, with the reason "analysis budget exhausted"; the rest of
// the file is analysed (its finding stays).
func TestAnalysisBudgetReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	loops := "import Security\n\nfunc broad() {\n    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)\n}\n\nfunc spin(more: Bool) {\n" +
		"    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\"]\n" +
		strings.Repeat("    while more {\n", 30) + "        SecItemDelete(q as CFDictionary)\n" + strings.Repeat("    }\n", 30) + "}\n"
	writeTree(t, dir, map[string]string{"Loops.swift": loops})
	path := filepath.Join(dir, "Loops.swift")

	r := runCmd(t, "--verbose", dir)
	for _, re := range []string{
		`keychainlint: 1 keychain file parsed only in part \(1 cut by the depth or time limit or the analysis budget\)`,
		`keychainlint: note: ` + regexp.QuoteMeta(path) + `:7:1-\d+:2: analysis budget exhausted\n`,
		regexp.QuoteMeta(path) + `:4:5: error: .*broaddelete`,
	} {
		if !regexp.MustCompile(re).MatchString(r.stderr + r.stdout) {
			t.Errorf("output does not match %q:\n%s%s", re, r.stdout, r.stderr)
		}
	}

	r = runCmd(t, "--format", "json", dir)
	doc := decodeJSON(t, r.stdout)
	if s := doc.Summary; s["filesTruncated"] != 1 || len(doc.PartialParses) != 1 {
		t.Fatalf("json summary: %+v, partial parses %+v", s, doc.PartialParses)
	}
	if pp := doc.PartialParses[0]; len(pp.Lost) != 1 || pp.Lost[0].Reason != "analysis budget exhausted" || pp.Lost[0].Line != 7 {
		t.Errorf("json: %+v", pp)
	}

	r = runCmd(t, "--format", "sarif", "--srcroot", dir, dir)
	var log struct {
		Runs []struct {
			Invocations []struct {
				Notes []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range log.Runs[0].Invocations[0].Notes {
		if n.Level == "warning" && strings.Contains(n.Message.Text, "analysis budget exhausted") {
			found = true
		}
	}
	if !found {
		t.Errorf("no SARIF notification of the analysis budget: %+v", log.Runs[0].Invocations[0].Notes)
	}
}
