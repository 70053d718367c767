import Foundation
import Security

// rulekit.SameItem: two dictionaries made the same way name the same item
// even where an identifying attribute is set on some paths only, and an
// identifying attribute absent from both is the same (both the default).
final class OptionalAccountStore {
    let service = "com.example.optional"
    var account: String?
    var other: String?

    func query() -> [String: Any] {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        if let account = account {
            q[kSecAttrAccount as String] = account
        }
        return q
    }

    func query(for name: String?) -> [String: Any] {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        if let name = name {
            q[kSecAttrAccount as String] = name
        }
        return q
    }

    // The same helper, called with the same (no) arguments.
    func save(_ data: Data) {
        SecItemDelete(query() as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 39: `
        var item = query()
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }

    // The same helper with the same argument.
    func save(_ data: Data, name: String?) {
        SecItemDelete(query(for: name) as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 47: `
        var item = query(for: name)
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }

    // One dictionary object.
    func saveOne(_ data: Data, name: String?) {
        var q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        if let name = name {
            q[kSecAttrAccount as String] = name
        }
        SecItemDelete(q as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 61: `
        q[kSecValueData as String] = data
        SecItemAdd(q as CFDictionary, nil)
    }

    // No account in either: both name the item with the default account.
    func saveServiceOnly(_ data: Data) {
        let q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
        ]
        SecItemDelete(q as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 76: `
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the same helper with other arguments.
    func move(_ data: Data, from: String?, to: String?) {
        SecItemDelete(query(for: from) as CFDictionary)
        var item = query(for: to)
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: an argument that computes a new value at each call.
    func saveFresh(_ data: Data) {
        SecItemDelete(query(for: UUID().uuidString) as CFDictionary)
        var item = query(for: UUID().uuidString)
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the account is removed on some paths between the two calls.
    func saveMaybeAnonymous(_ data: Data, name: String?, anonymous: Bool) {
        var q = query(for: name)
        SecItemDelete(q as CFDictionary)
        if anonymous {
            q.removeValue(forKey: kSecAttrAccount as String)
        }
        q[kSecValueData as String] = data
        SecItemAdd(q as CFDictionary, nil)
    }

    // Silent: the account is set after the call in one of them only.
    func saveRenamed(_ data: Data, name: String?, alias: String?) {
        SecItemDelete(query(for: name) as CFDictionary)
        var item = query(for: name)
        if let alias = alias {
            item[kSecAttrAccount as String] = alias
        }
        item[kSecValueData as String] = data
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: the account is absent from the delete only.
    func saveNamed(_ data: Data, name: String) {
        let q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
        ]
        SecItemDelete(q as CFDictionary)
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
            kSecAttrAccount as String: name,
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: an unknown dictionary merged into one may hold an account.
    func saveMerged(_ data: Data, extra: [String: Any]) {
        let q: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
        ]
        SecItemDelete(q as CFDictionary)
        var item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.single",
            kSecValueData as String: data,
        ]
        item.merge(extra) { _, new in new }
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: no identifying attribute at all (a class-wide delete is
    // broaddelete's).
    func saveClassOnly(_ data: Data) {
        SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecValueData as String: data] as CFDictionary, nil)
    }
}
