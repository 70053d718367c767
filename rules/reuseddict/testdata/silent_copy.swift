import Security

// A Swift dictionary assigned to a new variable is a copy: the add gets
// its own dictionary, and the read's query is not changed.
func saveCopy(_ d: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.copy",
        kSecAttrAccount as String: "me",
    ]
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
        var add = query
        add[kSecValueData as String] = d
        SecItemAdd(add as CFDictionary, nil)
    }
}
