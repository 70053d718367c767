package driver_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

// A finding keeps at most driver.MaxRelated related locations, and its
// message says how many more there were: seven keys that make one update
// fail are one finding whose other six keys are related locations.
func TestRelatedLocationsCapped(t *testing.T) {
	res := run(t, map[string]string{"Update.swift": `import Security

func update(account: String, data: Data) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecMatchLimit as String: kSecMatchLimitOne,
        kSecMatchCaseInsensitive as String: true,
        kSecMatchItemList as String: [Any](),
        kSecReturnData as String: true,
        kSecReturnAttributes as String: true,
        kSecReturnRef as String: true,
        kSecReturnPersistentRef as String: true,
    ]
    return SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary)
}
`})
	var found *driver.Diagnostic
	for i, d := range res.Diagnostics {
		if d.Rule == "misplacedkey" && strings.Contains(d.Message, "in the query of SecItemUpdate") {
			found = &res.Diagnostics[i]
		}
	}
	if found == nil {
		t.Fatalf("no misplacedkey finding for the update query: %v", findings(res))
	}
	if len(found.Related) != driver.MaxRelated {
		t.Errorf("%d related locations, want %d", len(found.Related), driver.MaxRelated)
	}
	if !strings.HasSuffix(found.Message, "(and 1 more related location not listed)") {
		t.Errorf("message does not say what was left out: %s", found.Message)
	}
}
