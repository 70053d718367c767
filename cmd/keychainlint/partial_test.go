package main

import (
	"encoding/json"
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
		strings.Repeat("(", 1000) + "1" + strings.Repeat(")", 1000) + "\n}\n"
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
