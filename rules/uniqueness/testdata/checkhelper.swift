import Foundation
import Security

// The existence check is a helper with its own query: its status, or its
// nil result, tells the caller that the item was not found.
final class DeviceKeyStore {
    func deviceKeyStatus() -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.device",
            kSecAttrAccount as String: "device-key",
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, // want `^kSecAttrAccessible is not part of what makes a generic password unique: .*SecItemAdd on line 40 then fails with errSecDuplicateItem`
        ]
        return SecItemCopyMatching(query as CFDictionary, nil)
    }

    func readDeviceName() -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.device",
            kSecAttrAccount as String: "device-name",
            kSecAttrLabel as String: "Device name", // want `^kSecAttrLabel is not part of what makes a generic password unique: .*SecItemAdd on line 52 then fails with errSecDuplicateItem`
            kSecReturnData as String: true,
        ]
        var result: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess else {
            return nil
        }
        return result as? Data
    }

    func saveDeviceKey(_ key: Data) {
        if deviceKeyStatus() == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.device",
                kSecAttrAccount as String: "device-key",
                kSecValueData as String: key,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    func deviceName(default name: Data) -> Data {
        guard let stored = readDeviceName() else {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.device",
                kSecAttrAccount as String: "device-name",
                kSecValueData as String: name,
            ]
            SecItemAdd(item as CFDictionary, nil)
            return name
        }
        return stored
    }

    // Silent: the add names another item.
    func saveBackupKey(_ key: Data) {
        if deviceKeyStatus() == errSecItemNotFound {
            let item: [String: Any] = [
                kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "com.example.device",
                kSecAttrAccount as String: "device-key.backup",
                kSecValueData as String: key,
            ]
            SecItemAdd(item as CFDictionary, nil)
        }
    }
}
