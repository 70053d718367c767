import Security

// kSecUseKeychain names a file keychain: the file keychain on purpose, silent.
func addToKeychain(_ key: Data, _ keychain: AnyObject) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecUseKeychain as String: keychain, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
