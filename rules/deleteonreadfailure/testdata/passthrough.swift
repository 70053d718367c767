// A helper that returns another helper's result unchanged passes on its
// success and failure: nil when the read failed, a value when it
// succeeded. That result is not an OSStatus.
import Foundation
import Security

final class TokenVault {
    func query(account: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.vault",
            kSecAttrAccount as String: account,
        ]
    }

    func remove(account: String) {
        SecItemDelete(query(account: account) as CFDictionary)
    }

    // nil when the read fails.
    func data(account: String) -> Data? {
        var q = query(account: account)
        q[kSecReturnData as String] = true
        var result: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &result)
        guard status == errSecSuccess else {
            return nil
        }
        return result as? Data
    }

    func tokenData(account: String) -> Data? {
        return data(account: account)
    }

    func token(account: String) -> String? {
        guard let d = tokenData(account: account) else {
            return nil
        }
        return String(decoding: d, as: UTF8.self)
    }

    // Negative: the legacy item is removed once its token was read.
    func migrate(account: String) {
        if token(account: account) != nil {
            remove(account: account)
        }
    }

    // Positive twin: removed because the read failed.
    func reset(account: String) {
        if token(account: account) == nil {
            remove(account: account) // want `remove \(which calls SecItemDelete\) runs after token \(which reads with SecItemCopyMatching\) on line 52 may have failed`
        }
    }
}
