import Foundation
import Security

// One dictionary: delete it, add the data, add it again.
func replaceSecret(_ secret: Data) {
    var item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret",
    ]
    SecItemDelete(item as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 13: until the add succeeds the item does not exist, and if the add fails \(for example errSecInteractionNotAllowed \(-25308\) while the device is locked\) the old value is lost; use SecItemUpdate, and SecItemAdd only when it returns errSecItemNotFound$`
    item[kSecValueData as String] = secret
    SecItemAdd(item as CFDictionary, nil)
}

// Two literals with the same service and account constants.
func saveToken(_ token: Data) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
    ]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 30: `
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecValueData as String: token,
    ]
    return SecItemAdd(item as CFDictionary, nil)
}

// Two literals with the same variables; the delete's status is ignored
// unless it is an unexpected error.
func savePassword(_ password: Data, server: String, user: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrServer as String: server,
        kSecAttrAccount as String: user,
    ]
    let status = SecItemDelete(query as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same internet password on line 51: `
    guard status == errSecSuccess || status == errSecItemNotFound else {
        return
    }
    let item: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrServer as String: server,
        kSecAttrAccount as String: user,
        kSecValueData as String: password,
    ]
    SecItemAdd(item as CFDictionary, nil)
}
