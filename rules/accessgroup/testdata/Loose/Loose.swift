import Security

// No target builds this file: its entitlements are not known, silent.
func looseRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: "ABCDE12345.com.example.other", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
