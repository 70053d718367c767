package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/rules/all"
)

// --statistics counts the JSON output's findings per rule and severity,
// prints them instead of the findings, and keeps the exit status.
func TestStatistics(t *testing.T) {
	t.Chdir(repoRoot)
	doc := sampleAppJSON(t)
	want := map[string][3]int{}
	for _, f := range doc.Findings {
		c := want[f.Rule]
		c[map[string]int{"error": 0, "warning": 1, "note": 2}[f.Severity]]++
		want[f.Rule] = c
	}
	r := runCmd(t, "--statistics", "--format", "json", "testdata/sampleapp")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (the findings' status)", r.code)
	}
	var got []ruleCount
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d rules counted, want %d: %s", len(got), len(want), r.stdout)
	}
	for i, c := range got {
		w := want[c.Rule]
		if c.Errors != w[0] || c.Warnings != w[1] || c.Notes != w[2] || c.Count != w[0]+w[1]+w[2] || c.Title == "" {
			t.Errorf("%s: %+v, want %v", c.Rule, c, w)
		}
		if i > 0 && got[i-1].Count < c.Count {
			t.Errorf("not sorted by count: %s before %s", got[i-1].Rule, c.Rule)
		}
	}
	text := runCmd(t, "--statistics", "testdata/sampleapp").stdout
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != len(want)+1 || !strings.HasPrefix(lines[0], "COUNT") || !strings.HasPrefix(lines[1], "4      deletelimit") {
		t.Errorf("--statistics text:\n%s", text)
	}
	if strings.Contains(text, "testdata/sampleapp/") {
		t.Errorf("--statistics printed findings:\n%s", text)
	}
	if r := runCmd(t, "--statistics", "--format", "sarif", "testdata/sampleapp"); r.code != 2 || r.stdout != "" {
		t.Errorf("--statistics --format sarif: want a usage error, got\n%s", r)
	}
	clean := t.TempDir()
	writeFile(t, clean+"/Clean.swift", "import Security\n")
	if r := runCmd(t, "--no-cache", "--statistics", "--format", "json", clean); strings.TrimSpace(r.stdout) != "[]" || r.code != 0 {
		t.Errorf("no findings: %s", r)
	}
}

// explain takes several rules, and checks all the names first.
func TestExplainSeveral(t *testing.T) {
	r := runCmd(t, "explain", "broaddelete", "uniqueness", "deletelimit")
	if r.code != 0 {
		t.Fatal(r)
	}
	at := -1
	for _, name := range []string{"broaddelete", "uniqueness", "deletelimit"} {
		i := strings.Index(r.stdout, name+" (default severity: ")
		if i <= at {
			t.Errorf("%s not explained after the one before:\n%s", name, r.stdout)
		}
		at = i
	}
	if n := strings.Count(r.stdout, "\nMore: "); n != 3 {
		t.Errorf("%d rules explained, want 3", n)
	}
	if r := runCmd(t, "explain", "broaddelete", "nosuchrule"); r.code != 2 || r.stdout != "" {
		t.Errorf("an unknown name among several: want exit 2 and nothing printed, got\n%s", r)
	}
}

// rules --format json lists the catalog with its metadata.
func TestRulesJSON(t *testing.T) {
	r := runCmd(t, "rules", "--format", "json")
	if r.code != 0 {
		t.Fatal(r)
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	var rules []ruleJSON
	if err := dec.Decode(&rules); err != nil {
		t.Fatal(err)
	}
	cat := all.Catalog()
	if len(rules) != len(cat) {
		t.Fatalf("%d rules, want %d", len(rules), len(cat))
	}
	for i, c := range cat {
		g := rules[i]
		if g.Name != c.Name || g.Severity != c.Severity.String() || g.Title != c.Title() || g.URL != c.URL || g.Precision == "" || len(g.Tags) == 0 {
			t.Errorf("rule %d: %+v, want %s", i, g, c.Name)
		}
	}
	if r := runCmd(t, "rules", "--format", "yaml"); r.code != 2 {
		t.Errorf("rules --format yaml: %s", r)
	}
}
