import Foundation
import Security

// An add that asks for the new item's attributes, then, on a duplicate, the
// same dictionary as the update's query: its kSecReturnAttributes makes the
// update fail on iOS.
func upsert(account: String, data: Data) -> OSStatus {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.upsert",
        kSecAttrAccount as String: account,
        kSecValueData as String: data,
        kSecReturnAttributes as String: true,
    ]
    var added: CFTypeRef?
    var status = SecItemAdd(attributes as CFDictionary, &added)
    if status == errSecDuplicateItem {
        let changes: [String: Any] = [kSecValueData as String: data]
        status = SecItemUpdate(attributes as CFDictionary, changes as CFDictionary) // want `^SecItemUpdate receives the dictionary already used by SecItemAdd on line 16, which still holds kSecReturnAttributes: SecItemUpdate takes no`
    }
    return status
}

// A false kSecReturnData in the read's query is inert in the update too.
func updateAfterFalseReturn(account: String, data: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecReturnData as String: false,
    ]
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
        let changes: [String: Any] = [kSecValueData as String: data]
        SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
}

// A kSecMatchLimit that only macOS sees does not hurt the iOS update.
func updateAfterMacOSLimit(account: String, data: Data) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
    ]
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitOne
    #endif
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
        let changes: [String: Any] = [kSecValueData as String: data]
        SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
}
