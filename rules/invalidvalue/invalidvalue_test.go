package invalidvalue_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/invalidvalue"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestInvalidValue(t *testing.T) {
	diags := ruletest.Run(t, "testdata", invalidvalue.Analyzer)
	// values.*: string, number, boolean and a macOS string with the
	// data-protection flag in Swift; string, boolean in Objective-C.
	// optionals.swift: six boxed Optionals, NSNull(), a boolean, a Bool,
	// an Int and a String; types.m: a boolean, a number, two NSNulls;
	// helpers.swift: a helper's Optional parameter a caller may pass nil.
	if len(diags) != 22 {
		t.Errorf("got %d findings, want 22", len(diags))
	}
	for _, d := range diags {
		if d.Severity != driver.Error {
			t.Errorf("%s:%d: severity %s, want error", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
	}
}
