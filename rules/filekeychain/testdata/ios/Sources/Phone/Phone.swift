import Security

// iOS and Mac Catalyst only: the data-protection keychain, silent.
func phoneRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "phone", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
