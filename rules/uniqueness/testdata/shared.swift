import Foundation
import Security

// The existence check and the add use one dictionary, or the same helper
// called the same way: they name the same item even when the account is
// set on some paths only.
final class SharedStore {
    var account: String?

    func base() -> [String: Any] {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.shared",
        ]
        if let account = account {
            q[kSecAttrAccount as String] = account
        }
        return q
    }

    // One dictionary for the read and the add.
    func save(_ data: Data, name: String?) {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.shared",
            kSecAttrLabel as String: "Shared", // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 33 then fails with errSecDuplicateItem`
        ]
        if let name = name {
            q[kSecAttrAccount as String] = name
        }
        if SecItemCopyMatching(q as CFDictionary, nil) == errSecItemNotFound {
            q[kSecValueData as String] = data
            SecItemAdd(q as CFDictionary, nil)
        }
    }

    // The same helper, called the same way.
    func saveBase(_ data: Data) {
        var q = base()
        q[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 44 then fails with errSecDuplicateItem`
        if SecItemCopyMatching(q as CFDictionary, nil) == errSecItemNotFound {
            var item = base()
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add sets another account on some paths.
    func saveAs(_ data: Data, name: String?, alias: String?) {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.shared",
            kSecAttrLabel as String: "Shared",
        ]
        if let name = name {
            q[kSecAttrAccount as String] = name
        }
        if SecItemCopyMatching(q as CFDictionary, nil) == errSecItemNotFound {
            if let alias = alias {
                q[kSecAttrAccount as String] = alias
            }
            q[kSecValueData as String] = data
            SecItemAdd(q as CFDictionary, nil)
        }
    }
}
