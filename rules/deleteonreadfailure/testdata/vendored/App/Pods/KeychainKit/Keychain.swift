// A wrapper library vendored under Pods/: its contains(_:) reads the
// keychain and returns false on any failure.
import Foundation
import Security

public final class Keychain {
    let service: String

    public init(service: String) {
        self.service = service
    }

    func query(_ key: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: key,
        ]
    }

    public func contains(_ key: String, withoutAuthenticationUI: Bool = false) -> Bool {
        let status = SecItemCopyMatching(query(key) as CFDictionary, nil)
        if status != errSecSuccess {
            return false
        }
        return true
    }

    public func remove(_ key: String) {
        SecItemDelete(query(key) as CFDictionary)
    }

    // The library's own callers still resolve: self, and calls without
    // receiver.
    public func resetIfMissing(_ key: String) {
        guard self.contains(key) else {
            self.remove(key) // want `remove \(which calls SecItemDelete\) runs after contains \(which reads with SecItemCopyMatching\) on line 36 may have failed`
            return
        }
    }

    public func resetIfMissingUnqualified(_ key: String) {
        guard contains(key) else {
            remove(key) // want `remove \(which calls SecItemDelete\) runs after contains \(which reads with SecItemCopyMatching\) on line 43 may have failed`
            return
        }
    }
}
