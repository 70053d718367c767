import Foundation
import Security

// iOS only: the data-protection keychain, silent.
func phoneAdd(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "phone", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
