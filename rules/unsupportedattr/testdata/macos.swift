import Security

func macOnlyEverywhere(access: SecAccess) {
    let q: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "svc",
        kSecAttrAccess as String: access, // want `kSecAttrAccess exists only on macOS.*errSecNoSuchAttr \(-25303\)`
    ]
    SecItemAdd(q as CFDictionary, nil)
}

func macOnlyInsideIf(access: SecAccess) {
    var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    #if os(macOS)
    q[kSecAttrAccess as String] = access
    q[kSecUseKeychain as String] = keychain
    #endif
    SecItemAdd(q as CFDictionary, nil)
}

#if os(macOS)
func wholeFunctionForMac(keychain: SecKeychain) {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseKeychain as String: keychain]
    SecItemCopyMatching(q as CFDictionary, nil)
}
#endif

func useKeychainOnIOS(keychain: SecKeychain) {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseKeychain as String: keychain] // want `kSecUseKeychain exists only on macOS.*errSecParam \(-50\)`
    SecItemCopyMatching(q as CFDictionary, nil)
}
