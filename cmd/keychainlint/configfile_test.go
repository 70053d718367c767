package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/rules/all"
)

// copySampleApp copies the sample app into a new repository (a directory
// with .git) and returns the repository's directory.
func copySampleApp(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join(repoRoot, "testdata", "sampleapp")
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dst, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func overrideFile(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pkgDir, "testdata", "config", "sampleapp.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestConfigSampleApp scans the sample app with an override file found
// in its root (testdata/config/sampleapp.yml): the output is
// testdata/sampleapp.config.golden, and differs from the scan without the
// file exactly as the file says.
func TestConfigSampleApp(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	plain := runCmd(t, "--no-cache", ".")
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), overrideFile(t))
	got := runCmd(t, "--no-cache", ".")
	if got.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", got.code, got.stderr)
	}
	compareGolden(t, "sampleapp.config.golden", got.stdout)

	before := map[string]finding{}
	for _, f := range parseFindings(t, plain.stdout) {
		before[f.String()] = f
	}
	after := parseFindings(t, got.stdout)
	if len(after) == 0 || len(after) >= len(before) {
		t.Fatalf("%d findings with the file, %d without", len(after), len(before))
	}
	for _, f := range after {
		switch {
		case strings.HasPrefix(f.path, "C/"):
			t.Errorf("excluded directory C reported: %v", f)
		case f.rule == "preferupdate":
			t.Errorf("preferupdate disabled, reported: %v", f)
		case f.rule == "deprecatedkey" && strings.HasPrefix(f.path, "Sources/Key"):
			t.Errorf("deprecatedkey disabled in Sources/Key*.swift, reported: %v", f)
		case f.path == "ObjC/LegacyKeychain.m" && f.severity != "note":
			t.Errorf("LegacyKeychain.m overridden to note: %v", f)
		case f.rule == "uniqueness" && f.severity != "error" && f.path != "ObjC/LegacyKeychain.m" && !strings.HasPrefix(f.message, "the add"):
			t.Errorf("uniqueness set to error: %v", f)
		}
	}
	// --no-config gives back the plain scan.
	if r := runCmd(t, "--no-cache", "--no-config", "."); r.stdout != plain.stdout {
		t.Errorf("--no-config differs from the scan without a file:\n%s", lineDiff(plain.stdout, r.stdout))
	}
	// A file named on the command line is scanned even when excluded.
	if r := runCmd(t, "--no-cache", "C/keychain_util.c"); !strings.Contains(r.stdout, "C/keychain_util.c:") {
		t.Errorf("excluded file named on the command line not scanned:\n%s", r)
	}
}

// The nearest file wins; --config names one file for every path, its
// patterns relative to the working directory.
func TestConfigNearestAndExplicit(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), "rules:\n  disable: [all]\n")
	writeFile(t, filepath.Join(app, "Sources", ".keychainlint.yml"), "rules:\n  disable: [all]\n  enable: [unsupportedattr]\n")
	r := runCmd(t, "--no-cache", ".")
	fs := parseFindings(t, r.stdout)
	if len(fs) == 0 {
		t.Fatalf("Sources enables unsupportedattr: no findings\n%s", r)
	}
	for _, f := range fs {
		if !strings.HasPrefix(f.path, "Sources/") || f.rule != "unsupportedattr" {
			t.Errorf("want only unsupportedattr in Sources/, got %v", f)
		}
	}
	writeFile(t, filepath.Join(t.TempDir(), "x"), "")
	explicit := filepath.Join(t.TempDir(), "kl.yml")
	writeFile(t, explicit, "exclude: [Sources, C, Widget]\nrules:\n  disable: [preferupdate]\n")
	r = runCmd(t, "--no-cache", "--config", explicit, ".")
	for _, f := range parseFindings(t, r.stdout) {
		if !strings.HasPrefix(f.path, "ObjC/") || f.rule == "preferupdate" {
			t.Errorf("--config %s: %v", explicit, f)
		}
	}
	if !strings.Contains(r.stdout, "ObjC/") {
		t.Errorf("--config: nothing in ObjC\n%s", r)
	}
}

// A mistake in a configuration file is a usage error naming the file,
// line and key, found wherever the file is.
func TestConfigErrors(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	for _, tc := range []struct{ where, text, want string }{
		{".keychainlint.yml", "rules:\n  disable: [preferupdat]\n", `.keychainlint.yml:2: rules.disable: unknown rule "preferupdat"`},
		{".keychainlint.yml", "platforms: [ios]\nfail_on: error\n", ".keychainlint.yml:2: fail_on: unknown key"},
		{".keychainlint.yml", "max-file-size: big\n", ".keychainlint.yml:1: max-file-size: want a number of bytes"},
		{".keychainlint.yml", "overrides:\n  - paths: [Tests]\n    severity: loud\n", `.keychainlint.yml:3: overrides[0].severity: unknown severity "loud"`},
		// In a subdirectory: found during the walk.
		{"ObjC/.keychainlint.yml", "exclude: 3\n", "ObjC/.keychainlint.yml:1: exclude: want a list of strings"},
	} {
		path := filepath.Join(app, tc.where)
		writeFile(t, path, tc.text)
		r := runCmd(t, "--no-cache", ".")
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%s %q: want exit 2 and %q, got\n%s", tc.where, tc.text, tc.want, r)
		}
		if c := runCmd(t, "config", filepath.Dir(tc.where)); c.code != 2 || !strings.Contains(c.stderr, tc.want) {
			t.Errorf("config %s: want exit 2 and %q, got\n%s", tc.where, tc.want, c)
		}
		os.Remove(path)
	}
	if r := runCmd(t, "--config", "missing.yml", "."); r.code != 2 {
		t.Errorf("--config missing.yml: %s", r)
	}
}

// keychainlint config prints the effective settings and where each came
// from (testdata/config.golden).
func TestConfigCommand(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), overrideFile(t)+"platforms: [ios, macos]\ndeployment-targets:\n  ios: \"15.0\"\nfail-on: error\n")
	r := runCmd(t, "config", "ObjC/LegacyKeychain.m")
	if r.code != 0 {
		t.Fatal(r)
	}
	compareGolden(t, "config.golden", r.stdout)
	// fail-on from the file decides the exit status: the sample app
	// has errors, and with fail-on error a scan of Sources/KeyRing.swift
	// minus its errors' rules exits 0.
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), "fail-on: error\nrules:\n  disable: [unsupportedattr, updateaddonly, misplacedkey]\n")
	if r := runCmd(t, "--no-cache", "Sources/KeyRing.swift"); r.code != 0 || r.stdout == "" {
		t.Errorf("fail-on error, warnings only: want exit 0 with findings, got\n%s", r)
	}
	if r := runCmd(t, "--no-cache", "--fail-on", "warning", "Sources/KeyRing.swift"); r.code != 1 {
		t.Errorf("--fail-on warning wins over the file: want exit 1, got\n%s", r)
	}
}

// A change of the configuration file is never answered from the result
// cache: with the cache on, disabling a rule removes its findings on the
// next run, and enabling it brings them back.
func TestConfigChangeInvalidatesCache(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	cacheDir := t.TempDir()
	scan := func() string { return runCmd(t, "--cache-dir", cacheDir, ".").stdout }
	first := scan()
	if !strings.Contains(first, "[preferupdate]") {
		t.Fatalf("no preferupdate finding in the sample app:\n%s", first)
	}
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), "rules:\n  disable: [preferupdate]\n")
	if got := scan(); strings.Contains(got, "[preferupdate]") {
		t.Errorf("preferupdate disabled, still reported (from the cache?):\n%s", got)
	}
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), "platforms: [ios]\n")
	ios := runCmd(t, "--no-cache", "--platforms", "ios", "--no-config", ".").stdout
	if got := scan(); got != ios {
		t.Errorf("platforms: [ios] with the cache differs from --platforms ios:\n%s", lineDiff(ios, got))
	}
	os.Remove(filepath.Join(app, ".keychainlint.yml"))
	if got := scan(); got != first {
		t.Errorf("file removed: differs from the first run:\n%s", lineDiff(first, got))
	}
}

// keychainlint config --format json gives the values the text gives, each
// with where it came from; an unknown format is a usage error.
func TestConfigCommandJSON(t *testing.T) {
	app := copySampleApp(t)
	t.Chdir(app)
	writeFile(t, filepath.Join(app, ".keychainlint.yml"), overrideFile(t)+"platforms: [ios, macos]\ndeployment-targets:\n  ios: \"15.0\"\nfail-on: error\n")
	r := runCmd(t, "config", "--format", "json", "ObjC/LegacyKeychain.m")
	if r.code != 0 {
		t.Fatal(r)
	}
	var got configJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if got.Version != 1 || got.Configuration != ".keychainlint.yml" || got.Path != "ObjC/LegacyKeychain.m" {
		t.Errorf("header: %+v", got)
	}
	if p, _ := got.Platforms.Value.([]any); len(p) != 2 || p[0] != "ios" || p[1] != "macos" || !strings.HasPrefix(got.Platforms.From, ".keychainlint.yml:") {
		t.Errorf("platforms %+v", got.Platforms)
	}
	if d := got.DeploymentTargets["ios"]; d.Value != "15.0" || !strings.HasPrefix(d.From, ".keychainlint.yml:") {
		t.Errorf("deployment targets %+v", got.DeploymentTargets)
	}
	if got.FailOn.Value != "error" || got.MaxFileSize.From != "default" {
		t.Errorf("fail-on %+v, max-file-size %+v", got.FailOn, got.MaxFileSize)
	}
	// Every rule, as the text lists it, enabled or not alike.
	text := runCmd(t, "config", "ObjC/LegacyKeychain.m").stdout
	if len(got.Rules) != len(all.Catalog()) {
		t.Errorf("%d rules, want %d", len(got.Rules), len(all.Catalog()))
	}
	disabled := 0
	for _, rule := range got.Rules {
		on := "yes"
		if rule.Enabled.Value != true {
			on, disabled = "no", disabled+1
		}
		if !regexp.MustCompile(`(?m)^` + rule.Name + ` +` + on + ` `).MatchString(text) {
			t.Errorf("%s: enabled %v in JSON, not so in the text:\n%s", rule.Name, rule.Enabled, text)
		}
	}
	if disabled == 0 {
		t.Error("the override file disables no rule for this file: the comparison shows little")
	}
	if r := runCmd(t, "config", "--format", "yaml", "."); r.code != 2 || !strings.Contains(r.stderr, "want text or json") {
		t.Errorf("--format yaml: %s", r)
	}
}
