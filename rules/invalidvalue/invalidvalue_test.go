package invalidvalue_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/invalidvalue"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestInvalidValue(t *testing.T) {
	diags := ruletest.Run(t, "testdata", invalidvalue.Analyzer)
	if len(diags) != 6 {
		t.Errorf("got %d findings, want 6 (string, number, boolean and a macOS string with the data-protection flag in Swift; string, boolean in Objective-C)", len(diags))
	}
	for _, d := range diags {
		if d.Severity != driver.Error {
			t.Errorf("%s:%d: severity %s, want error", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
	}
}
