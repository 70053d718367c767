import Foundation
import Security

// One baseQuery() helper builds the query of the existence check and the
// item of the add; the caller passes the same account to both.
final class TokenStore {
    let service = "com.example.api"

    func baseQuery(account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    // The same variable.
    func save(_ token: Data, account: String, tag: Data) {
        var query = baseQuery(account: account)
        query[kSecAttrGeneric as String] = tag // want `^kSecAttrGeneric is not part of what makes a generic password unique: .*SecItemAdd on line 25 then fails with errSecDuplicateItem`
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        if status == errSecItemNotFound {
            var item = baseQuery(account: account)
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // The same constant.
    func saveDefault(_ token: Data) {
        var query = baseQuery(account: "default")
        query[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 37 then fails with errSecDuplicateItem`
        guard SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess else {
            var item = baseQuery(account: "default")
            item[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
            return
        }
    }

    // Silent: the add names another account (another variable).
    func copy(_ token: Data, from source: String, to target: String, tag: Data) {
        var query = baseQuery(account: source)
        query[kSecAttrGeneric as String] = tag
        if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
            var item = baseQuery(account: target)
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add names another account (another constant).
    func saveBackup(_ token: Data) {
        var query = baseQuery(account: "default")
        query[kSecAttrLabel as String] = "API token"
        if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
            var item = baseQuery(account: "backup")
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
        }
    }
}

// The non-unique key is in the helper: it is reported there.
final class LabelledStore {
    func labelledQuery(account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.labelled",
            kSecAttrAccount as String: account,
            kSecAttrLabel as String: "Example", // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 81 then fails with errSecDuplicateItem`
        ]
    }

    func save(_ token: Data, account: String) {
        let status = SecItemCopyMatching(labelledQuery(account: account) as CFDictionary, nil)
        if status == errSecItemNotFound {
            var item = labelledQuery(account: account)
            item[kSecValueData as String] = token
            SecItemAdd(item as CFDictionary, nil)
        }
    }
}
