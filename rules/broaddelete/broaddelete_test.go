package broaddelete_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/broaddelete"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

const macOSMessage = "and on macOS, without kSecUseDataProtectionKeychain: true"

func TestBroadDelete(t *testing.T) {
	diags := ruletest.Run(t, "testdata", broaddelete.Analyzer)
	for _, d := range diags {
		if text := ruletest.From(t, d.Pos); !strings.HasPrefix(text, "SecItemDelete(") {
			t.Errorf("%s:%d:%d: finding starts at %.20q, want the SecItemDelete call", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text)
		}
		mac := strings.Contains(d.Message, macOSMessage)
		want := driver.Warning
		if mac {
			want = driver.Error
		}
		if d.Severity != want {
			t.Errorf("%s:%d: severity %s, want %s: %s", d.Pos.Filename, d.Pos.Line, d.Severity, want, d.Message)
		}
		if !mac && len(d.Fixes) != 0 {
			t.Errorf("%s:%d: a warning has a suggested fix: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		}
	}
}

// With --platforms ios nothing reaches a file keychain: every finding is a
// warning without a fix, and the class-only deletes are still reported.
func TestIOSOnlyScope(t *testing.T) {
	all := ruletest.RunQuiet(t, "testdata", broaddelete.Analyzer)
	diags := ruletest.RunQuiet(t, "testdata", broaddelete.Analyzer, ruletest.Options{Platforms: model.IOS})
	for _, d := range diags {
		if d.Severity != driver.Warning || strings.Contains(d.Message, macOSMessage) || len(d.Fixes) != 0 {
			t.Errorf("%s:%d: in an iOS-only scan got %s with %d fixes: %s", d.Pos.Filename, d.Pos.Line, d.Severity, len(d.Fixes), d.Message)
		}
	}
	if len(all) == 0 {
		t.Fatal("no findings in the default scan")
	}
	if len(diags) != len(all) {
		t.Errorf("an iOS-only scan reports %d deletes, the default scan %d; want the same deletes", len(diags), len(all))
	}
}
