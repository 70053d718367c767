// Code after a for-in loop runs: the loop may end after any iteration, or
// run none. A helper whose success path goes through such a loop reports
// success, so a caller that reads through it and then deletes whatever the
// read returned does not delete because the read failed.
import Foundation
import Security

final class LabelCache {
    func query(service: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "item",
        ]
    }

    func removeItems(service: String) {
        SecItemDelete(query(service: service) as CFDictionary)
    }

    // [] when there is none, nil when the read fails.
    func items(service: String) -> [[String: Any]]? {
        var q = query(service: service)
        q[kSecReturnAttributes as String] = true
        q[kSecMatchLimit as String] = kSecMatchLimitAll
        var result: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &result)
        if status == errSecItemNotFound {
            return []
        }
        guard status == errSecSuccess else {
            return nil
        }
        return result as? [[String: Any]]
    }

    // Succeeds after the loop over what the read found.
    func labels(service: String) -> [String]? {
        guard let found = items(service: service) else {
            return nil
        }
        var labels: [String] = []
        for attrs in found {
            labels.append(attrs[kSecAttrLabel as String] as? String ?? "")
        }
        return labels
    }

    // Negative: the delete runs whatever the read returned (a test that
    // checks the item is there, then removes it).
    func testRemoveLabels() {
        _ = labels(service: "s")
        removeItems(service: "s")
    }

    // Positive: a read after a loop, and a delete on its failure.
    func reset(service: String, legacyAccounts: [String]) {
        for account in legacyAccounts {
            print("migrating \(account)")
        }
        let status = SecItemCopyMatching(query(service: service) as CFDictionary, nil)
        if status != errSecSuccess {
            SecItemDelete(query(service: service) as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 61 may have failed with errSecInteractionNotAllowed`
        }
    }

    // Negative twin: the delete runs only when the item is missing.
    func resetMissing(service: String, legacyAccounts: [String]) {
        for account in legacyAccounts {
            print("migrating \(account)")
        }
        let status = SecItemCopyMatching(query(service: service) as CFDictionary, nil)
        if status == errSecItemNotFound {
            SecItemDelete(query(service: service) as CFDictionary)
        }
    }

    // Positive: the helper's read fails, seen through its nil result.
    func resetLabels(service: String) {
        guard labels(service: service) != nil else {
            removeItems(service: service) // want `removeItems \(which calls SecItemDelete\) runs after labels \(which reads with SecItemCopyMatching\) on line 80 may have failed`
            return
        }
    }
}
