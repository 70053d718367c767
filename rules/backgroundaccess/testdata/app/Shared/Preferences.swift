import Foundation
import Security

/// A small key-value wrapper: every item goes through query(for:), and set
/// adds without kSecAttrAccessible.
final class Preferences {
    static let standard = Preferences()

    private func query(for key: String) -> [String: Any] {
        return [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "prefs", kSecAttrAccount as String: key]
    }

    func set(_ data: Data, for key: String) {
        var attrs = query(for: key)
        attrs[kSecValueData as String] = data
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func data(for key: String) -> Data? {
        var q = query(for: key)
        q[kSecReturnData as String] = true
        var out: CFTypeRef?
        guard SecItemCopyMatching(q as CFDictionary, &out) == errSecSuccess else { return nil } // want `this read runs in a background fetch \(application\(_:performFetchWithCompletionHandler:\)\), while the device may be locked, and the item is added without kSecAttrAccessible`
        return out as? Data
    }
}
