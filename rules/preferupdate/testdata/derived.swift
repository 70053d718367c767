import Foundation
import Security

// rulekit.SameItem: values computed by the same pure helper from the same
// parameter are equal, also when one is computed inside a delete helper.
final class PrefixedStore {
    let prefix = "app."

    func prefixed(_ key: String) -> String {
        return "\(prefix)\(key)"
    }

    func unique(_ key: String) -> String {
        return key + UUID().uuidString
    }

    func deleteItem(_ key: String) {
        let account = prefixed(key)
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: account,
        ]
        SecItemDelete(query as CFDictionary)
    }

    func deleteUnique(_ key: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: unique(key),
        ]
        SecItemDelete(query as CFDictionary)
    }

    func save(_ data: Data, forKey key: String) {
        deleteItem(key) // want `^deleteItem \(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 44: `
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: prefixed(key),
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the helper computes a new value at each call.
    func saveUnique(_ data: Data, forKey key: String) {
        deleteUnique(key)
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: unique(key),
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the same helper, another parameter.
    func rename(_ data: Data, from old: String, to new: String) {
        deleteItem(old)
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: prefixed(new),
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the helper of another object (another prefix).
    func copy(_ data: Data, forKey key: String, to other: PrefixedStore) {
        deleteItem(key)
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.prefixed",
            kSecAttrAccount as String: other.prefixed(key),
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
