import Foundation
import Security

// The existence check is a helper that returns the item's data or nil:
// nil where its read failed (the guard's cast of the result fails only
// where the read did not succeed, since a read that asks for the data
// alone and succeeds returns it).
final class CastStore {
    func query(_ account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.cast",
            kSecAttrAccount as String: account,
        ]
    }

    func load(_ account: String) -> Data? {
        var q = query(account)
        q[kSecAttrLabel as String] = "Cast" // want `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 36 then fails` `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 44 then fails`
        q[kSecReturnData as String] = true
        var out: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &out)
        guard status == errSecSuccess, let data = out as? Data else {
            return nil
        }
        return data
    }

    func save(_ data: Data, account: String) {
        if load(account) != nil {
            let changes: [String: Any] = [kSecValueData as String: data]
            SecItemUpdate(query(account) as CFDictionary, changes as CFDictionary)
        } else {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    func saveBound(_ data: Data, account: String) {
        guard let old = load(account) else {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
            return
        }
        print(old)
    }

    // Silent: the result is a dictionary of attributes and data, which the
    // cast to Data rejects even where the read succeeded.
    func loadBoth(_ account: String) -> Data? {
        var q = query(account)
        q[kSecAttrGeneric as String] = Data("v1".utf8)
        q[kSecReturnData as String] = true
        q[kSecReturnAttributes as String] = true
        var out: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &out)
        guard status == errSecSuccess, let data = out as? Data else {
            return nil
        }
        return data
    }

    func saveBoth(_ data: Data, account: String) {
        if loadBoth(account) == nil {
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }
}
