import UserNotifications
import Security

class NotificationService: UNNotificationServiceExtension {
    override func didReceive(_ request: UNNotificationRequest, withContentHandler contentHandler: @escaping (UNNotificationContent) -> Void) {
        // The token read here is TokenStore.token()'s, reported there.
        if TokenStore.shared.token() == nil {
            contentHandler(request.content)
            return
        }
        // The refresh token is readable after the first unlock.
        _ = TokenStore.shared.refresh()
        contentHandler(request.content)
    }

    // A method of the extension's principal class: it runs in the
    // extension, in the background.
    func messageKey() -> Data? {
        let query: [String: Any] = [kSecClass as String: kSecClassKey, kSecAttrApplicationTag as String: "message-key", kSecReturnData as String: true]
        var out: CFTypeRef?
        SecItemCopyMatching(query as CFDictionary, &out) // want `this read runs in the principal class of a com.apple.usernotifications.service extension \(NSExtensionPrincipalClass NotificationService\)`
        return out as? Data
    }

    // Called by nothing the extension runs: still a method of the
    // principal class.
    static func installKey(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassKey, kSecAttrApplicationTag as String: "message-key", kSecValueData as String: data, kSecAttrAccessible as String: kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly]
        SecItemAdd(attrs as CFDictionary, nil)
    }
}
