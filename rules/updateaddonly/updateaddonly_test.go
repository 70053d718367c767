package updateaddonly_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/ruletest"
	"github.com/keychainlint/keychainlint/rules/updateaddonly"
)

func TestUpdateAddOnly(t *testing.T) {
	ruletest.Run(t, "testdata", updateaddonly.Analyzer)
}

// kSecAttrTokenID and the access control of a token item are errors, a
// protection change the macOS file keychain skips is a note, and nothing is
// a warning; every finding sits on the key itself and none advises deleting
// and adding the item again.
func TestSeverities(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", updateaddonly.Analyzer)
	if len(diags) == 0 {
		t.Fatal("no findings")
	}
	count := map[string]int{}
	for _, d := range diags {
		at := ruletest.From(t, d.Pos)
		var key, want string
		switch {
		case strings.HasPrefix(at, "kSecAttrAccessControl") && strings.Contains(d.Message, "token"):
			key, want = "kSecAttrAccessControl", "error"
		case strings.HasPrefix(at, "kSecAttrAccessControl"):
			key, want = "kSecAttrAccessControl", "note"
		case strings.HasPrefix(at, "kSecAttrAccessible"):
			key, want = "kSecAttrAccessible", "note"
		case strings.HasPrefix(at, "kSecAttrTokenID"):
			key, want = "kSecAttrTokenID", "error"
		default:
			t.Errorf("%s:%d:%d: finding not at a protection key: %q", d.Pos.Filename, d.Pos.Line, d.Pos.Column, at)
			continue
		}
		count[key+" "+want]++
		if got := d.Severity.String(); got != want {
			t.Errorf("%s:%d: %s reported as %s, want %s", d.Pos.Filename, d.Pos.Line, key, got, want)
		}
		if !strings.HasPrefix(d.Message, key+" ") {
			t.Errorf("%s:%d: message does not start with the key %s: %s", d.Pos.Filename, d.Pos.Line, key, d.Message)
		}
		if strings.Contains(d.Message, "add it again") || strings.Contains(d.Message, "delete the item") {
			t.Errorf("%s:%d: message advises deleting and re-adding the item: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		}
		if d.End.Line != d.Pos.Line || d.End.Column-d.Pos.Column != len(key) {
			t.Errorf("%s:%d: finding spans %d:%d-%d:%d, want exactly %s", d.Pos.Filename, d.Pos.Line, d.Pos.Line, d.Pos.Column, d.End.Line, d.End.Column, key)
		}
	}
	for _, k := range []string{"kSecAttrAccessControl error", "kSecAttrAccessible note", "kSecAttrTokenID error"} {
		if count[k] == 0 {
			t.Errorf("no finding for %s", k)
		}
	}
}

// With --platforms ios there is no file keychain: only the errors remain.
func TestIOSOnly(t *testing.T) {
	for _, d := range ruletest.RunQuiet(t, "testdata", updateaddonly.Analyzer, ruletest.Options{Platforms: model.IOS}) {
		if d.Severity.String() != "error" {
			t.Errorf("%s:%d: %s finding in an iOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Severity, d.Message)
		}
	}
}

// A key written in a helper in another file is reported at the key, with
// the SecItemUpdate call as a related location.
func TestHelperInOtherFile(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", updateaddonly.Analyzer)
	for _, file := range []string{"helper_changes.swift", "helper_changes.m"} {
		n := 0
		for _, d := range diags {
			if !strings.HasSuffix(d.Pos.Filename, "/"+file) {
				continue
			}
			n++
			ok := false
			for _, r := range d.Related {
				if strings.HasSuffix(r.Pos.Filename, strings.Replace(file, "changes", "update", 1)) && strings.Contains(r.Message, "SecItemUpdate") {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s:%d: no related location at the SecItemUpdate in the other file: %+v", d.Pos.Filename, d.Pos.Line, d.Related)
			}
		}
		if n != 2 {
			t.Errorf("%s: want 2 findings (accessible, token ID), got %d", file, n)
		}
	}
}
