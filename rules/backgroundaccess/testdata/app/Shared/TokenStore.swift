import Foundation
import Security

let sharedGroup = "ABCDE12345.com.example.shared"

/// The app's and the extension's credentials.
final class TokenStore {
    static let shared = TokenStore()

    // The API token: added without kSecAttrAccessible, so with the default
    // kSecAttrAccessibleWhenUnlocked.
    func saveToken(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: sharedGroup, kSecValueData as String: data]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    // Read by a background push and by the notification service extension.
    func token() -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: sharedGroup, kSecReturnData as String: true]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil } // want `this read runs in a background push \(application\(_:didReceiveRemoteNotification:fetchCompletionHandler:\)\), while the device may be locked, and the item is added without kSecAttrAccessible, so with the default kSecAttrAccessibleWhenUnlocked, which can be read only while the device is unlocked: SecItemCopyMatching fails with errSecInteractionNotAllowed \(-25308\) whenever this code runs while the device is locked; add the item with kSecAttrAccessibleAfterFirstUnlock`
        return out as? Data
    }

    // The refresh token is readable after the first unlock: background
    // code may read it.
    func saveRefresh(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "refresh", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, kSecValueData as String: data]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func refresh() -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "refresh", kSecReturnData as String: true]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }

    // The session key: this device only, while unlocked.
    func saveSession(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "session", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: data]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    // The profile: added with the default protection, read only by the
    // settings screen.
    func saveProfile(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "profile", kSecValueData as String: data]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func profile() -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "profile", kSecReturnData as String: true]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }

    // The demo seed: only the unit tests add it (without
    // kSecAttrAccessible); what they do is not what the app does.
    func seed() -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "fixture", kSecAttrAccount as String: "seed", kSecReturnData as String: true]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }
}
