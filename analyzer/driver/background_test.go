package driver_test

import (
	"reflect"
	"testing"
)

// A file without a keychain token that implements a background callback
// is parsed in round 2 when the scan has keychain code (it calls into it),
// and not when the scan has none; a file that mentions nothing of the sort
// is not parsed either way.
func TestRound2ParsesBackgroundEntryPoints(t *testing.T) {
	delegate := `final class PushDelegate: NSObject, PKPushRegistryDelegate {
    func pushRegistry(_ registry: PKPushRegistry, didReceiveIncomingPushWith payload: PKPushPayload, for type: PKPushType, completion: @escaping () -> Void) {
        _ = Store.shared.token()
    }
}
`
	view := "final class View { func render() { print(1) } }\n"
	store := `final class Store {
    static let shared = Store()
    func token() -> OSStatus {
        return SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "t"] as CFDictionary, nil)
    }
}
`
	res := run(t, map[string]string{"PushDelegate.swift": delegate, "Store.swift": store, "View.swift": view})
	if got, want := parsedPaths(res), []string{"PushDelegate.swift", "Store.swift"}; !reflect.DeepEqual(got, want) {
		t.Errorf("with keychain code: parsed %v, want %v", got, want)
	}
	res = run(t, map[string]string{"PushDelegate.swift": delegate, "View.swift": view})
	if got := parsedPaths(res); len(got) != 0 {
		t.Errorf("without keychain code: parsed %v, want none", got)
	}
}
