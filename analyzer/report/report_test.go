package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/internal/sarifcheck"
	"github.com/keychainlint/keychainlint/rules/all"
)

// TestMetadataForEveryRule keeps the metadata table in step with the rule
// registry: every rule (pseudo-rules too) has an entry, and every entry is
// a rule.
func TestMetadataForEveryRule(t *testing.T) {
	names := map[string]bool{}
	for _, r := range all.Catalog() {
		names[r.Name] = true
		m, ok := report.MetaOf(r.Name)
		if !ok {
			t.Errorf("rule %s has no entry in analyzer/report's metadata table", r.Name)
			continue
		}
		if !regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`).MatchString(m.FriendlyName) {
			t.Errorf("%s: friendly name %q is not a Pascal-case identifier", r.Name, m.FriendlyName)
		}
		if strings.EqualFold(m.FriendlyName, r.Name) {
			t.Errorf("%s: friendly name %q must differ from the id (SARIF1001)", r.Name, m.FriendlyName)
		}
		if !slices.Contains([]string{"very-high", "high", "medium", "low"}, m.Precision) {
			t.Errorf("%s: precision %q", r.Name, m.Precision)
		}
		if f, err := strconv.ParseFloat(m.SecuritySeverity, 64); err != nil || f < 0 || f > 10 || !strings.Contains(m.SecuritySeverity, ".") {
			t.Errorf("%s: security-severity %q is not a score from 0.0 to 10.0", r.Name, m.SecuritySeverity)
		}
		if tags := m.AllTags(); tags[0] != "security" || slices.Contains(tags[1:], "security") {
			t.Errorf("%s: tags %q must start with security, once", r.Name, tags)
		}
		if r.Title() == "" || r.Description() == "" || !strings.Contains(r.Doc, "Example") {
			t.Errorf("%s: the documentation needs a title, a description and an example:\n%s", r.Name, r.Doc)
		}
		if !strings.HasSuffix(r.URL, "/docs/rules/"+r.Name+".md") {
			t.Errorf("%s: URL %q is not its docs/rules page", r.Name, r.URL)
		}
	}
	for _, name := range report.MetaRules() {
		if !names[name] {
			t.Errorf("metadata for %s, which is not a rule", name)
		}
	}
}

func TestUTF16Point(t *testing.T) {
	src := []byte("ab\ncafé😀x\r\nz\xffq")
	for _, tc := range []struct {
		offset     int
		line, col  int
		desc       string
		wantPrefix string
	}{
		{0, 1, 1, "start", "ab"},
		{2, 1, 3, "end of line 1", "\n"},
		{3, 2, 1, "start of line 2", "caf"},
		{6, 2, 4, "é (2 bytes, 1 unit)", "é"},
		{8, 2, 5, "😀 (4 bytes, 2 units)", "😀"},
		{12, 2, 7, "after 😀", "x"},
		{9, 2, 5, "inside 😀: the column of 😀, never past it", "\x9f"},
		{11, 2, 5, "inside 😀, last byte", "\x80"},
		{15, 3, 1, "after CRLF", "z"},
		{17, 3, 3, "after an invalid byte (1 unit)", "q"},
		{99, 3, 4, "clamped", ""},
	} {
		if !bytes.HasPrefix(src[min(tc.offset, len(src)):], []byte(tc.wantPrefix)) {
			t.Fatalf("%s: test offset %d does not point at %q", tc.desc, tc.offset, tc.wantPrefix)
		}
		if got := report.UTF16Point(src, tc.offset); got != (report.Point{Line: tc.line, Column: tc.col}) {
			t.Errorf("%s: UTF16Point(%d) = %+v, want line %d column %d", tc.desc, tc.offset, got, tc.line, tc.col)
		}
	}
	if got := report.LineText(src, 5); got != "café😀x" {
		t.Errorf("LineText drops the CRLF: got %q", got)
	}
}

// scan runs every rule over in-memory files (slash paths relative to the
// working directory) and returns the driver's result.
func scan(t *testing.T, files map[string]string) *driver.Result {
	t.Helper()
	var inputs []driver.Input
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		abs, _ := filepath.Abs(name)
		inputs = append(inputs, driver.Input{File: source.File{Path: name, Abs: abs, Lang: model.LangForPath(name)}, Src: []byte(files[name])})
	}
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers()})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// vault has one unsupportedattr finding per function, after non-ASCII
// text on its line, and a broaddelete finding with a fix.
const vault = `import Security

func lookup(user: String) {
    let query: [String: Any] = [kSecClass as String: kSecClassInternetPassword, kSecAttrLabel as String: "Clé 🔑", kSecAttrService as String: "api", kSecAttrAccount as String: user]
    SecItemCopyMatching(query as CFDictionary, nil)
}

func again(user: String) {
    let query: [String: Any] = [kSecClass as String: kSecClassInternetPassword, kSecAttrLabel as String: "Clé 🔑", kSecAttrService as String: "api", kSecAttrAccount as String: user]
    SecItemCopyMatching(query as CFDictionary, nil)
}

func wipe() {
    SecItemDelete([kSecClass as String: kSecClassInternetPassword] as CFDictionary)
}
`

func findings(res *driver.Result) []report.Finding {
	var fs []report.Finding
	for _, d := range res.Diagnostics {
		fs = append(fs, report.Finding{Diagnostic: d})
	}
	return fs
}

func newScan(t *testing.T, res *driver.Result, fs []report.Finding) *report.Scan {
	t.Helper()
	root, err := report.NewRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	src := report.NewSources(res.Files)
	report.Fingerprints(fs, src, root)
	return &report.Scan{ToolVersion: "1.2.3-test", Rules: all.Catalog(), Findings: fs, Sources: src, Root: root, ExitCode: 1,
		Stats: report.Stats{FilesSeen: len(res.Files), FilesKeychain: len(res.Files)}}
}

func byRule(fs []report.Finding, rule string) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				SemanticVersion string `json:"semanticVersion"`
				InformationURI  string `json:"informationUri"`
				Rules           []struct {
					ID               string            `json:"id"`
					Name             string            `json:"name"`
					ShortDescription map[string]string `json:"shortDescription"`
					FullDescription  map[string]string `json:"fullDescription"`
					Help             map[string]string `json:"help"`
					HelpURI          string            `json:"helpUri"`
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					Properties map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		ColumnKind  string           `json:"columnKind"`
		Results     []sarifResult    `json:"results"`
		Invocations []map[string]any `json:"invocations"`
	} `json:"runs"`
}

type sarifRegion struct {
	StartLine, StartColumn, EndLine, EndColumn int
	Snippet                                    struct{ Text string }
}

type sarifLocation struct {
	ID               int `json:"id"`
	Message          struct{ Text string }
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region        sarifRegion `json:"region"`
		ContextRegion sarifRegion `json:"contextRegion"`
	} `json:"physicalLocation"`
	LogicalLocations []struct {
		Name, FullyQualifiedName, Kind string
	} `json:"logicalLocations"`
}

type sarifResult struct {
	RuleID           string `json:"ruleId"`
	RuleIndex        *int   `json:"ruleIndex"`
	Level            string
	Message          struct{ Text string }
	Locations        []sarifLocation
	RelatedLocations []sarifLocation `json:"relatedLocations"`
	Fixes            []struct {
		Description     struct{ Text string }
		ArtifactChanges []struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Replacements []struct {
				DeletedRegion   sarifRegion           `json:"deletedRegion"`
				InsertedContent struct{ Text string } `json:"insertedContent"`
			}
		} `json:"artifactChanges"`
	}
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []struct {
		Kind          string
		Status        string
		Justification string
		Location      sarifLocation
	}
}

// writeSARIF writes a scan as SARIF, validates it and decodes it.
func writeSARIF(t *testing.T, s *report.Scan) (sarifLog, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := report.WriteSARIF(&b, s); err != nil {
		t.Fatal(err)
	}
	if err := sarifcheck.Validate(b.Bytes()); err != nil {
		t.Fatalf("invalid SARIF: %v\n%s", err, b.String())
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log, b.Bytes()
}

func TestSARIF(t *testing.T) {
	t.Chdir(t.TempDir())
	res := scan(t, map[string]string{"App/Vault.swift": vault})
	fs := findings(res)
	if len(byRule(fs, "unsupportedattr")) != 2 || len(byRule(fs, "broaddelete")) != 1 {
		t.Fatalf("the fixture should have two unsupportedattr findings and one broaddelete:\n%v", fs)
	}
	s := newScan(t, res, fs)
	s.Notifications = []report.Notification{{Level: driver.Note, Path: "App/Big.swift", Message: "skipped App/Big.swift: larger than 5 MB"}}
	log, raw := writeSARIF(t, s)

	if log.Schema != report.SchemaURI || log.Version != "2.1.0" {
		t.Errorf("$schema %q, version %q", log.Schema, log.Version)
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "keychainlint" || d.SemanticVersion != "1.2.3-test" || d.InformationURI == "" {
		t.Errorf("tool.driver: %+v", d)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	wd, _ := os.Getwd()
	if base := run.OriginalURIBaseIDs[report.SrcRoot].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") || !strings.Contains(base, filepath.ToSlash(wd)) {
		t.Errorf("originalUriBaseIds[%%SRCROOT%%] = %q, want the file URI of %s with a trailing slash", base, wd)
	}

	// Every rule, with everything GitHub and the SARIF viewers show.
	catalog := all.Catalog()
	if len(d.Rules) != len(catalog) {
		t.Fatalf("%d rules, want every rule (%d)", len(d.Rules), len(catalog))
	}
	for i, r := range d.Rules {
		want := catalog[i]
		m, _ := report.MetaOf(want.Name)
		if r.ID != want.Name || r.Name != m.FriendlyName {
			t.Errorf("rules[%d]: id %q name %q, want %q %q", i, r.ID, r.Name, want.Name, m.FriendlyName)
		}
		if r.ShortDescription["text"] == "" || r.FullDescription["text"] == "" || r.Help["text"] != want.Doc {
			t.Errorf("%s: descriptions or help text missing", r.ID)
		}
		if md := r.Help["markdown"]; !strings.Contains(md, "```") || !strings.Contains(md, "keychainlint:ignore "+r.ID+" --") {
			t.Errorf("%s: help markdown without an example or the suppression syntax:\n%s", r.ID, md)
		}
		if r.HelpURI != "https://github.com/keychainlint/keychainlint/blob/main/docs/rules/"+r.ID+".md" {
			t.Errorf("%s: helpUri %q", r.ID, r.HelpURI)
		}
		if r.Default.Level != want.Severity.String() {
			t.Errorf("%s: default level %q, want %s", r.ID, r.Default.Level, want.Severity)
		}
		if r.Properties["precision"] != m.Precision || r.Properties["security-severity"] != m.SecuritySeverity {
			t.Errorf("%s: properties %v", r.ID, r.Properties)
		}
		if tags, _ := r.Properties["tags"].([]any); len(tags) == 0 || tags[0] != "security" {
			t.Errorf("%s: tags %v", r.ID, r.Properties["tags"])
		}
	}

	if len(run.Results) != len(fs) {
		t.Fatalf("%d results, want %d", len(run.Results), len(fs))
	}
	for i, r := range run.Results {
		f := fs[i]
		if r.RuleID != f.Rule || r.RuleIndex == nil || d.Rules[*r.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %q ruleIndex %v", i, r.RuleID, r.RuleIndex)
		}
		if r.Level != f.Severity.String() || !strings.ContainsAny(r.Message.Text[len(r.Message.Text)-1:], ".?!") || !strings.HasPrefix(r.Message.Text, f.Message) {
			t.Errorf("result %d: level %q message %q", i, r.Level, r.Message.Text)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("result %d: %d locations", i, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "App/Vault.swift" || loc.ArtifactLocation.URIBaseID != report.SrcRoot {
			t.Errorf("result %d: artifact %+v, want App/Vault.swift relative to %%SRCROOT%%", i, loc.ArtifactLocation)
		}
		if loc.Region.StartLine != f.Pos.Line || loc.Region.EndLine != f.End.Line || loc.Region.Snippet.Text == "" {
			t.Errorf("result %d: region %+v for %v", i, loc.Region, f.Pos)
		}
		if loc.ContextRegion.StartColumn != 1 || !strings.Contains(loc.ContextRegion.Snippet.Text, loc.Region.Snippet.Text) {
			t.Errorf("result %d: context region %+v", i, loc.ContextRegion)
		}
		if r.PartialFingerprints[report.FingerprintKey] != f.Fingerprint || f.Fingerprint == "" {
			t.Errorf("result %d: partialFingerprints %v, want %s", i, r.PartialFingerprints, f.Fingerprint)
		}
		if ll := r.Locations[0].LogicalLocations; len(ll) != 1 || ll[0].Kind != "function" {
			t.Errorf("result %d: logical locations %+v", i, ll)
		}
	}

	// UTF-16 columns: "Clé 🔑" before kSecAttrService is 11 bytes but 8
	// UTF-16 code units (é: 2 bytes, 1 unit; 🔑: 4 bytes, 2 units).
	line := strings.Split(vault, "\n")[3]
	byteCol := strings.Index(line, "kSecAttrService") + 1
	utf16Col := byteCol - 3
	ua := byRule(fs, "unsupportedattr")[0]
	if ua.Pos.Column != byteCol {
		t.Fatalf("the driver's column %d is not the byte column %d", ua.Pos.Column, byteCol)
	}
	r0 := run.Results[slices.IndexFunc(fs, func(f report.Finding) bool { return f.Rule == "unsupportedattr" })]
	reg := r0.Locations[0].PhysicalLocation.Region
	if reg.StartColumn != utf16Col || reg.EndColumn != utf16Col+len("kSecAttrService") || reg.Snippet.Text != "kSecAttrService" {
		t.Errorf("region %+v, want UTF-16 columns %d-%d on kSecAttrService", reg, utf16Col, utf16Col+len("kSecAttrService"))
	}

	// The broaddelete fix, as SARIF replacements.
	bd := run.Results[slices.IndexFunc(fs, func(f report.Finding) bool { return f.Rule == "broaddelete" })]
	if len(bd.Fixes) != 1 || len(bd.Fixes[0].ArtifactChanges) != 1 || len(bd.Fixes[0].ArtifactChanges[0].Replacements) == 0 {
		t.Fatalf("broaddelete: fixes %+v", bd.Fixes)
	}
	ch := bd.Fixes[0].ArtifactChanges[0]
	if ch.ArtifactLocation.URI != "App/Vault.swift" || ch.ArtifactLocation.URIBaseID != report.SrcRoot || !strings.HasSuffix(bd.Fixes[0].Description.Text, ".") {
		t.Errorf("fix: %+v", bd.Fixes[0])
	}
	if rp := ch.Replacements[0]; rp.DeletedRegion.StartLine != 14 || rp.InsertedContent.Text == "" {
		t.Errorf("replacement %+v", rp)
	}

	inv := run.Invocations[0]
	if inv["exitCode"] != float64(1) || inv["executionSuccessful"] != true {
		t.Errorf("invocation %v", inv)
	}
	if notes, _ := inv["toolExecutionNotifications"].([]any); len(notes) != 1 {
		t.Errorf("notifications: %v", inv["toolExecutionNotifications"])
	}

	// go-sarif's defaults are left out.
	for _, noise := range []string{`"byteOffset"`, `"charOffset"`, `"rank"`, `: -1`, `"kind": "fail"`, `"language"`, `"newlineSequences"`, `[]`, `{}`} {
		if bytes.Contains(raw, []byte(noise)) {
			t.Errorf("the SARIF log contains %s", noise)
		}
	}
}

func TestSARIFEmpty(t *testing.T) {
	t.Chdir(t.TempDir())
	res := scan(t, map[string]string{})
	s := newScan(t, res, nil)
	s.ExitCode = 0
	log, raw := writeSARIF(t, s)
	if log.Runs[0].Results == nil || !bytes.Contains(raw, []byte(`"results": []`)) {
		t.Errorf("an empty scan must still write results: []:\n%s", raw)
	}
	if len(log.Runs[0].Tool.Driver.Rules) != len(all.Catalog()) {
		t.Errorf("an empty scan lists %d rules", len(log.Runs[0].Tool.Driver.Rules))
	}
}

func TestSARIFFailedRun(t *testing.T) {
	t.Chdir(t.TempDir())
	s := &report.Scan{ToolVersion: "1.0.0", Rules: all.Catalog(), Failed: true, ExitCode: 2,
		Notifications: []report.Notification{{Level: driver.Error, Message: "x.swift: internal error"}}}
	log, _ := writeSARIF(t, s)
	inv := log.Runs[0].Invocations[0]
	if inv["executionSuccessful"] != false || inv["exitCode"] != float64(2) {
		t.Errorf("invocation of a failed run: %v", inv)
	}
}

func TestSARIFSuppressedAndOutsideRoot(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	res := scan(t, map[string]string{"App/Vault.swift": vault})
	fs := findings(res)
	i := slices.IndexFunc(fs, func(f report.Finding) bool { return f.Rule == "unsupportedattr" })
	fs[i].Suppression = &report.Suppression{Justification: "the server really is called so", Pos: fs[i].Pos, End: fs[i].End}
	s := newScan(t, res, fs)
	log, _ := writeSARIF(t, s)
	sup := log.Runs[0].Results[i].Suppressions
	if len(sup) != 1 || sup[0].Kind != "inSource" || sup[0].Justification != "the server really is called so" || sup[0].Location.PhysicalLocation.Region.StartLine == 0 {
		t.Errorf("suppressions %+v", sup)
	}
	for j, r := range log.Runs[0].Results {
		if j != i && len(r.Suppressions) != 0 {
			t.Errorf("result %d is not suppressed but has %+v", j, r.Suppressions)
		}
	}

	// A root below the files: absolute file URIs, no uriBaseId.
	s.Root = report.Root{Dir: filepath.Join(dir, "Elsewhere")}
	log, _ = writeSARIF(t, s)
	al := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if al.URIBaseID != "" || al.URI != "file://"+filepath.ToSlash(filepath.Join(dir, "App", "Vault.swift")) {
		t.Errorf("a file outside the root: %+v", al)
	}
}

func TestURIEscaping(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	res := scan(t, map[string]string{"My App/Vault #1.swift": vault})
	s := newScan(t, res, findings(res))
	log, _ := writeSARIF(t, s)
	if u := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "My%20App/Vault%20%231.swift" {
		t.Errorf("uri %q, want the path percent-encoded", u)
	}
}

func TestFingerprints(t *testing.T) {
	t.Chdir(t.TempDir())
	fp := func(src string) []string {
		res := scan(t, map[string]string{"App/Vault.swift": src})
		fs := byRule(findings(res), "unsupportedattr")
		newScan(t, res, fs)
		var out []string
		for _, f := range fs {
			out = append(out, f.Fingerprint)
		}
		return out
	}
	base := fp(vault)
	if len(base) != 2 || base[0] == base[1] {
		t.Fatalf("two findings in two functions must have two fingerprints: %q", base)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}:1$`).MatchString(base[0]) {
		t.Errorf("fingerprint %q", base[0])
	}
	// Lines inserted above, and re-indentation, change nothing.
	moved := strings.Replace(vault, "import Security\n", "import Security\n\n// A comment.\nlet unrelated = 1\n\n", 1)
	moved = strings.Replace(moved, "    let query", "        let query", 1)
	if got := fp(moved); !slices.Equal(got, base) {
		t.Errorf("after inserting lines above: %q, want %q", got, base)
	}
	// A change to the finding's line changes its fingerprint only.
	changed := strings.Replace(vault, `"api"`, `"api2"`, 1)
	if got := fp(changed); got[0] == base[0] || got[1] != base[1] {
		t.Errorf("after editing the first finding's line: %q (was %q)", got, base)
	}
	// Renaming the function changes it too.
	renamed := strings.Replace(vault, "func lookup(", "func find(", 1)
	if got := fp(renamed); got[0] == base[0] {
		t.Errorf("the enclosing function is part of the fingerprint")
	}
	// Two similar lines in one function get different fingerprints
	// (identical lines are told apart by occurrence: see
	// TestFingerprintOccurrences).
	twice := strings.Replace(vault, "func again(user: String) {\n", "func again(user: String) {\n    let query0: [String: Any] = [kSecClass as String: kSecClassInternetPassword, kSecAttrLabel as String: \"Clé 🔑\", kSecAttrService as String: \"api\", kSecAttrAccount as String: user]\n    SecItemCopyMatching(query0 as CFDictionary, nil)\n", 1)
	got := fp(twice)
	if len(got) != 3 {
		t.Fatalf("want 3 findings, got %q", got)
	}
	h1, _, _ := strings.Cut(got[1], ":")
	h2, _, _ := strings.Cut(got[2], ":")
	if got[1] == got[2] || h1 == h2 {
		// The two lines differ (query0 vs query): different hashes.
		t.Errorf("different lines, same fingerprint: %q", got)
	}
}

func TestFingerprintOccurrences(t *testing.T) {
	src := []byte("func f() {\n  x(kSecAttrService)\n  x(kSecAttrService)\n}\n")
	f := &model.File{Path: "a.swift", Src: src}
	f.Funcs = []*model.Func{{Kind: model.FuncFunction, Name: "f", Span: model.Span{Start: 0, End: len(src)}, File: f}}
	at := func(n int) report.Finding {
		off := 0
		for range n {
			off += strings.Index(string(src[off:]), "kSecAttrService") + 1
		}
		off--
		return report.Finding{Diagnostic: driver.Diagnostic{Rule: "r", Pos: token.Position{Filename: "a.swift", Offset: off}, End: token.Position{Filename: "a.swift", Offset: off + 15}}}
	}
	fs := []report.Finding{at(2), at(1)} // out of order on purpose
	report.Fingerprints(fs, report.NewSources([]*model.File{f}), report.Root{Dir: "/"})
	h2, n2, _ := strings.Cut(fs[0].Fingerprint, ":")
	h1, n1, _ := strings.Cut(fs[1].Fingerprint, ":")
	if h1 != h2 || n1 != "1" || n2 != "2" {
		t.Errorf("identical lines: %q and %q, want the same hash with :1 and :2 in position order", fs[1].Fingerprint, fs[0].Fingerprint)
	}
}

func TestJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	res := scan(t, map[string]string{"App/Vault.swift": vault})
	fs := findings(res)
	s := newScan(t, res, fs)
	s.Stats.Baselined = 2
	var b bytes.Buffer
	if err := report.WriteJSON(&b, s); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return strings.Join(ks, ",")
	}
	// The schema is documented in the README: a change here is a change
	// of the documented format.
	if got := keys(doc); got != "findings,partialParses,summary,tool,version" {
		t.Errorf("top-level keys %s", got)
	}
	if doc["version"] != float64(1) {
		t.Errorf("version %v", doc["version"])
	}
	list := doc["findings"].([]any)
	if len(list) != len(fs) {
		t.Fatalf("%d findings, want %d", len(list), len(fs))
	}
	for i, x := range list {
		f := x.(map[string]any)
		if got := keys(f); got != "column,endColumn,endLine,file,fingerprint,fixes,line,message,related,rule,severity,url" {
			t.Errorf("finding keys %s", got)
		}
		want := fs[i]
		if f["rule"] != want.Rule || f["file"] != "App/Vault.swift" || f["line"] != float64(want.Pos.Line) || f["column"] != float64(want.Pos.Column) ||
			f["endColumn"] != float64(want.End.Column) || f["fingerprint"] != want.Fingerprint || f["message"] != want.Message {
			t.Errorf("finding %d: %v, want %v", i, f, want)
		}
	}
	var fixed map[string]any
	for _, x := range list {
		if f := x.(map[string]any); f["rule"] == "broaddelete" {
			fixed = f
		}
	}
	fx := fixed["fixes"].([]any)
	if len(fx) != 1 {
		t.Fatalf("broaddelete fixes: %v", fixed["fixes"])
	}
	edit := fx[0].(map[string]any)["edits"].([]any)[0].(map[string]any)
	if keys(edit) != "column,endColumn,endLine,file,line,newText" || edit["line"] != float64(14) {
		t.Errorf("edit %v", edit)
	}
	sum := doc["summary"].(map[string]any)
	if sum["findings"] != float64(len(fs)) || sum["baselined"] != float64(2) || sum["exitCode"] != float64(1) {
		t.Errorf("summary %v", sum)
	}
}

func TestText(t *testing.T) {
	t.Chdir(t.TempDir())
	res := scan(t, map[string]string{"App/Vault.swift": vault})
	fs := findings(res)
	fs[0].Suppression = &report.Suppression{Justification: "why"}
	var b bytes.Buffer
	report.WriteText(&b, fs)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	f := fs[0]
	if want := fmt.Sprintf("App/Vault.swift:%d:%d: note: suppressed (why): %s [%s]", f.Pos.Line, f.Pos.Column, f.Message, f.Rule); lines[0] != want {
		t.Errorf("suppressed finding:\n%s\nwant\n%s", lines[0], want)
	}
	f = fs[1]
	if want := fmt.Sprintf("App/Vault.swift:%d:%d: %s: %s [%s]", f.Pos.Line, f.Pos.Column, f.Severity, f.Message, f.Rule); lines[1] != want {
		t.Errorf("finding:\n%s\nwant\n%s", lines[1], want)
	}
}

func TestMarkdown(t *testing.T) {
	r := report.Rule{Name: "demo", Doc: "demo: a kSecMatchLimit rule\n\nSecItemDelete fails with errSecParam (-50) under #if os(macOS) for *stars* and <tags>.\n\n  - first item with kSecMatch* keys\n  - second item\n\nExample:\n\n\tlet q = [kSecClass as String: kSecClassGenericPassword]\n\nIn Objective-C:\n\n\tq[(__bridge id)kSecClass] = @YES;\n\n--platforms macos keeps it."}
	md := report.Markdown(r)
	for _, want := range []string{
		"`SecItemDelete` fails with `errSecParam` (-50) under `#if os(macOS)` for \\*stars\\* and \\<tags\\>.",
		"- first item with `kSecMatch*` keys\n- second item\n",
		"```swift\nlet q = [kSecClass as String: kSecClassGenericPassword]\n```",
		"```objc\nq[(__bridge id)kSecClass] = @YES;\n```",
		"`--platforms` macos keeps it.",
		"// keychainlint:ignore demo -- ",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown does not contain\n%s\n---\n%s", want, md)
		}
	}
	if r.Title() != "a kSecMatchLimit rule" || !strings.HasPrefix(r.Description(), "SecItemDelete fails") {
		t.Errorf("title %q description %q", r.Title(), r.Description())
	}
	page := report.Page(r)
	if !strings.HasPrefix(page, "<!-- Code generated") || !strings.Contains(page, "# demo\n") {
		t.Errorf("page:\n%s", page)
	}
}
