package keychangeupdate_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/rules/keychangeupdate"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestKeyChangeUpdate(t *testing.T) {
	ruletest.Run(t, "testdata", keychangeupdate.Analyzer)
}
