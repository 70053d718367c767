package filekeychain_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/filekeychain"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// spm builds for iOS 15 and macOS 12, old for macOS 10.13, ios for iOS
// only; noproject has no project at all.
func TestFileKeychain(t *testing.T) {
	diags := ruletest.Run(t, "testdata", filekeychain.Analyzer)
	sev := map[string]driver.Severity{}
	for _, d := range diags {
		sev[fmt.Sprintf("%s:%d", filepath.Base(d.Pos.Filename), d.Pos.Line)] = d.Severity
	}
	// Error with an ignored key, warning without, note where the fix does
	// not exist on the oldest supported macOS.
	if sev["Vault.swift:6"] != driver.Error || sev["Vault.swift:11"] != driver.Warning || sev["Old.swift:5"] != driver.Note {
		t.Errorf("severities by line: %v", sev)
	}
}
