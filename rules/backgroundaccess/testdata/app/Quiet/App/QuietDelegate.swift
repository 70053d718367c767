import UIKit
import Security

// The app declares no remote-notification background mode: the system
// calls this only while the app is in the foreground.
class QuietDelegate: UIResponder, UIApplicationDelegate {
    func saveNote(_ data: Data) {
        let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "quiet", kSecAttrAccount as String: "note", kSecValueData as String: data]
        SecItemAdd(attrs as CFDictionary, nil)
    }

    func application(_ application: UIApplication, didReceiveRemoteNotification userInfo: [AnyHashable: Any], fetchCompletionHandler completionHandler: @escaping (UIBackgroundFetchResult) -> Void) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "quiet", kSecAttrAccount as String: "note", kSecReturnData as String: true]
        SecItemCopyMatching(query as CFDictionary, nil)
        completionHandler(.noData)
    }

    // A foreground URLSession's delegate: the type handles no background
    // session's events.
    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "quiet", kSecAttrAccount as String: "note", kSecReturnData as String: true]
        SecItemCopyMatching(query as CFDictionary, nil)
    }
}
