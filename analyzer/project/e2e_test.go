package project_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/broaddelete"
	"github.com/keychainlint/keychainlint/rules/deletelimit"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// The project's platforms decide what the rules report: deletelimit's
// macOS file-keychain warning (b) and broaddelete's macOS error are for
// code a project builds for macOS, not for iOS-only packages, targets and
// pods. Each fixture file has the same two deletes: line 9 (Swift) or 7
// (Objective-C) deletes by account only, line 13 or 12 deletes the class.

// findings runs a rule over a fixture project and returns its findings as
// "file:line severity macos?" (macos: the message mentions macOS).
func findings(t *testing.T, dir string, a *analysis.Analyzer) []string {
	t.Helper()
	var out []string
	for _, d := range ruletest.RunQuiet(t, filepath.Join("testdata", "e2e", dir), a) {
		rel, _ := filepath.Rel(filepath.Join("testdata", "e2e", dir), d.Pos.Filename)
		mac := ""
		if strings.Contains(d.Message, "macOS") {
			mac = " macOS"
		}
		out = append(out, fmt.Sprintf("%s:%d %s%s", filepath.ToSlash(rel), d.Pos.Line, d.Severity, mac))
	}
	sort.Strings(out)
	return out
}

func check(t *testing.T, dir string, a *analysis.Analyzer, want ...string) {
	t.Helper()
	got := findings(t, dir, a)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s, %s:\ngot\n  %s\nwant\n  %s", dir, a.Name, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestSwiftPMPlatformsDecide(t *testing.T) {
	// iOS only: no file-keychain warning; the class-wide delete is a
	// warning without the macOS claim. The test target's findings are notes.
	check(t, "spm-ios", deletelimit.Analyzer)
	check(t, "spm-ios", broaddelete.Analyzer, "Sources/Vault/Vault.swift:13 warning", "Tests/VaultTests/VaultTests.swift:13 note")
	check(t, "spm-macos", deletelimit.Analyzer, "Sources/Vault/Vault.swift:9 warning macOS")
	check(t, "spm-macos", broaddelete.Analyzer, "Sources/Vault/Vault.swift:13 error macOS")
}

func TestXcodePlatformsDecide(t *testing.T) {
	// Phone/PhoneVault.m is only in the iOS app; Shared/SharedVault.swift
	// is in the iOS and the macOS app.
	check(t, "xcode", deletelimit.Analyzer, "Shared/SharedVault.swift:9 warning macOS")
	check(t, "xcode", broaddelete.Analyzer, "Phone/PhoneVault.m:12 warning", "Shared/SharedVault.swift:13 error macOS")
}

func TestPodPlatformsDecide(t *testing.T) {
	check(t, "pod-ios", deletelimit.Analyzer)
	check(t, "pod-ios", broaddelete.Analyzer, "Classes/Vault.m:12 warning")
	check(t, "pod-macos", deletelimit.Analyzer, "Classes/Vault.m:7 warning macOS")
	check(t, "pod-macos", broaddelete.Analyzer, "Classes/Vault.m:12 error macOS")
}

// A finding in test code is a note, the same in shipping code is not; the
// message is the same.
func TestTestCodeIsNote(t *testing.T) {
	check(t, "testcode", deletelimit.Analyzer, "Sources/Store.swift:9 warning macOS", "Tests/StoreTests.swift:9 note macOS")
	check(t, "testcode", broaddelete.Analyzer, "Sources/Store.swift:13 error macOS", "Tests/StoreTests.swift:13 note macOS")
	diags := ruletest.RunQuiet(t, filepath.Join("testdata", "e2e", "testcode"), broaddelete.Analyzer)
	if len(diags) != 2 || diags[0].Message != diags[1].Message || diags[1].Severity != driver.Note {
		t.Errorf("want the same message, at note in Tests/: %v", diags)
	}
}
