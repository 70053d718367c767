// A read helper called under a prefix `!`: `!self.contains(key)` negates
// the call's result (prefix operators bind looser than member calls), so
// the branch it guards is the helper's failure path.
import Foundation
import Security

final class NegatedStore {
    let service = "com.example.negated"

    func query(_ key: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: key,
        ]
    }

    // false whenever the read fails, for any reason.
    func contains(_ key: String) -> Bool {
        let status = SecItemCopyMatching(query(key) as CFDictionary, nil)
        if status != errSecSuccess {
            return false
        }
        return true
    }

    // The delete runs when the read failed.
    func reset(key: String) {
        if !self.contains(key) {
            SecItemDelete(query(key) as CFDictionary) // want `SecItemDelete runs after contains \(which reads with SecItemCopyMatching\) on line 29 may have failed with errSecInteractionNotAllowed`
        }
    }

    func resetEmpty(_ data: Data, key: String) {
        if !self.contains(key) && data.isEmpty {
            SecItemDelete(query(key) as CFDictionary) // want `SecItemDelete runs after contains \(which reads with SecItemCopyMatching\) on line 35 may have failed`
        }
    }

    func resetUnlessPresent(key: String) {
        guard self.contains(key) else {
            SecItemDelete(query(key) as CFDictionary) // want `SecItemDelete runs after contains \(which reads with SecItemCopyMatching\) on line 41 may have failed`
            return
        }
    }

    // Negatives: the delete is on the helper's success path.
    func removeIfPresent(key: String) {
        if !self.contains(key) {
            print("nothing to remove")
        } else {
            SecItemDelete(query(key) as CFDictionary)
        }
    }

    func removeUnlessMissing(key: String) {
        guard !self.contains(key) else {
            SecItemDelete(query(key) as CFDictionary)
            return
        }
    }

    func removeIfPresentOr(key: String, force: Bool) {
        if !self.contains(key) || force {
            return
        }
        SecItemDelete(query(key) as CFDictionary)
    }
}
