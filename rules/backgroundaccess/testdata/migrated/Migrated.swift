import BackgroundTasks
import Security

// Version 1 added both items with the default protection; version 2
// migrates the session to kSecAttrAccessibleAfterFirstUnlock, not the
// cache key.
final class Migrated {
    func register() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: "com.example.refresh", using: nil) { task in
            _ = self.session()
            _ = self.cacheKey()
            task.setTaskCompleted(success: true)
        }
    }

    func saveV1(_ data: Data) {
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "session", kSecValueData as String: data] as CFDictionary, nil)
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "cache", kSecValueData as String: data] as CFDictionary, nil)
    }

    func migrate() {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "session"]
        SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
    }

    func session() -> OSStatus {
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "session", kSecReturnData as String: true] as CFDictionary, nil)
    }

    func cacheKey() -> OSStatus {
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "cache", kSecReturnData as String: true] as CFDictionary, nil) // want `BGTaskScheduler launch handler`
    }
}
