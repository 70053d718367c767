import Foundation
import Security

// macOS 10.13 has no kSecUseDataProtectionKeychain: a warning, no fix.
func oldAdd(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "old", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil) // want `kSecUseDataProtectionKeychain needs macOS 10.15 and the deployment target is 10.13: add it under if #available\(macOS 10.15, \*\), or raise the deployment target`
}
