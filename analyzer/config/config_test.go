package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

var testRules = Options{Rules: []Rule{{"unsupportedattr", "error"}, {"preferupdate", "warning"}, {"deletelimit", "error"}}}

func parse(t *testing.T, src string) (*Config, error) {
	t.Helper()
	return Parse(".keychainlint.yml", "/repo", []byte(src), testRules)
}

// Every mistake names the file, the line and the key.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"platfroms: [ios]\n", ".keychainlint.yml:1: platfroms: unknown key"},
		{"fail-on: error\nrules:\n  disable: [preferupdat]\n", `.keychainlint.yml:3: rules.disable: unknown rule "preferupdat"`},
		{"rules:\n  off: [preferupdate]\n", ".keychainlint.yml:2: rules.off: unknown key"},
		{"severity:\n  nosuchrule: note\n", `.keychainlint.yml:2: severity.nosuchrule: unknown rule "nosuchrule"`},
		{"severity:\n  preferupdate: info\n", `.keychainlint.yml:2: severity.preferupdate: unknown severity "info"`},
		{"severity: loud\n", `.keychainlint.yml:1: severity: unknown severity "loud"`},
		{"max-file-size: big\n", `.keychainlint.yml:1: max-file-size: want a number of bytes, got the string "big"`},
		{"max-file-size: -1\n", ".keychainlint.yml:1: max-file-size: want a number of bytes (0: no limit), got -1"},
		{"fail-on: [error]\n", ".keychainlint.yml:1: fail-on: want a string, got a list"},
		{"platforms: [ios, android]\n", `.keychainlint.yml:1: platforms: unknown platform "android"`},
		{"deployment-targets:\n  ios: fifteen\n", `.keychainlint.yml:2: deployment-targets.ios: want a version such as "15.0", got "fifteen"`},
		{"deployment-targets:\n  all: 15\n", `.keychainlint.yml:2: deployment-targets.all: unknown platform "all"`},
		{"exclude: {a: b}\n", ".keychainlint.yml:1: exclude: want a list of strings, got a mapping"},
		{"overrides:\n  - paths: [Tests/**]\n    severity: note\n  - severity: note\n", ".keychainlint.yml:4: overrides[1]: an override needs paths"},
		{"overrides:\n  - paths: [a]\n    fail-on: note\n", ".keychainlint.yml:3: overrides[0].fail-on: unknown key"},
		{"overrides:\n  - paths: [a]\n    disable: [nope]\n", `.keychainlint.yml:3: overrides[0].disable: unknown rule "nope"`},
		{"overrides: {paths: a}\n", ".keychainlint.yml:1: overrides: want a list of overrides"},
		{"fail-on: error\nfail-on: note\n", ".keychainlint.yml:2: fail-on: given twice"},
		{"- ios\n", ".keychainlint.yml:1: (top level): want a mapping"},
		{"a: &x [1]\nb: *x\n", ".keychainlint.yml:1: a: YAML anchors and aliases are not supported"},
		{"fail-on: error\n---\nfail-on: note\n", ".keychainlint.yml:2: more than one YAML document"},
		{"baseline: 3\n", ".keychainlint.yml:1: baseline: want a string, got int 3"},
	} {
		_, err := parse(t, tc.src)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s…", tc.src, err, tc.want)
		}
		var ce *Error
		if err != nil && !errors.As(err, &ce) {
			t.Errorf("%q: %v is not a *config.Error", tc.src, err)
		}
	}
	if _, err := parse(t, "rules: [\n"); err == nil || !strings.Contains(err.Error(), ".keychainlint.yml") {
		t.Errorf("malformed YAML: got %v, want an error naming the file", err)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "~\n"} {
		c, err := parse(t, src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		s := c.settings(c.base(testRules.Rules), "x.swift", "/repo/x.swift")
		if s.Excluded || s.Platforms != 0 || s.FailOn != "warning" || len(s.Disabled()) != 0 {
			t.Errorf("%q: settings %+v, want the defaults", src, s)
		}
	}
}

const full = `platforms: [ios, macos]
deployment-targets:
  ios: "15.0"
  macos: 12
rules:
  disable: [preferupdate]
severity:
  deletelimit: warning
exclude:
  - Vendor/**
  - "*.generated.swift"
overrides:
  - paths: [Tests/**]
    severity: note
  - paths: [Legacy]
    disable: all
  - paths: [Legacy/Keep.swift]
    rules:
      enable: [unsupportedattr]
    platforms: macos
fail-on: error
max-file-size: 1000
baseline: ci/baseline.json
`

func TestSettings(t *testing.T) {
	c, err := parse(t, full)
	if err != nil {
		t.Fatal(err)
	}
	// One base for every path, as the resolver shares it: an override that
	// applies to one file must not leak into the next.
	base := c.base(testRules.Rules)
	at := func(rel string) *Settings { return c.settings(base, rel, "/repo/"+rel) }

	s := at("Sources/A.swift")
	if s.Excluded || s.Platforms != model.IOS|model.MacOS || s.PlatformsFrom.Line != 1 {
		t.Errorf("Sources/A.swift: excluded %v, platforms %v from %v", s.Excluded, s.Platforms, s.PlatformsFrom)
	}
	if got := s.Deployment[model.IOS]; got != (model.OSVersion{Major: 15}) || s.DeploymentFrom[model.IOS].Line != 3 {
		t.Errorf("ios deployment %v from %v", got, s.DeploymentFrom[model.IOS])
	}
	if got := s.Deployment[model.MacOS]; got != (model.OSVersion{Major: 12}) {
		t.Errorf("macos deployment %v", got)
	}
	if r := s.Rule("preferupdate"); r.Enabled || r.EnabledFrom.String() != ".keychainlint.yml:6 (rules.disable)" {
		t.Errorf("preferupdate %+v (from %s)", r, r.EnabledFrom)
	}
	if r := s.Rule("deletelimit"); !r.Enabled || r.Severity != "warning" || r.SeverityFrom.Line != 8 {
		t.Errorf("deletelimit %+v", r)
	}
	if r := s.Rule("unsupportedattr"); !r.Enabled || r.Severity != "" || !r.SeverityFrom.IsDefault() || r.Default != "error" {
		t.Errorf("unsupportedattr %+v", r)
	}
	if s.FailOn != "error" || s.MaxFileSize != 1000 || s.Baseline != "/repo/ci/baseline.json" {
		t.Errorf("scan settings %q %d %q", s.FailOn, s.MaxFileSize, s.Baseline)
	}

	for _, rel := range []string{"Vendor/Lib/K.swift", "Sources/Model.generated.swift", "Vendor"} {
		if s := at(rel); !s.Excluded {
			t.Errorf("%s: not excluded", rel)
		}
	}
	if s := at("Sources/VendorCode.swift"); s.Excluded {
		t.Errorf("Sources/VendorCode.swift excluded by %v", s.ExcludedBy)
	}

	if s := at("Tests/Unit/T.swift"); s.Rule("unsupportedattr").Severity != "note" || s.Rule("deletelimit").Severity != "note" {
		t.Errorf("Tests: %+v", s.Rules)
	}
	if s := at("Sources/Legacy/Old.m"); len(s.Disabled()) != 3 {
		t.Errorf("Legacy (at any depth, no slash in the pattern): disabled %v", s.Disabled())
	}
	s = at("Legacy/Keep.swift")
	if got := s.Disabled(); strings.Join(got, ",") != "deletelimit,preferupdate" || s.Platforms != model.MacOS {
		t.Errorf("Legacy/Keep.swift: disabled %v, platforms %v (a later override wins)", got, s.Platforms)
	}
	if s := at("Sources/B.swift"); s.Platforms != model.IOS|model.MacOS || strings.Join(s.Disabled(), ",") != "preferupdate" || s.Rule("deletelimit").Severity != "warning" {
		t.Errorf("Sources/B.swift after the overrides of other files: platforms %v, disabled %v, rules %+v", s.Platforms, s.Disabled(), s.Rules)
	}
	// Outside the configuration's directory only the top level applies.
	if s := c.settings(base, "../x/Tests/T.swift", "/x/Tests/T.swift"); s.Excluded || s.Rule("deletelimit").Severity != "warning" {
		t.Errorf("outside: %+v", s)
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"Tests/**", "Tests/a/b.swift", true},
		{"Tests/**", "Tests", true},
		{"Tests/**", "App/Tests/a.swift", false},
		{"**/Tests", "App/Tests/a.swift", true},
		{"**/Tests/*.swift", "Tests/a.swift", true},
		{"Tests", "App/Tests/a.swift", true},
		{"Tests", "App/MyTests/a.swift", false},
		{"*.m", "a/b/c.m", true},
		{"*.m", "a/b/c.mm", false},
		{"./Sources/*.swift", "Sources/a.swift", true},
		{"/Sources/*.swift", "Sources/x/a.swift", false},
		{"Sources/", "Sources/x/a.swift", true},
		{"?.swift", "a.swift", true},
		{"?.swift", "ab.swift", false},
		{"a.b(c)+", "a.b(c)+", true},
		{"a.b(c)+", "aab(c)", false},
		{"Légende/*", "Légende/x.swift", true},
	} {
		g, err := compileGlob(tc.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tc.pattern, err)
		}
		if got := g.match(tc.path); got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
	if _, err := compileGlob(strings.Repeat("a", maxGlobLen+1)); err == nil {
		t.Error("an overlong pattern compiled")
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The nearest file wins, and the walk stops at the repository root.
func TestResolver(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	write(t, filepath.Join(top, FileName), "rules:\n  disable: [unsupportedattr]\n") // above the repository: never read
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(repo, FileName), "rules:\n  disable: [preferupdate]\n")
	write(t, filepath.Join(repo, "Sub", FileName), "rules:\n  disable: [deletelimit]\n")
	write(t, filepath.Join(repo, "A.swift"), "")
	write(t, filepath.Join(repo, "Sub", "B.swift"), "")
	other := filepath.Join(top, "other")
	write(t, filepath.Join(other, ".git", "HEAD"), "")
	write(t, filepath.Join(other, "C.swift"), "")

	r, err := NewResolver(testRules, "", false, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, disabled string }{
		{filepath.Join(repo, "A.swift"), "preferupdate"},
		{filepath.Join(repo, "Sub", "B.swift"), "deletelimit"},
		{filepath.Join(repo, "Sub"), "deletelimit"},
		{filepath.Join(other, "C.swift"), ""},
	} {
		s, err := r.For(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(s.Disabled(), ","); got != tc.disabled {
			t.Errorf("%s: disabled %q, want %q (config %q)", tc.path, got, tc.disabled, s.Config)
		}
		// ForFile gives the same answer for a file, from a fresh
		// resolver (each directory's answer is remembered).
		if filepath.Ext(tc.path) == ".swift" {
			fr, _ := NewResolver(testRules, "", false, Flags{})
			if s, err := fr.ForFile(tc.path); err != nil || strings.Join(s.Disabled(), ",") != tc.disabled {
				t.Errorf("ForFile(%s): %v, %v", tc.path, s, err)
			}
		}
	}

	// --config: one file for everything; --no-config: none.
	r, err = NewResolver(testRules, filepath.Join(repo, "Sub", FileName), false, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := r.For(filepath.Join(other, "C.swift")); strings.Join(s.Disabled(), ",") != "deletelimit" {
		t.Errorf("--config: disabled %v", s.Disabled())
	}
	r, _ = NewResolver(testRules, "", true, Flags{})
	if s, _ := r.For(filepath.Join(repo, "A.swift")); len(s.Disabled()) != 0 || s.Config != "" {
		t.Errorf("--no-config: %+v", s)
	}

	// A broken file is an error for every path it covers.
	write(t, filepath.Join(repo, "Bad", FileName), "rulez: {}\n")
	write(t, filepath.Join(repo, "Bad", "D.swift"), "")
	r, _ = NewResolver(testRules, "", false, Flags{})
	if _, err := r.For(filepath.Join(repo, "Bad", "D.swift")); err == nil || !strings.Contains(err.Error(), "rulez: unknown key") {
		t.Errorf("broken file: %v", err)
	}
	if _, err := NewResolver(testRules, filepath.Join(repo, "Bad", FileName), false, Flags{}); err == nil {
		t.Error("--config with a broken file: no error")
	}
}

// Flags win over the file, and say so.
func TestFlagsWin(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".git", "HEAD"), "")
	write(t, filepath.Join(dir, FileName), "platforms: [macos]\nfail-on: note\nmax-file-size: 10\nbaseline: b.json\n")
	ios, failOn, size, base := model.IOS, "error", int64(20), "x.json"
	r, err := NewResolver(testRules, "", false, Flags{Platforms: &ios, FailOn: &failOn, MaxFileSize: &size, Baseline: &base})
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.For(filepath.Join(dir, "a.swift"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Platforms != model.IOS || s.FailOn != "error" || s.MaxFileSize != 20 || s.Baseline != "x.json" {
		t.Errorf("flags did not win: %+v", s)
	}
	if s.PlatformsFrom.String() != "flag --platforms" || s.FailOnFrom.String() != "flag --fail-on" {
		t.Errorf("sources %v %v", s.PlatformsFrom, s.FailOnFrom)
	}
}
