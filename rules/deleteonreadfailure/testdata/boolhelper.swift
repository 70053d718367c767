// A read helper that returns false (NO) on failure: its Bool result narrows
// the read's outcomes like an Optional result does.
import Foundation
import Security

final class FlagStore {
    func query() -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.flags",
            kSecAttrAccount as String: "token",
        ]
    }

    func deleteToken() {
        SecItemDelete(query() as CFDictionary)
    }

    // false whenever the read fails, for any reason.
    func hasToken() -> Bool {
        let status = SecItemCopyMatching(query() as CFDictionary, nil)
        if status != errSecSuccess {
            return false
        }
        return true
    }

    // false on errSecInteractionNotAllowed too, but deletes only on other failures.
    func hasTokenOrReset() -> Bool {
        let status = SecItemCopyMatching(query() as CFDictionary, nil)
        if status == errSecInteractionNotAllowed {
            return false
        }
        guard status == errSecSuccess else {
            SecItemDelete(query() as CFDictionary)
            return false
        }
        return true
    }

    func resetIfMissing() {
        guard hasToken() else {
            deleteToken() // want `deleteToken \(which calls SecItemDelete\) runs after hasToken \(which reads with SecItemCopyMatching\) on line 42 may have failed`
            return
        }
    }

    func resetIfMissingNegated() {
        if hasToken() == false {
            deleteToken() // want `deleteToken \(which calls SecItemDelete\) runs after hasToken \(which reads with SecItemCopyMatching\) on line 49 may have failed`
        }
    }

    // Negatives.

    // The delete is on the success path of the helper.
    func tokenIsUsable() {
        if hasToken() {
            deleteToken()
        }
    }

    func resetSafely() {
        guard hasTokenOrReset() else { return }
        print("ok")
    }
}
