// A conditional expression tests a read's status, but its branches merge
// where the expression ends: a delete after it runs whatever the read
// returned.
import Foundation
import Security

final class BadgeStore {
    func query() -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.badge",
            kSecAttrAccount as String: "badge",
        ]
    }

    // nil when the read fails.
    func badgeData() -> Data? {
        var q = query()
        q[kSecReturnData as String] = true
        var result: CFTypeRef?
        guard SecItemCopyMatching(q as CFDictionary, &result) == errSecSuccess else {
            return nil
        }
        return result as? Data
    }

    // Negative: the status decides a log label, and the item is reset anyway.
    func resetBadge() {
        let status = SecItemCopyMatching(query() as CFDictionary, nil)
        print("badge", status == errSecSuccess ? "found" : "missing")
        SecItemDelete(query() as CFDictionary)
    }

    func resetBadgeData() {
        let data = badgeData()
        let value = data != nil ? data! : Data()
        print(value)
        SecItemDelete(query() as CFDictionary)
    }

    // Positive twins: the delete runs in the branch where the read failed.
    func resetMissingBadge() {
        let status = SecItemCopyMatching(query() as CFDictionary, nil)
        print("badge", status == errSecSuccess ? "found" : "missing")
        if status != errSecSuccess {
            SecItemDelete(query() as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 43 may have failed`
        }
    }

    func resetUnreadableBadgeData() {
        let data = badgeData()
        let value = data != nil ? data! : Data()
        print(value)
        if data == nil {
            SecItemDelete(query() as CFDictionary) // want `SecItemDelete runs after badgeData \(which reads with SecItemCopyMatching\) on line 51 may have failed`
        }
    }
}
