import Foundation
import Security

// Silent: the delete and the add name different items (another account).
func replaceOther(_ secret: Data) {
    let old: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret.old",
    ]
    SecItemDelete(old as CFDictionary)
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret",
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Silent: the add is on the other branch.
func resetOrSave(_ secret: Data?) {
    var item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret",
    ]
    if let secret = secret {
        item[kSecValueData as String] = secret
        SecItemAdd(item as CFDictionary, nil)
    } else {
        SecItemDelete(item as CFDictionary)
    }
}

// Silent by design: the identifying values are computed by calls, so they
// cannot be shown to be the same.
func saveFresh(_ secret: Data) {
    SecItemDelete([
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: UUID().uuidString,
    ] as CFDictionary)
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: UUID().uuidString,
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}
