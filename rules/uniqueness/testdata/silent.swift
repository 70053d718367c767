import Foundation
import Security

// Silent: the existence check filters only on primary attributes
// (service, account, access group, synchronizable).
func savePrimaryOnly(_ token: Data, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: account,
        kSecAttrAccessGroup as String: "TEAMID.com.example.shared",
        kSecAttrSynchronizable as String: kCFBooleanTrue!,
        kSecReturnData as String: true,
    ]
    var result: CFTypeRef?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if status == errSecItemNotFound {
        var item = query
        item.removeValue(forKey: kSecReturnData as String)
        item[kSecValueData as String] = token
        item[kSecAttrLabel as String] = "Example token"
        SecItemAdd(item as CFDictionary, nil)
    }
}

// Silent: the add happens only after the read succeeded.
func saveAfterSuccess(_ token: Data, tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecAttrGeneric as String: tag,
    ]
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.token",
            kSecAttrAccount as String: "token",
            kSecValueData as String: token,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}

// Silent: the add runs whatever the read returned, also after success
// (not an existence check).
func saveAlways(_ token: Data, tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecAttrGeneric as String: tag,
    ]
    _ = SecItemCopyMatching(query as CFDictionary, nil)
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecValueData as String: token,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Silent: the add names another item (another account constant).
func saveOtherAccount(_ token: Data, tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecAttrGeneric as String: tag,
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    if status == errSecItemNotFound {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.token",
            kSecAttrAccount as String: "token.backup",
            kSecValueData as String: token,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
