import Foundation
import Security

// A profile's display name is optional. Boxed into Any, a nil name is
// NSNull, which securityd cannot convert to kSecAttrLabel's type: the
// whole add fails with errSecParam (-50).
final class ProfileStore {
    var displayName: String?

    func save(token: Data, account: String) -> Bool {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.profile",
            kSecAttrAccount as String: account,
            kSecAttrLabel as String: displayName as Any,
            kSecValueData as String: token,
        ]
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess
    }

    // The subscript leaves the key out when the name is nil: silent.
    func saveWithoutNull(token: Data, account: String) -> Bool {
        var item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.profile",
            kSecAttrAccount as String: account,
            kSecValueData as String: token,
        ]
        item[kSecAttrLabel as String] = displayName
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess
    }
}
