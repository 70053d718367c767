import Foundation
import Security

// The update runs first and the add only where it found nothing: a
// non-primary attribute in the update's query hides an item saved with
// another value, and the add then fails with errSecDuplicateItem.
final class UpdateFirstStore {
    func save(_ token: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, // want `^kSecAttrAccessible is not part of what makes a generic password unique: this SecItemUpdate's query matches nothing and the update returns errSecItemNotFound when the item exists with another kSecAttrAccessible, and the SecItemAdd on line 20 then fails with errSecDuplicateItem \(-25299\); look the item up by its primary key \(kSecAttrAccount, kSecAttrService\) only$`
        ]
        let attributes: [String: Any] = [kSecValueData as String: token]
        let status = SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
        if status == errSecItemNotFound {
            var item = query
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the update's query names the item by its primary key only;
    // the protection goes with the add.
    func savePrimaryOnly(_ token: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
        ]
        let status = SecItemUpdate(query as CFDictionary, [kSecValueData as String: token] as CFDictionary)
        if status == errSecItemNotFound {
            var item = query
            item[kSecValueData as String] = token
            item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the non-primary attribute is in the attributes to update,
    // not in the query.
    func saveLabelled(_ token: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
        ]
        let attributes: [String: Any] = [kSecValueData as String: token, kSecAttrLabel as String: "Token"]
        if SecItemUpdate(query as CFDictionary, attributes as CFDictionary) == errSecItemNotFound {
            var item = query
            item.merge(attributes) { _, new in new }
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add names another account.
    func saveOther(_ token: Data) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: "current",
            kSecAttrLabel as String: "Current",
        ]
        if SecItemUpdate(query as CFDictionary, [kSecValueData as String: token] as CFDictionary) == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.update",
                kSecAttrAccount as String: "previous",
                kSecValueData as String: token,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add runs whatever the update returned, success included
    // (not an existence check).
    func saveAlways(_ token: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
            kSecAttrLabel as String: "Token",
        ]
        _ = SecItemUpdate(query as CFDictionary, [kSecValueData as String: token] as CFDictionary)
        var item = query
        item[kSecValueData as String] = token
        SecItemAdd(item as CFDictionary, nil)
    }
}

// Silent: where the update fails, a delete runs before the add and may
// remove the item the update's query missed.
final class UpdateDeleteAddStore {
    func remove(account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
        ]
        SecItemDelete(query as CFDictionary)
    }

    func save(_ token: Data, account: String) {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.update",
            kSecAttrAccount as String: account,
            kSecAttrLabel as String: "Token",
        ]
        let status = SecItemUpdate(query as CFDictionary, [kSecValueData as String: token] as CFDictionary)
        if status == errSecSuccess {
            return
        }
        remove(account: account)
        query[kSecValueData as String] = token
        SecItemAdd(query as CFDictionary, nil)
    }
}
