// A helper that deletes (or checks) an item named by its parameter: the caller's argument
// decides which item it is.
//
//
//
import Foundation
import Security

final class ProfileStore {
    func profileStatus(account: String) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.profile",
            kSecAttrAccount as String: account,
            kSecAttrGeneric as String: Data("v2".utf8), // want `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 29 then` `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 42 then`
        ]
        return SecItemCopyMatching(query as CFDictionary, nil)
    }

    // The same variable.
    func save(_ profile: Data, account: String) {
        if profileStatus(account: account) == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.profile",
                kSecAttrAccount as String: account,
                kSecValueData as String: profile,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // The same constant.
    func saveGuest(_ profile: Data) {
        if profileStatus(account: "guest") == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.profile",
                kSecAttrAccount as String: "guest",
                kSecValueData as String: profile,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent also after the fix: another account.
    func saveOther(_ profile: Data) {
        if profileStatus(account: "guest") == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.profile",
                kSecAttrAccount as String: "admin",
                kSecValueData as String: profile,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }
}
