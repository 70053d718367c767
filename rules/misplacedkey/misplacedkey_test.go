package misplacedkey_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/misplacedkey"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestMisplacedKey(t *testing.T) {
	diags := ruletest.Run(t, "testdata", misplacedkey.Analyzer)
	returns := 0
	for _, d := range diags {
		want := driver.Error
		if strings.Contains(d.Message, "no effect because the result argument is nil") {
			want = driver.Warning
			returns++
		}
		if d.Severity != want {
			t.Errorf("%s:%d: severity %s, want %s: %s", d.Pos.Filename, d.Pos.Line, d.Severity, want, d.Message)
		}
	}
	if returns != 4 {
		t.Errorf("got %d return-key-in-add findings, want 4 (one key and two keys, Swift and Objective-C)", returns)
	}
	checkLocations(t, diags)
	checkRelatedKeys(t, diags)
}

var severalKeys = regexp.MustCompile(`^kSec\w+(?:, kSec\w+)* and (kSec\w+) in the `)

// checkRelatedKeys asserts that a finding that names several keys points
// at each of the others.
func checkRelatedKeys(t *testing.T, diags []driver.Diagnostic) {
	t.Helper()
	several := 0
	for _, d := range diags {
		m := severalKeys.FindStringSubmatch(d.Message)
		if m == nil {
			continue
		}
		several++
		second := m[1]
		found := false
		for _, r := range d.Related {
			if strings.HasPrefix(ruletest.From(t, r.Pos), second) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s:%d: no related location at %s: %s", d.Pos.Filename, d.Pos.Line, second, d.Message)
		}
	}
	if several != 4 {
		t.Errorf("got %d findings that name several keys, want 4 (onefinding.swift, onefinding.m)", several)
	}
}

// checkLocations asserts that each finding is at the key it names (its
// first word), so a kSecUseAuthenticationUISkip finding is at the value,
// not at the kSecUseAuthenticationUI key.
func checkLocations(t *testing.T, diags []driver.Diagnostic) {
	t.Helper()
	for _, d := range diags {
		text := ruletest.From(t, d.Pos)
		want := strings.Fields(d.Message)[0]
		if !strings.HasPrefix(text, want) || strings.HasPrefix(text[len(want):], "Skip") {
			t.Errorf("%s:%d:%d: finding starts at %.30q, want %q", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text, want)
		}
	}
}

// With --platforms macos the macOS shim drops match and return keys from
// the query of SecItemUpdate, so they are not reported; attributesToUpdate
// goes unchanged to the data-protection keychain on macOS too, so
// kSecClass there still is.
func TestMacOSOnlyScope(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", misplacedkey.Analyzer, ruletest.Options{Platforms: model.MacOS})
	attrs := 0
	for _, d := range diags {
		switch {
		case strings.Contains(d.Message, "in the query of SecItemUpdate"):
			t.Errorf("%s:%d: update-query key reported in a macOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		case strings.Contains(d.Message, "in the attributes of SecItemAdd:"):
			t.Errorf("%s:%d: match key in an add reported in a macOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		case strings.HasPrefix(d.Message, "kSecClass does not belong in the attributes to update"):
			attrs++
		}
	}
	if attrs != 4 {
		t.Errorf("got %d kSecClass-in-attributesToUpdate findings in a macOS-only scan, want 4 (as in the default scan)", attrs)
	}
}
