package deletelimit_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/deletelimit"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestDeleteLimit(t *testing.T) {
	diags := ruletest.Run(t, "testdata", deletelimit.Analyzer)
	checkLocations(t, diags)
}

// With --platforms macos a kSecMatch* key in a delete is fine (the shim
// drops it on the way to the data-protection keychain); the partial
// queries are still reported, because the file keychain deletes one match
// and the data-protection keychain all of them.
func TestMacOSOnlyScope(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", deletelimit.Analyzer, ruletest.Options{Platforms: model.MacOS})
	partial := 0
	for _, d := range diags {
		switch {
		case strings.Contains(d.Message, "makes the delete fail with errSecParam"):
			t.Errorf("%s:%d: kSecMatch* key reported in a macOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		case strings.Contains(d.Message, "does not name one item"):
			partial++
		}
	}
	if partial != 11 {
		t.Errorf("got %d partial-query findings in a macOS-only scan, want 11 (as in the default scan)", partial)
	}
}

// checkLocations asserts that the key finding is at the kSecMatch* key and
// the partial-query finding at the SecItemDelete token.
func checkLocations(t *testing.T, diags []driver.Diagnostic) {
	t.Helper()
	for _, d := range diags {
		text := ruletest.From(t, d.Pos)
		want := "kSecMatch"
		if strings.Contains(d.Message, "does not name one item") {
			want = "SecItemDelete("
		}
		if !strings.HasPrefix(text, want) {
			t.Errorf("%s:%d:%d: finding starts at %.20q, want %q", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text, want)
		}
		wantSev := driver.Error
		if want == "SecItemDelete(" {
			wantSev = driver.Warning
		}
		if d.Severity != wantSev {
			t.Errorf("%s:%d: severity %s, want %s", d.Pos.Filename, d.Pos.Line, d.Severity, wantSev)
		}
	}
}

// With --platforms ios there is no file keychain: a partial query deletes
// every match, as intended or not, the same way everywhere, so only the
// kSecMatch* keys are reported.
func TestIOSOnlyScope(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", deletelimit.Analyzer, ruletest.Options{Platforms: model.IOS})
	keys := 0
	for _, d := range diags {
		switch {
		case strings.Contains(d.Message, "does not name one item"):
			t.Errorf("%s:%d: partial query reported in an iOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		case strings.Contains(d.Message, "makes the delete fail with errSecParam"):
			keys++
		}
	}
	if keys == 0 {
		t.Error("kSecMatch* keys must still be reported in an iOS-only scan")
	}
}
