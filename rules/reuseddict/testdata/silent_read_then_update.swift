import Security

// A read with no return or match keys (an existence check), then the same
// unchanged query as the query of SecItemUpdate: fine.
func updateIfPresent(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.present",
        kSecAttrAccount as String: "me",
    ]
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
        let changes: [String: Any] = [kSecValueData as String: newData]
        SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
}
