import Security

// The read and the add are on different branches: never on the same path.
func readOrAdd(_ data: Data, write: Bool) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.branch",
        kSecAttrAccount as String: "me",
    ]
    if write {
        query[kSecValueData as String] = data
        SecItemAdd(query as CFDictionary, nil)
    } else {
        query[kSecReturnData as String] = true
        var result: CFTypeRef?
        SecItemCopyMatching(query as CFDictionary, &result)
    }
}
