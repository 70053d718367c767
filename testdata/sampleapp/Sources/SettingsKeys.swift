import Foundation
import Security

// Settings stored in the keychain, with key names kept in an enum. Two
// of the raw values spell a constant's name instead of its value.
enum SettingsKey: String {
    case service = "kSecAttrService"
    case account = "acct"
}

final class SettingsStore {
    private let service = "com.example.sampleapp.settings"

    func save(_ value: Data, name: String) -> Bool {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            SettingsKey.service.rawValue: service,
            SettingsKey.account.rawValue: name,
            kSecValueData as String: value,
        ]
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess
    }

    func load(name: String) -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            "kSecAttrAccount": name,
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }
}
