package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A call on a stored property declared with a type and no initial value
// resolves only to that type's methods: with `let defaults: Defaults`
// (a class the program does not show), defaults.data(forKey:) is not the
// keychain store's data(forKey:), the only method of that name the
// program has. A property declared with a protocol (or base class) that
// program types inherit may hold any of them: its calls resolve as on a
// receiver of unknown type, to the one implementation.
func TestStoredPropertyTypeResolution(t *testing.T) {
	facts := analyze(t, model.AllPlatforms, map[string]string{
		"Store.swift": `final class KeychainStore {
    func data(forKey key: String) -> Data? {
        var out: CFTypeRef?
        let status = SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: key, kSecReturnData as String: true] as CFDictionary, &out)
        return status == errSecSuccess ? out as? Data : nil
    }
}
protocol Storage {
    func remove(query: [String: Any])
}
final class RealStorage: Storage {
    func remove(query: [String: Any]) {
        SecItemDelete(query as CFDictionary)
    }
}
`,
		"Manager.swift": `final class Manager {
    private let defaults: Defaults
    private let storage: Storage
    init(defaults: Defaults, storage: Storage) {
        self.defaults = defaults
        self.storage = storage
    }
    func group() -> Data? {
        return defaults.data(forKey: "group")
    }
    func clear() {
        storage.remove(query: [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "a"])
    }
}
`,
	})
	for _, f := range facts {
		if f.Func.Name == "group" {
			t.Errorf("defaults.data(forKey:) resolved to the keychain store's method: a %s fact in group()", f.Op)
		}
	}
	found := false
	for _, f := range facts {
		found = found || (f.Func.Name == "clear" && f.Op == model.OpDelete)
	}
	if !found {
		t.Error("storage.remove(query:) on a protocol-typed property did not resolve to RealStorage's")
	}
}
