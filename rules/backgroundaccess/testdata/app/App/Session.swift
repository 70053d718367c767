import BackgroundTasks
import Security

extension AppDelegate {
    // Runs from the BGTaskScheduler launch handler; tells -25308 apart and
    // retries later: still reported, at note.
    func refreshSession(_ task: BGTask) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "api", kSecAttrAccount as String: "session", kSecReturnData as String: true]
        var out: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &out) // want `this read runs in a BGTaskScheduler launch handler, while the device may be locked, and the item is added with kSecAttrAccessibleWhenUnlockedThisDeviceOnly, which can be read only while the device is unlocked: the code handles errSecInteractionNotAllowed \(-25308\), but the item stays unavailable`
        if status == errSecInteractionNotAllowed {
            scheduleRetry()
        }
        task.setTaskCompleted(success: status == errSecSuccess)
    }

    func scheduleRetry() {}
}
