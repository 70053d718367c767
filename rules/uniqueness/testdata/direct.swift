import Foundation
import Security

// The classic pitfall: the existence check filters on kSecAttrGeneric, the
// item exists with another generic value, the read says "not found" and the
// add of the same service and account fails with errSecDuplicateItem.
func saveTokenGeneric(_ token: Data, tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecAttrGeneric as String: tag, // want `^kSecAttrGeneric is not part of what makes a generic password unique: this read reports errSecItemNotFound when the item exists with another kSecAttrGeneric, and the SecItemAdd on line 22 then fails with errSecDuplicateItem \(-25299\); look the item up by its primary key \(`
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    if status == errSecItemNotFound {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.token",
            kSecAttrAccount as String: "token",
            kSecValueData as String: token,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}

// The same with kSecAttrAccessible, variables for service and account, and a
// guard on success: the add runs wherever the read did not succeed.
func saveTokenAccessible(_ token: Data, service: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: account,
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 44 then fails with errSecDuplicateItem \(-25299\)`
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    guard status == errSecSuccess else {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
            kSecValueData as String: token,
        ]
        SecItemAdd(item as CFDictionary, nil)
        return
    }
}

// Label and description: each non-unique key of the read is reported.
func saveTokenLabelled(_ token: Data, account: String) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: account,
    ]
    query[kSecAttrLabel as String] = "Example token" // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 61 `
    query[kSecAttrDescription as String] = "API token" // want `^kSecAttrDescription is not part of what makes a generic password unique: .*SecItemAdd on line 61 `
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
        var item = query
        item[kSecValueData as String] = token
        SecItemAdd(item as CFDictionary, nil)
    }
}

// kSecAttrComment on an internet password: account and server identify it.
func saveWebPassword(_ password: Data, user: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrServer as String: "example.com",
        kSecAttrAccount as String: user,
        kSecAttrComment as String: "web login", // want `^kSecAttrComment is not part of what makes an internet password unique: .*SecItemAdd on line 81 `
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    if status != errSecSuccess {
        let item: [String: Any] = [
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrServer as String: "example.com",
            kSecAttrAccount as String: user,
            kSecValueData as String: password,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
