import Foundation
import Security

/// Stores the signed-in user's password, one item per account of the
/// service. Holds deliberate mistakes (see EXPECTED.md).
struct AccountStore {
    let service = "com.example.sampleapp.account"

    /// Renames the signed-in account after the user changed their e-mail.
    func rename(to newAccount: String) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        // Mistake: the query does not say which account to rename, so every
        // account of the service gets the new name.
        let changes: [String: Any] = [kSecAttrAccount as String: newAccount]
        return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
    }

    /// Correct: the query names the item being renamed.
    func rename(from oldAccount: String, to newAccount: String) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: oldAccount,
        ]
        let changes: [String: Any] = [kSecAttrAccount as String: newAccount]
        return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
    }

    /// Saves the password with the protection the app configured.
    func save(_ password: Data, account: String, accessibility: CFString) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        var item = query
        item[kSecValueData as String] = password
        item[kSecAttrAccessible as String] = accessibility
        let status = SecItemAdd(item as CFDictionary, nil)
        if status == errSecDuplicateItem {
            // Mistake: an existing item keeps the protection it was first
            // saved with; a new accessibility never reaches it.
            let changes: [String: Any] = [kSecValueData as String: password]
            return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
        }
        return status == errSecSuccess
    }

    /// Saves the account's recovery code.
    func saveRecoveryCode(_ code: Data) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "recovery-code",
        ]
        var item = query
        item[kSecValueData as String] = code
        let status = SecItemAdd(item as CFDictionary, nil)
        // Mistake: only errSecDuplicateItem is told apart; a missing
        // entitlement or a locked device returns true below.
        if status == errSecDuplicateItem {
            let changes: [String: Any] = [kSecValueData as String: code]
            return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
        }
        return true
    }
}
