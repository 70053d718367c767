import Foundation
import Security

// The read query carries kSecReturnData and kSecMatchLimit; the same
// NSMutableDictionary then becomes the query of SecItemUpdate. The keys
// are there only because the dictionary was reused: that is reuseddict's
// finding, not this rule's (one bug, one finding).
func readThenUpdateSameObject(newData: Data) {
    let query = NSMutableDictionary()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "com.example.reused"
    query[kSecAttrAccount as String] = "me"
    query[kSecReturnData as String] = true
    query[kSecMatchLimit as String] = kSecMatchLimitOne
    var result: CFTypeRef?
    if SecItemCopyMatching(query, &result) == errSecSuccess {
        let changes: [String: Any] = [kSecValueData as String: newData]
        SecItemUpdate(query, changes as CFDictionary)
    }
}

// The same for an add after a failed read: the return key came from the
// read.
func readThenAddSameObject(secret: Data) {
    let query = NSMutableDictionary()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "com.example.reused"
    query[kSecAttrAccount as String] = "me"
    query[kSecReturnAttributes as String] = true
    var result: CFTypeRef?
    if SecItemCopyMatching(query, &result) == errSecItemNotFound {
        query[kSecValueData as String] = secret
        SecItemAdd(query, nil)
    }
}

// Match keys in a delete are deletelimit's finding, not this rule's.
func deleteWithMatchKeys() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.reused",
        kSecMatchLimit as String: kSecMatchLimitAll,
        kSecMatchCaseInsensitive as String: true,
    ]
    SecItemDelete(query as CFDictionary)
}
