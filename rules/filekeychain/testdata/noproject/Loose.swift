import Foundation
import Security

// No project says this builds for macOS: silent (when in doubt).
func looseAdd(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "loose", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
