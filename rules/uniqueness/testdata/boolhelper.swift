import Foundation
import Security

// The existence check is a helper that returns a Bool: the comparison of
// its read's status.
final class FlagStore {
    func query(_ account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.flag",
            kSecAttrAccount as String: account,
        ]
    }

    func exists(_ account: String) -> Bool {
        var q = query(account)
        q[kSecAttrLabel as String] = "Flag" // want `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 34 then fails` `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 52 then fails`
        return SecItemCopyMatching(q as CFDictionary, nil) == errSecSuccess
    }

    func isMissing(_ account: String) -> Bool {
        var q = query(account)
        q[kSecAttrGeneric as String] = Data("v1".utf8) // want `^kSecAttrGeneric is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 43 then fails`
        let status = SecItemCopyMatching(q as CFDictionary, nil)
        return status == errSecItemNotFound
    }

    func save(_ data: Data, account: String) {
        if exists(account) {
            SecItemUpdate(query(account) as CFDictionary, [kSecValueData as String: data] as CFDictionary)
        } else {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // The helper is true where the read found nothing.
    func saveIfMissing(_ data: Data, account: String) {
        if isMissing(account) {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // guard on the helper's result.
    func saveGuarded(_ data: Data, account: String) {
        guard exists(account) else {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
            return
        }
    }

    // Silent: the add runs where the helper found the item.
    func saveInverted(_ data: Data, account: String) {
        if exists(account) {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add runs whatever the helper returned.
    func saveAnyway(_ data: Data, account: String) {
        _ = exists(account)
        var item = query(account)
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }
}
