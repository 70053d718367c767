import Security

// No project says this builds for macOS: silent (when in doubt).
func looseRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "loose", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
