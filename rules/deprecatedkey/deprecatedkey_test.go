package deprecatedkey_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/deprecatedkey"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// The fixtures also show what is silent: current values that share a
// prefix with a deprecated one (whole identifiers only), kSecUseItemList
// in macOS-only code, and deprecated constants in a dictionary that never
// reaches a SecItem call (silent.swift, silent.m: the rule reports only
// what it can follow into a call; the compiler warns about the rest).
func TestDeprecatedKey(t *testing.T) {
	diags := ruletest.Run(t, "testdata", deprecatedkey.Analyzer)
	for _, d := range diags {
		if d.Severity != driver.Warning {
			t.Errorf("%s:%d: severity %s, want warning", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
		name := strings.Fields(d.Message)[0]
		text := ruletest.Covered(t, d)
		if text != name {
			t.Errorf("%s:%d:%d: finding covers %q, want the constant %s", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text, name)
		}
		fixable := strings.HasPrefix(name, "kSecAttrAccessibleAlways")
		if fixable != (len(d.Fixes) == 1) {
			t.Errorf("%s:%d: %s has %d suggested fixes", d.Pos.Filename, d.Pos.Line, name, len(d.Fixes))
		}
		// Another accessibility class is not the same program: --fix
		// must not apply it without --unsafe-fixes.
		if fixable && d.FixSafe(0) {
			t.Errorf("%s:%d: the fix of %s is marked safe", d.Pos.Filename, d.Pos.Line, name)
		}
	}
}

// With --platforms macos kSecUseItemList is valid and not reported; the
// other deprecations still are (outside the availability fixtures, whose
// iOS fallbacks do not run on macOS).
func TestMacOSOnlyScope(t *testing.T) {
	want := 0
	for _, d := range ruletest.RunQuiet(t, "testdata", deprecatedkey.Analyzer) {
		if !strings.HasPrefix(d.Message, "kSecUseItemList") && !strings.Contains(d.Pos.Filename, "availability") {
			want++
		}
	}
	diags := ruletest.RunQuiet(t, "testdata", deprecatedkey.Analyzer, ruletest.Options{Platforms: model.MacOS})
	others := 0
	for _, d := range diags {
		if strings.Contains(d.Pos.Filename, "availability") {
			continue
		}
		if strings.HasPrefix(d.Message, "kSecUseItemList") {
			t.Errorf("%s:%d: kSecUseItemList reported in a macOS-only scan", d.Pos.Filename, d.Pos.Line)
		} else {
			others++
		}
	}
	if want == 0 || others != want {
		t.Errorf("got %d other deprecated constants in a macOS-only scan, want %d (as in the default scan)", others, want)
	}
}
