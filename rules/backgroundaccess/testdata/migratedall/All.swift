import BackgroundTasks
import Security

// Every generic password of the app is migrated at launch: the class-wide
// update may have re-protected the item the task reads.
final class All {
    func register() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: "com.example.refresh", using: nil) { task in
            _ = self.session()
            task.setTaskCompleted(success: true)
        }
    }

    func save(_ data: Data) {
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "session", kSecValueData as String: data] as CFDictionary, nil)
    }

    func migrateAll() {
        SecItemUpdate([kSecClass as String: kSecClassGenericPassword] as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
    }

    func session() -> OSStatus {
        SecItemCopyMatching([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "app", kSecAttrAccount as String: "session", kSecReturnData as String: true] as CFDictionary, nil)
    }
}
