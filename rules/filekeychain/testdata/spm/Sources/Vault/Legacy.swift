import Security

// This file works with the file keychain on purpose (SecKeychain*): silent.
func legacyRead() -> OSStatus {
    var keychain: SecKeychain?
    _ = SecKeychainCopyDefault(&keychain)
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
