// A helper that deletes (or checks) an item named by its parameter: the caller's argument
// decides which item it is.
//
//
//
import Foundation
import Security

final class CredentialStore {
    // A wrapper: the caller's dictionary is deleted.
    func remove(_ query: [String: Any]) {
        SecItemDelete(query as CFDictionary)
    }

    // A helper with its own dictionary, the account from a parameter.
    func removeItem(account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.credentials",
            kSecAttrAccount as String: account,
        ]
        SecItemDelete(query as CFDictionary)
    }

    func saveThroughWrapper(_ secret: Data) {
        var item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.credentials",
            kSecAttrAccount as String: "wrapper",
        ]
        remove(item) // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 33: `
        item[kSecValueData as String] = secret
        SecItemAdd(item as CFDictionary, nil)
    }

    func saveConstant(_ secret: Data) {
        removeItem(account: "constant") // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 44: `
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.credentials",
            kSecAttrAccount as String: "constant",
            kSecValueData as String: secret,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    func saveVariable(_ secret: Data, account: String) {
        removeItem(account: account) // want `\(which calls SecItemDelete\) followed by SecItemAdd of the same generic password on line 55: `
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.credentials",
            kSecAttrAccount as String: account,
            kSecValueData as String: secret,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent also after the fix: another account.
    func saveOther(_ secret: Data) {
        removeItem(account: "old")
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.credentials",
            kSecAttrAccount as String: "new",
            kSecValueData as String: secret,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
