import Security

// A macOS app. Without kSecUseDataProtectionKeychain the call goes to the
// file keychain, which ignores the group: silent (filekeychain's business).
func fileKeychainRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: "ABCDE12345.com.example.other", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// On the data-protection keychain the group counts.
func dataProtectionRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "token", kSecUseDataProtectionKeychain as String: true, kSecAttrAccessGroup as String: "ABCDE12345.com.example.other", kSecReturnData as String: true] // want `access group "ABCDE12345.com.example.other" is not in the entitlements of .*Desk.xcodeproj:Desk`
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// The application identifier is a group of its own without being listed.
func appIdentifierRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "token", kSecUseDataProtectionKeychain as String: true, kSecAttrAccessGroup as String: "ABCDE12345.com.example.desk", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
