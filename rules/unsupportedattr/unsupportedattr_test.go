package unsupportedattr_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/ruletest"
	"github.com/keychainlint/keychainlint/rules/unsupportedattr"
)

func TestUnsupportedAttr(t *testing.T) {
	ruletest.Run(t, "testdata", unsupportedattr.Analyzer)
}

// With --platforms macos the macOS-only keys are fine; the class checks
// still apply.
func TestMacOSOnlyScope(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", unsupportedattr.Analyzer, ruletest.Options{Platforms: model.MacOS})
	for _, d := range diags {
		if strings.Contains(d.Message, "exists only on macOS") {
			t.Errorf("%s:%d: macOS-only key reported in a macOS-only scan: %s", d.Pos.Filename, d.Pos.Line, d.Message)
		}
	}
	if len(diags) == 0 {
		t.Fatal("class mismatches must still be reported in a macOS-only scan")
	}
}
