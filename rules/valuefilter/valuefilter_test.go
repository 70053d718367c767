package valuefilter_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/ruletest"
	"github.com/keychainlint/keychainlint/rules/valuefilter"
)

func TestValueFilter(t *testing.T) {
	diags := ruletest.Run(t, "testdata", valuefilter.Analyzer)
	if len(diags) != 6 {
		t.Errorf("got %d findings, want 6 (read, delete, update in Swift and Objective-C)", len(diags))
	}
	for _, d := range diags {
		if d.Severity != driver.Warning {
			t.Errorf("%s:%d: severity %s, want warning", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
		if text := ruletest.From(t, d.Pos); !strings.HasPrefix(text, "kSecValueData") && !strings.HasPrefix(text, "(__bridge id)kSecValueData") {
			t.Errorf("%s:%d:%d: finding starts at %.30q, want the kSecValueData key", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text)
		}
	}
}
