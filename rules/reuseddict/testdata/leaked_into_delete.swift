import Security

// A read's query used unchanged for SecItemDelete: kSecMatchLimit makes the
// delete fail on iOS; a kSecReturn* key alone is ignored by the delete.
func deleteWithReadQuery() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.limit",
        kSecReturnAttributes as String: true,
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    var items: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &items)
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 13, still holds kSecReturnAttributes, kSecMatchLimit \(SecItemDelete fails with errSecParam \(-50\) on iOS\)`
}

func deleteWithReturnOnly() {
    let returning: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.return",
        kSecReturnData as String: true,
    ]
    var item: CFTypeRef?
    SecItemCopyMatching(returning as CFDictionary, &item)
    SecItemDelete(returning as CFDictionary) // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 24, still holds kSecReturnData \(ignored by SecItemDelete\)`
}

// Removing the return key is still a change to a reused dictionary.
func deleteAfterRemovingReturn() {
    var removing: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.remove",
        kSecReturnData as String: true,
    ]
    var item: CFTypeRef?
    SecItemCopyMatching(removing as CFDictionary, &item)
    removing.removeValue(forKey: kSecReturnData as String)
    SecItemDelete(removing as CFDictionary) // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 36, changed since \(kSecReturnData removed\):`
}
