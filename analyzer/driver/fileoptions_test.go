package driver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

func runDir(t *testing.T, dir string, cfg driver.Config) []string {
	t.Helper()
	files, _, err := source.Walk([]string{dir}, source.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []driver.Input
	for _, f := range files {
		inputs = append(inputs, driver.Input{File: f})
	}
	cfg.Analyzers = all.Analyzers()
	res, err := driver.Run(context.Background(), inputs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d: %s %s: %s", filepath.Base(d.Pos.Filename), d.Pos.Line, d.Severity, d.Rule, d.Message))
	}
	return out
}

// A file's configured platforms act as --platforms does for that file.
func TestFileOptionsPlatforms(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sampleapp")
	byFlag := runDir(t, dir, driver.Config{Platforms: model.IOS})
	byFile := runDir(t, dir, driver.Config{FileOptions: func(string) driver.FileOptions { return driver.FileOptions{Platforms: model.IOS} }})
	all := runDir(t, dir, driver.Config{})
	if strings.Join(byFlag, "\n") != strings.Join(byFile, "\n") {
		t.Errorf("per-file ios:\n%s\n--platforms ios:\n%s", strings.Join(byFile, "\n"), strings.Join(byFlag, "\n"))
	}
	if strings.Join(byFlag, "\n") == strings.Join(all, "\n") {
		t.Error("--platforms ios changes nothing on the sample app: the test shows nothing")
	}
	// Only the file configured for macOS changes.
	macOnly := runDir(t, dir, driver.Config{FileOptions: func(path string) driver.FileOptions {
		if filepath.Base(path) == "CertificateStore.m" {
			return driver.FileOptions{Platforms: model.MacOS}
		}
		return driver.FileOptions{}
	}})
	var changed []string
	for _, d := range symmetricDiff(all, macOnly) {
		changed = append(changed, d)
		if !strings.HasPrefix(d[1:], "CertificateStore.m:") {
			t.Errorf("a file not configured changed: %s", d)
		}
	}
	if len(changed) == 0 {
		t.Error("CertificateStore.m on macOS only: nothing changed")
	}
}

func symmetricDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, "-"+x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, "+"+x)
		}
	}
	return out
}

// A disabled rule's finding is dropped before folding: the finding of the
// enabled rule folded into it comes back.
func TestFileOptionsDisabledBeforeFold(t *testing.T) {
	dir := filepath.Join("testdata", "overlap")
	off := func(rule string) driver.Config {
		return driver.Config{FileOptions: func(string) driver.FileOptions { return driver.FileOptions{Disabled: []string{rule}} }}
	}
	has := func(diags []string, prefix string) bool {
		for _, d := range diags {
			if strings.HasPrefix(d, prefix) {
				return true
			}
		}
		return false
	}
	on := runDir(t, dir, driver.Config{})
	if !has(on, "leftover_limit.swift:16: error reuseddict") || has(on, "leftover_limit.swift:12: error deletelimit") {
		t.Fatalf("the fixture no longer folds deletelimit into reuseddict:\n%s", strings.Join(on, "\n"))
	}
	got := runDir(t, dir, off("reuseddict"))
	if has(got, "leftover_limit.swift:16: error reuseddict") || !has(got, "leftover_limit.swift:12: error deletelimit") {
		t.Errorf("reuseddict disabled: want deletelimit's own finding back, got\n%s", strings.Join(got, "\n"))
	}
}

// Configured deployment targets reach the rules through the project facts.
func TestFileOptionsDeployment(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "sampleapp")
	if _, err := os.Stat(filepath.Join(dir, "Sources", "KeyRing.swift")); err != nil {
		t.Fatal(err)
	}
	const advice = "the deployment target lets this code run on earlier versions (from iOS 9.0)"
	for _, d := range runDir(t, dir, driver.Config{}) {
		if strings.Contains(d, advice) {
			t.Fatalf("without a configured target: %s", d)
		}
	}
	got := runDir(t, dir, driver.Config{FileOptions: func(string) driver.FileOptions {
		return driver.FileOptions{Deployment: map[model.Platform]model.OSVersion{model.IOS: {Major: 9}}}
	}})
	found := false
	for _, d := range got {
		found = found || strings.Contains(d, "KeyRing.swift:75: warning deprecatedkey") && strings.Contains(d, advice)
	}
	if !found {
		t.Errorf("iOS 9 deployment target: no advice on KeyRing.swift:75:\n%s", strings.Join(got, "\n"))
	}
}

// A change of a file's configured options is a change of the run's key:
// the cached findings of the run before it are not reused.
func TestFileOptionsResultCacheKey(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"Caller.swift": `import Security
func load() {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrServer as String: "example.com"]
    SecItemCopyMatching(q as CFDictionary, nil)
}
`}
	with := func(o driver.FileOptions) driver.Config {
		return driver.Config{Analyzers: all.Analyzers(), Cache: c, FileOptions: func(string) driver.FileOptions { return o }}
	}
	on, _ := runCachedCfg(t, with(driver.FileOptions{}), files)
	if len(on) != 1 {
		t.Fatalf("want one finding, got %q", on)
	}
	if again, cached := runCachedCfg(t, with(driver.FileOptions{}), files); !cached || len(again) != 1 {
		t.Fatalf("same options: cached %v, %q", cached, again)
	}
	rule := on[0][strings.LastIndex(on[0], "[")+1 : len(on[0])-1]
	off, cached := runCachedCfg(t, with(driver.FileOptions{Disabled: []string{rule}}), files)
	if cached || len(off) != 0 {
		t.Errorf("%s disabled: findings from the cache %v, %q; want none, analysed", rule, cached, off)
	}
	mac, cached := runCachedCfg(t, with(driver.FileOptions{Platforms: model.MacOS}), files)
	if cached {
		t.Errorf("macOS scope: findings %q came from the cache of another scope", mac)
	}
}

// The edit loop (the language server) applies the file options as a run
// does: a disabled rule's finding is dropped from the file's findings.
func TestFileOptionsEdit(t *testing.T) {
	src := `import Security
func load() {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrServer as String: "example.com"]
    SecItemCopyMatching(q as CFDictionary, nil)
}
`
	for _, tc := range []struct {
		disabled []string
		want     int
	}{{nil, 1}, {[]string{"unsupportedattr"}, 0}} {
		cfg := driver.Config{Analyzers: all.Analyzers(), FileOptions: func(string) driver.FileOptions { return driver.FileOptions{Disabled: tc.disabled} }}
		e, err := driver.NewEdit(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := e.Change(context.Background(), "Caller.swift", []byte(src))
		e.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.want {
			t.Errorf("disabled %v: %d findings, want %d: %v", tc.disabled, len(got), tc.want, got)
		}
	}
}
