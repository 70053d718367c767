import UserNotifications
import Security

class NotificationService: UNNotificationServiceExtension {
    override func didReceive(_ request: UNNotificationRequest, withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        // The extension is entitled to the shared group only: the app's
        // own group is not its.
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: "ABCDE12345.com.example.vault", kSecReturnData as String: true] // want `access group "ABCDE12345.com.example.vault" is not in the entitlements of .*:NotificationService \(.*NotificationService.entitlements:5 grant \*com.example.shared`
        _ = SecItemCopyMatching(query as CFDictionary, nil)
        contentHandler(request.content)
    }
}
