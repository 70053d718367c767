import Foundation
import Security

final class Store {
    let service = "com.example.store"
    // Configurable: set by the app (no constant initialiser).
    var accessibility: CFString

    init(accessibility: CFString) {
        self.accessibility = accessibility
    }

    // Reported: add first, on errSecDuplicateItem update only the data.
    func saveAddFirst(_ data: Data, account: String) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        var item = query
        item[kSecValueData as String] = data
        item[kSecAttrAccessible as String] = accessibility
        let status = SecItemAdd(item as CFDictionary, nil)
        if status == errSecDuplicateItem {
            let changes: [String: Any] = [kSecValueData as String: data]
            return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess // want `SecItemUpdate updates an existing generic password without kSecAttrAccessible, which the SecItemAdd on line 23 sets from accessibility: an item saved before keeps the protection it was created with`
        }
        return status == errSecSuccess
    }

    // Reported: update first, add on errSecItemNotFound with an access
    // control the caller passes.
    func saveUpdateFirst(_ data: Data, account: String, access: SecAccessControl) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        let status = SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary) // want `SecItemUpdate updates an existing generic password without kSecAttrAccessControl, which the SecItemAdd on line 44 sets from access`
        if status == errSecItemNotFound {
            var item = query
            item[kSecValueData as String] = data
            item[kSecAttrAccessControl as String] = access
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Reported: an existence check, then update or add.
    func saveAfterCheck(_ data: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
            SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary) // want `without kSecAttrAccessible, which the SecItemAdd on line 61 sets from self.accessibility`
        } else {
            var item = query
            item[kSecValueData as String] = data
            item[kSecAttrAccessible as String] = self.accessibility
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the update sets the protection too.
    func saveInSync(_ data: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        let attrs: [String: Any] = [kSecValueData as String: data, kSecAttrAccessible as String: accessibility]
        let status = SecItemUpdate(query as CFDictionary, attrs as CFDictionary)
        if status == errSecItemNotFound {
            SecItemAdd(query.merging(attrs) { $1 } as CFDictionary, nil)
        }
    }

    // Silent: the protection is a constant, the same on every save.
    func saveConstant(_ data: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        let status = SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary)
        if status == errSecItemNotFound {
            var item = query
            item[kSecValueData as String] = data
            item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the update is not on the existing-item path (it runs after
    // the add succeeded: a second change, not the save of an existing item).
    func saveThenLabel(_ data: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        var item = query
        item[kSecValueData as String] = data
        item[kSecAttrAccessible as String] = accessibility
        if SecItemAdd(item as CFDictionary, nil) == errSecSuccess {
            SecItemUpdate(query as CFDictionary, [kSecAttrLabel as String: "Saved"] as CFDictionary)
        }
    }

    // Silent: a stored property with a constant initialiser is taken as
    // that constant (keychainlint cannot tell whether the app changes it).
    let defaultAccessibility: CFString = kSecAttrAccessibleAfterFirstUnlock
    func saveDefault(_ data: Data, account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        var item = query
        item[kSecValueData as String] = data
        item[kSecAttrAccessible as String] = defaultAccessibility
        if SecItemAdd(item as CFDictionary, nil) == errSecDuplicateItem {
            SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary)
        }
    }

    // Silent: the update names another item (another account).
    func saveOther(_ data: Data, account: String, other: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        var item = query
        item[kSecValueData as String] = data
        item[kSecAttrAccessible as String] = accessibility
        if SecItemAdd(item as CFDictionary, nil) == errSecDuplicateItem {
            let otherQuery: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: service,
                kSecAttrAccount as String: other,
            ]
            SecItemUpdate(otherQuery as CFDictionary, [kSecValueData as String: data] as CFDictionary)
        }
    }

    // Silent: the update's query holds the protection as well. An item
    // created with another protection does not match it (the update fails
    // with errSecItemNotFound, uniqueness's bug), and one that matches has
    // the protection already: nothing drifts.
    func saveProtectedQuery(_ data: Data, account: String) -> Bool {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        query[kSecAttrAccessible as String] = accessibility
        var item = query
        item[kSecValueData as String] = data
        if SecItemAdd(item as CFDictionary, nil) == errSecDuplicateItem {
            return SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary) == errSecSuccess
        }
        return true
    }
}

// Reported: an optional protection, set on the add only when the caller
// gives one.
func saveOptional(_ data: Data, account: String, accessibility: CFString?) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.store",
        kSecAttrAccount as String: account,
    ]
    var item = query
    item[kSecValueData as String] = data
    if let accessibility = accessibility {
        item[kSecAttrAccessible as String] = accessibility
    }
    if SecItemAdd(item as CFDictionary, nil) == errSecDuplicateItem {
        SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary) // want `without kSecAttrAccessible, which the SecItemAdd on line 181 sets from accessibility`
    }
}
