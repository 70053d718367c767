import BackgroundTasks
import Foundation
import Security

// The app refreshes its feed in a BGTaskScheduler task, which the system
// runs while the phone sits locked overnight.
final class FeedRefresher {
    func register() {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: "com.example.sampleapp.feed", using: nil) { task in
            // BUG: the feed key is added without kSecAttrAccessible, so it
            // is kSecAttrAccessibleWhenUnlocked: this read fails with
            // errSecInteractionNotAllowed (-25308) while the phone is locked.
            let key = self.feedKey()
            let cursor = self.cursor()
            task.setTaskCompleted(success: key != nil && cursor != nil)
        }
    }

    func saveFeedKey(_ data: Data) {
        let attrs: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp.feed",
            kSecAttrAccount as String: "key",
            kSecValueData as String: data,
        ]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func feedKey() -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp.feed",
            kSecAttrAccount as String: "key",
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }

    // The cursor is readable after the first unlock: the task may read it.
    func saveCursor(_ data: Data) {
        let attrs: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp.feed",
            kSecAttrAccount as String: "cursor",
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
            kSecValueData as String: data,
        ]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func cursor() -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.sampleapp.feed",
            kSecAttrAccount as String: "cursor",
            kSecReturnData as String: true,
        ]
        var out: CFTypeRef?
        guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess else { return nil }
        return out as? Data
    }
}
