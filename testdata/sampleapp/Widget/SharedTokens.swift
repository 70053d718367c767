import Foundation
import Security

// The widget extension reads the token the app shares with it. Its
// entitlements (Widget.entitlements) grant
// $(AppIdentifierPrefix)com.example.sampleapp.shared.
enum SharedTokens {
    static let group = "ABCDE12345.com.example.sampleapp.shared"

    static func token() -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp",
            kSecAttrAccount as String: "session",
            kSecAttrAccessGroup as String: group,
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }

    // BUG: "sampleap" is a typo; the widget is not entitled to this group
    // and the read fails with errSecMissingEntitlement (-34018).
    static func refreshToken() -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp",
            kSecAttrAccount as String: "refresh",
            kSecAttrAccessGroup as String: "ABCDE12345.com.example.sampleap.shared",
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }
}
