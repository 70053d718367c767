import Security

// This file works with the file keychain on purpose (SecKeychain*): silent.
func legacyAdd(_ key: Data) -> OSStatus {
    var keychain: SecKeychain?
    _ = SecKeychainCopyDefault(&keychain)
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
