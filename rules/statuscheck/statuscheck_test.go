package statuscheck_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/rules/ruletest"
	"github.com/keychainlint/keychainlint/rules/statuscheck"
)

func TestStatusCheck(t *testing.T) {
	ruletest.Run(t, "testdata", statuscheck.Analyzer)
}
