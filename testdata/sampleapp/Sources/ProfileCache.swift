import Foundation
import Security

// Reads the cached profile. SecItemCopyMatching writes `result` only when it
// succeeds: on any failure the variable is still nil.
enum ProfileCache {
    static let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.sampleapp.profile",
        kSecAttrAccount as String: "profile",
        kSecReturnData as String: true,
    ]

    // Wrong: only errSecItemNotFound is told apart; on a locked device
    // (errSecInteractionNotAllowed, -25308) the forced cast crashes.
    static func load() -> Data? {
        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status == errSecItemNotFound {
            return nil
        }
        return result as! Data
    }

    // Right: the data is taken only from a successful read.
    static func loadChecked() -> Data? {
        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        guard status == errSecSuccess else { return nil }
        return result as? Data
    }
}
