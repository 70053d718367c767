import UIKit
import BackgroundTasks

class AppDelegate: UIResponder, UIApplicationDelegate {
    func application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool {
        BGTaskScheduler.shared.register(forTaskWithIdentifier: "com.example.bgvault.refresh", using: nil) { task in
            self.refreshSession(task)
        }
        // At launch, outside the launch handler: foreground code.
        _ = TokenStore.shared.profile()
        return true
    }

    func application(_ application: UIApplication, didReceiveRemoteNotification userInfo: [AnyHashable: Any], fetchCompletionHandler completionHandler: @escaping (UIBackgroundFetchResult) -> Void) {
        let token = TokenStore.shared.token()
        completionHandler(token == nil ? .failed : .newData)
    }

    func application(_ application: UIApplication, performFetchWithCompletionHandler completionHandler: @escaping (UIBackgroundFetchResult) -> Void) {
        // The refresh token is added with kSecAttrAccessibleAfterFirstUnlock.
        _ = TokenStore.shared.refresh()
        // Through the wrapper that adds every item without kSecAttrAccessible.
        _ = Preferences.standard.data(for: "feed-cursor")
        // Cache has a save readable after the first unlock too: silent.
        _ = Cache.shared.data(for: "feed-cursor")
        completionHandler(.noData)
    }
}
