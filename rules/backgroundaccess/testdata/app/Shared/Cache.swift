import Foundation
import Security

/// A wrapper with a background variant of its save: what a background
/// read finds may have been added readable after the first unlock.
final class Cache {
    static let shared = Cache()

    private func query(for key: String) -> [String: Any] {
        return [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "cache", kSecAttrAccount as String: key]
    }

    func set(_ data: Data, for key: String) {
        var attrs = query(for: key)
        attrs[kSecValueData as String] = data
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func setForBackground(_ data: Data, for key: String) {
        var attrs = query(for: key)
        attrs[kSecValueData as String] = data
        attrs[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func data(for key: String) -> Data? {
        var q = query(for: key)
        q[kSecReturnData as String] = true
        var out: CFTypeRef?
        guard SecItemCopyMatching(q as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }
}
