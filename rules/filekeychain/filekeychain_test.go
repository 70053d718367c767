package filekeychain_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/filekeychain"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// spm builds for iOS 15 and macOS 12 (Swift, Objective-C and C), pod
// (a podspec) for iOS 13 and macOS 10.15, old
// for macOS 10.13, ios for iOS only, xcode is a macOS 12 app entitled to
// an access group; noproject has no project at all. The // want comments
// check every finding and that nothing else is reported.
func TestFileKeychain(t *testing.T) {
	diags := ruletest.Run(t, "testdata", filekeychain.Analyzer)
	type got struct {
		sev       driver.Severity
		fix, safe bool
	}
	by := map[string]got{}
	for _, d := range diags {
		g := got{sev: d.Severity, fix: len(d.Fixes) > 0}
		if g.fix {
			g.safe = d.FixSafe(0)
		}
		by[fmt.Sprintf("%s:%d", filepath.Base(d.Pos.Filename), d.Pos.Line)] = g
	}
	// An error with a fix (never a safe one: it changes the keychain) when
	// the deployment target has kSecUseDataProtectionKeychain; a warning
	// without a fix when it does not.
	want := map[string]got{
		"Vault.swift:8":      {driver.Error, true, false},
		"Vault.swift:15":     {driver.Error, true, false},
		"Vault.swift:21":     {driver.Error, true, false},
		"DeviceKey.m:7":      {driver.Error, true, false},
		"SharedKeys.swift:8": {driver.Error, true, false},
		"Old.swift:7":        {driver.Warning, false, false},
		"Vault.swift:126":    {driver.Error, true, false},
		"Keys.m:8":           {driver.Error, true, false},
		// kSecUseDataProtectionKeychain is already in the dictionary (for
		// iOS): no second entry is inserted.
		"Keys.m:31": {driver.Error, false, false},
		// C has no dictionary literal to insert into.
		"device_key.c:8": {driver.Error, false, false},
	}
	for k, w := range want {
		if by[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, by[k], w)
		}
	}
	if len(by) != len(want) {
		t.Errorf("findings %v, want %v", by, want)
	}
}

// The goldens show the fix: kSecUseDataProtectionKeychain: true after the
// kSecClass entry, spelled like it (Swift and Objective-C).
func TestGoldensExist(t *testing.T) {
	for _, p := range []string{"testdata/spm/Sources/Vault/Vault.swift.golden", "testdata/spm/Sources/VaultObjC/DeviceKey.m.golden", "testdata/xcode/Shared/SharedKeys.swift.golden", "testdata/pod/Classes/Keys.m.golden"} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
}
