import Foundation
import Security

/// Checks and saves the app's unlock PIN. It shows the mistake of treating
/// kSecValueData as a filter, and the ways that work.
enum SecretCheck {
    static let service = "com.example.vault.pin"

    /// Wrong: kSecValueData in a read's query selects nothing, so any PIN
    /// "matches" once a PIN is stored.
    static func pinMatches(_ pin: String) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "pin",
            kSecValueData as String: Data(pin.utf8),
        ]
        return SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess
    }

    /// Right: read the stored PIN and compare it.
    static func storedPinMatches(_ pin: String) -> Bool {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "pin",
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess, let stored = out as? Data else {
            return false
        }
        return stored == Data(pin.utf8)
    }

    /// Silent: the save updates with the add's own dictionary, where the
    /// data key is inert, and adds it when there is no item yet.
    static func savePin(_ pin: String) -> OSStatus {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "pin",
            kSecValueData as String: Data(pin.utf8),
        ]
        let status = SecItemUpdate(item as CFDictionary, [kSecValueData as String: Data(pin.utf8)] as CFDictionary)
        if status == errSecItemNotFound {
            return SecItemAdd(item as CFDictionary, nil)
        }
        return status
    }
}
