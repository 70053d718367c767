import Foundation
import Security

/// Keeps a per-device sync key that must never leave the device.
enum DeviceKeyStore {
    static let service = "com.example.sampleapp.sync"

    /// Stores the key. On a Mac, without kSecUseDataProtectionKeychain, the
    /// item goes to the file keychain, which drops the ThisDeviceOnly class.
    static func saveDeviceKey(_ key: Data) -> OSStatus {
        let attributes: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "device-key",
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
            kSecValueData as String: key,
        ]
        return SecItemAdd(attributes as CFDictionary, nil)
    }

    /// The same for the pairing key, done right: the data-protection
    /// keychain on every platform.
    static func savePairingKey(_ key: Data) -> OSStatus {
        let attributes: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: "pairing-key",
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
            kSecUseDataProtectionKeychain as String: true,
            kSecValueData as String: key,
        ]
        return SecItemAdd(attributes as CFDictionary, nil)
    }
}
