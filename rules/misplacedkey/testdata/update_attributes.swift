import Security

// kSecClass in attributesToUpdate: securityd treats every key there as an
// attribute, and "class" is none.
func updateWithClass(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
    ]
    let changes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword, // want `^kSecClass does not belong in the attributes to update: SecItemUpdate fails with errSecNoSuchAttr \(-25303\) on every platform`
        kSecValueData as String: newData,
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// The same mistake is reported in macOS-only code: the shim passes
// attributesToUpdate unchanged to the data-protection keychain.
#if os(macOS)
func updateWithClassMac(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
    ]
    var changes = [String: Any]()
    changes[kSecClass as String] = kSecClassGenericPassword // want `^kSecClass does not belong in the attributes to update: .*-25303`
    changes[kSecValueData as String] = newData
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
#endif

// kSecUseDataProtectionKeychain ("nleg") is a silent no-op in
// attributesToUpdate: not reported.
func updateWithDataProtection(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
        kSecUseDataProtectionKeychain as String: true,
    ]
    let changes: [String: Any] = [
        kSecValueData as String: newData,
        kSecUseDataProtectionKeychain as String: true,
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
