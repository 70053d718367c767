package accessibilitydrift_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/rules/accessibilitydrift"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestAccessibilityDrift(t *testing.T) {
	ruletest.Run(t, "testdata", accessibilitydrift.Analyzer)
}
