package invalidvalue_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/invalidvalue"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestInvalidValue(t *testing.T) {
	diags := ruletest.Run(t, "testdata", invalidvalue.Analyzer)
	if len(diags) != 5 {
		t.Errorf("got %d findings, want 5 (string, number, boolean in Swift; string, boolean in Objective-C)", len(diags))
	}
	for _, d := range diags {
		if d.Severity != driver.Error {
			t.Errorf("%s:%d: severity %s, want error", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
	}
}
