import Foundation
import Security

// Two calls of one helper with the same argument name the same item.
final class SessionStore {
    let service = "com.example.session"

    func query(account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    // The same variable.
    func save(_ session: Data, account: String) {
        SecItemDelete(query(account: account) as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 21: `
        var item = query(account: account)
        item[kSecValueData as String] = session
        SecItemAdd(item as CFDictionary, nil)
    }

    // The same constant.
    func saveCurrent(_ session: Data) {
        let old = query(account: "current")
        SecItemDelete(old as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 30: `
        var item = query(account: "current")
        item[kSecValueData as String] = session
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: another account (another variable).
    func move(_ session: Data, from source: String, to target: String) {
        SecItemDelete(query(account: source) as CFDictionary)
        var item = query(account: target)
        item[kSecValueData as String] = session
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: another account (another constant).
    func rotate(_ session: Data) {
        SecItemDelete(query(account: "previous") as CFDictionary)
        var item = query(account: "current")
        item[kSecValueData as String] = session
        SecItemAdd(item as CFDictionary, nil)
    }
}
