import Foundation
import Security

// Built by an iOS target entitled to the group and a macOS target that is
// not: the group is the iOS app's, nothing says it is shared on the Mac
// (and there the data-protection add would fail with -34018): silent.
func addPhoneShared(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "phone", kSecAttrAccount as String: "shared", kSecAttrAccessGroup as String: "ABCDE12345.com.example.phone.shared", kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
