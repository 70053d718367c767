package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sampleAppJSON is the sample app's findings from --format json, which
// every other format is checked against.
func sampleAppJSON(t *testing.T) jsonDoc {
	t.Helper()
	doc := decodeJSON(t, runCmd(t, "--format", "json", "testdata/sampleapp").stdout)
	if len(doc.Findings) == 0 {
		t.Fatal("no findings in the sample app")
	}
	return doc
}

// TestFormatsGolden compares each CI format of the sample app with its
// golden file, testdata/sampleapp.FORMAT.golden.
func TestFormatsGolden(t *testing.T) {
	t.Chdir(repoRoot)
	for _, f := range []string{"gitlab", "checkstyle", "junit", "markdown"} {
		r := runCmd(t, "--format", f, "testdata/sampleapp")
		if r.code != 1 {
			t.Errorf("--format %s: exit %d, want 1\n%s", f, r.code, r.stderr)
		}
		compareGolden(t, "sampleapp."+f+".golden", r.stdout)
	}
	// xcode is the text format under the name Xcode users look for.
	if x, txt := runCmd(t, "--format", "xcode", "testdata/sampleapp"), runCmd(t, "testdata/sampleapp"); x.stdout != txt.stdout || x.code != txt.code {
		t.Errorf("--format xcode differs from the text output:\n%s", lineDiff(txt.stdout, x.stdout))
	}
}

// gitlabIssue is GitLab's Code Quality issue as GitLab reads it.
type gitlabIssueT struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
			End   int `json:"end"`
		} `json:"lines"`
	} `json:"location"`
}

// TestGitLabShape checks --format gitlab against the shape of GitLab's
// Code Quality report: a JSON array of issues, each with the required
// description, check_name, unique fingerprint, one of GitLab's severities
// and a location whose path is relative to the repository root.
func TestGitLabShape(t *testing.T) {
	t.Chdir(repoRoot)
	out := runCmd(t, "--format", "gitlab", "testdata/sampleapp").stdout
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var issues []gitlabIssueT
	if err := dec.Decode(&issues); err != nil {
		t.Fatalf("not a Code Quality array: %v", err)
	}
	var raw []map[string]any
	json.Unmarshal([]byte(out), &raw)
	doc := sampleAppJSON(t)
	if len(issues) != len(doc.Findings) {
		t.Fatalf("%d issues, %d findings", len(issues), len(doc.Findings))
	}
	fps := map[string]bool{}
	for i, is := range issues {
		for _, k := range []string{"description", "check_name", "fingerprint", "severity", "location"} {
			if _, ok := raw[i][k]; !ok {
				t.Errorf("issue %d lacks %s", i, k)
			}
		}
		if fps[is.Fingerprint] || is.Fingerprint == "" {
			t.Errorf("issue %d: fingerprint %q empty or repeated", i, is.Fingerprint)
		}
		fps[is.Fingerprint] = true
		if !slices.Contains([]string{"info", "minor", "major", "critical", "blocker"}, is.Severity) {
			t.Errorf("issue %d: severity %q", i, is.Severity)
		}
		f := doc.Findings[i]
		if is.CheckName != f.Rule || is.Location.Path != f.File || is.Location.Lines.Begin != f.Line || !strings.HasPrefix(is.Description, f.Message) {
			t.Errorf("issue %d is %+v, want the finding %+v", i, is, f)
		}
		if _, err := os.Stat(filepath.FromSlash(is.Location.Path)); err != nil || filepath.IsAbs(is.Location.Path) {
			t.Errorf("issue %d: path %q not relative to the repository root", i, is.Location.Path)
		}
	}
	if out := runCmd(t, "--format", "gitlab", "testdata/sampleapp/README.md").stdout; strings.TrimSpace(out) != "[]" {
		t.Errorf("no findings: want [], got %q", out)
	}
}

type checkstyleT struct {
	XMLName xml.Name `xml:"checkstyle"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

type junitT struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Cases    []struct {
			Class   string `xml:"classname,attr"`
			Name    string `xml:"name,attr"`
			Failure *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestXMLFormatsParseBack parses --format checkstyle and junit back and
// finds every finding of the JSON output in them, in order.
func TestXMLFormatsParseBack(t *testing.T) {
	t.Chdir(repoRoot)
	doc := sampleAppJSON(t)
	var cs checkstyleT
	if err := xml.Unmarshal([]byte(runCmd(t, "--format", "checkstyle", "testdata/sampleapp").stdout), &cs); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			msg, _, _ := strings.Cut(e.Message, "\n")
			got = append(got, fmt.Sprintf("%s:%d:%d %s %s %s", f.Name, e.Line, e.Column, e.Severity, e.Source, msg))
		}
	}
	sevCS := map[string]string{"error": "error", "warning": "warning", "note": "info"}
	var want []string
	for _, f := range doc.Findings {
		want = append(want, fmt.Sprintf("%s:%d:%d %s keychainlint.%s %s", f.File, f.Line, f.Column, sevCS[f.Severity], f.Rule, f.Message))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checkstyle:\n%s", lineDiff(strings.Join(want, "\n")+"\n", strings.Join(got, "\n")+"\n"))
	}

	var ju junitT
	if err := xml.Unmarshal([]byte(runCmd(t, "--format", "junit", "testdata/sampleapp").stdout), &ju); err != nil {
		t.Fatal(err)
	}
	n := len(doc.Findings)
	if ju.Tests != n || ju.Failures != n || len(ju.Suites) != 1 || len(ju.Suites[0].Cases) != n {
		t.Fatalf("junit: %d tests, %d failures, want %d", ju.Tests, ju.Failures, n)
	}
	for i, c := range ju.Suites[0].Cases {
		f := doc.Findings[i]
		if c.Class != f.File || c.Failure == nil || c.Failure.Type != f.Severity || c.Failure.Message != f.Message ||
			!strings.HasPrefix(c.Failure.Text, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Column, f.Severity, f.Message, f.Rule)) {
			t.Errorf("junit case %d %+v, want the finding %+v", i, c, f)
		}
	}
	// No findings: one passing test case.
	if err := xml.Unmarshal([]byte(runCmd(t, "--format", "junit", "testdata/sampleapp/README.md").stdout), &ju); err != nil || ju.Tests != 1 || ju.Failures != 0 {
		t.Errorf("junit without findings: %+v %v", ju, err)
	}
}

// TestFormatsHostileNames: a file name with XML, Markdown and JSON
// metacharacters stays one value in each format.
func TestFormatsHostileNames(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir(".git", 0o755)
	name := "a<b>&\"'|`*[x](y) ##[error]#.swift"
	src := "import Security\nfunc wipe() {\n    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)\n}\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var cs checkstyleT
	if err := xml.Unmarshal([]byte(runCmd(t, "--no-cache", "--format", "checkstyle", ".").stdout), &cs); err != nil || len(cs.Files) != 1 || cs.Files[0].Name != name {
		t.Errorf("checkstyle: %+v %v", cs, err)
	}
	var ju junitT
	if err := xml.Unmarshal([]byte(runCmd(t, "--no-cache", "--format", "junit", ".").stdout), &ju); err != nil || len(ju.Suites) != 1 || len(ju.Suites[0].Cases) == 0 || ju.Suites[0].Cases[0].Class != name {
		t.Errorf("junit: %+v %v", ju, err)
	}
	var issues []gitlabIssueT
	if err := json.Unmarshal([]byte(runCmd(t, "--no-cache", "--format", "gitlab", ".").stdout), &issues); err != nil || len(issues) == 0 || issues[0].Location.Path != name {
		t.Errorf("gitlab: %+v %v", issues, err)
	}
	for _, f := range []string{"checkstyle", "junit", "gitlab", "markdown"} {
		if out := runCmd(t, "--no-cache", "--format", f, ".").stdout; strings.Contains(out, "##[") {
			t.Errorf("--format %s writes the log command marker ##[ raw:\n%s", f, out)
		}
	}
	md := runCmd(t, "--no-cache", "--format", "markdown", ".").stdout
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "| ") || strings.HasPrefix(l, "| Rule") || strings.HasPrefix(l, "| ---") || strings.HasPrefix(l, "| `") {
			continue
		}
		// A findings row: four cells, so five unescaped separators.
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 5 {
			t.Errorf("markdown row with %d cell separators: %s", n, l)
		}
	}
	if !strings.Contains(md, "a&lt;b&gt;") && !strings.Contains(md, "`a<b>") {
		t.Errorf("markdown: file name missing\n%s", md)
	}
}

// The markdown summary counts findings by severity and rule and has one
// row per finding.
func TestMarkdownSummary(t *testing.T) {
	t.Chdir(repoRoot)
	doc := sampleAppJSON(t)
	md := runCmd(t, "--format", "markdown", "testdata/sampleapp").stdout
	if want := fmt.Sprintf("**%d findings**", len(doc.Findings)); !strings.Contains(md, want) {
		t.Errorf("markdown lacks %q:\n%s", want, md)
	}
	rows := 0
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| error |") || strings.HasPrefix(l, "| warning |") || strings.HasPrefix(l, "| note |") {
			rows++
		}
	}
	if rows != len(doc.Findings) {
		t.Errorf("%d rows, %d findings", rows, len(doc.Findings))
	}
	if md := runCmd(t, "--format", "markdown", "testdata/sampleapp/README.md").stdout; !strings.Contains(md, "No findings.") {
		t.Errorf("no findings: %q", md)
	}
}
