import Security

func oldRead() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "old", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil) // want `kSecUseDataProtectionKeychain needs macOS 10.15 and the deployment target is 10.13`
}
