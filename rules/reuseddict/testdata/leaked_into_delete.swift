import Security

// A read's query used unchanged for SecItemDelete: kSecMatchLimit makes the
// delete fail on iOS (the kSecReturnAttributes is ignored and not named);
// a kSecReturn* key alone is ignored by the delete: not reported.
func deleteWithReadQuery() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.limit",
        kSecReturnAttributes as String: true,
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    var items: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &items)
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 14, which still holds kSecMatchLimit: SecItemDelete takes no kSecMatch\* keys and fails with errSecParam \(-50\) on iOS, tvOS, watchOS, visionOS and Mac Catalyst \(macOS drops them\)`
}

func deleteWithReturnOnly() {
    let returning: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.return",
        kSecReturnData as String: true,
    ]
    var item: CFTypeRef?
    SecItemCopyMatching(returning as CFDictionary, &item)
    SecItemDelete(returning as CFDictionary)
}

// Removing the return key before the delete leaves nothing to report.
func deleteAfterRemovingReturn() {
    var removing: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.remove",
        kSecReturnData as String: true,
    ]
    var item: CFTypeRef?
    SecItemCopyMatching(removing as CFDictionary, &item)
    removing.removeValue(forKey: kSecReturnData as String)
    SecItemDelete(removing as CFDictionary)
}
