import Foundation
import Security

// A helper that itself deletes and re-adds the item is reported once,
// inside it; a caller that resets the item first and then calls it loses
// nothing the helper would not delete anyway.
final class SecretCache {
    let service = "com.example.cache"

    func query(account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    func store(_ secret: Data, account: String) {
        SecItemDelete(query(account: account) as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 22: `
        var item = query(account: account)
        item[kSecValueData as String] = secret
        SecItemAdd(item as CFDictionary, nil)
    }

    func add(_ secret: Data, account: String) {
        var item = query(account: account)
        item[kSecValueData as String] = secret
        SecItemAdd(item as CFDictionary, nil)
    }

    // Silent: store(_:account:) deletes the item itself before it adds.
    func resetAndStore(_ secret: Data, account: String) {
        SecItemDelete(query(account: account) as CFDictionary)
        store(secret, account: account)
    }

    func storeIfChanged(_ secret: Data, account: String, changed: Bool) {
        if changed {
            store(secret, account: account)
        }
    }

    // Silent too: where storeIfChanged adds, store(_:account:) deleted first.
    func resetAndMaybeStore(_ secret: Data, account: String, changed: Bool) {
        SecItemDelete(query(account: account) as CFDictionary)
        storeIfChanged(secret, account: account, changed: changed)
    }

    // Reported: add(_:account:) only adds, so this delete is the one that
    // loses the old value.
    func replace(_ secret: Data, account: String) {
        SecItemDelete(query(account: account) as CFDictionary) // want `^SecItemDelete followed by add \(which calls SecItemAdd\) of the same generic password`
        add(secret, account: account)
    }
}
