import Foundation
import Security

// Reported: the Mac target is entitled to the group, so sharing was set
// up; the file keychain drops the group.
func addSharedKey(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "mac", kSecAttrAccount as String: "shared", kSecAttrAccessGroup as String: "ABCDE12345.com.example.mac.shared", kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil) // want `kSecAttrAccessGroup "ABCDE12345.com.example.mac.shared" is dropped, so the item is not shared with the other targets entitled to that group: only the app that added it is trusted to read it`
}

// Silent: a group the entitlements do not grant says nothing about
// sharing on macOS (and is accessgroup's business).
func addOtherGroup(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "mac", kSecAttrAccount as String: "other", kSecAttrAccessGroup as String: "ABCDE12345.com.example.other", kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
