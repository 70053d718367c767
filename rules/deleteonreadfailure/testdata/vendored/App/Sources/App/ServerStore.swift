// App code next to the vendored wrapper: calls on receivers of unknown
// or unrelated type never resolve into the library.
import Foundation
import Security

final class ServerStore {
    func keychainDelete(account: String) {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.servers",
            kSecAttrAccount as String: account,
        ]
        SecItemDelete(query as CFDictionary)
    }

    // A Set's contains is not the wrapper's contains(_:withoutAuthenticationUI:).
    func removeOrphans(live: [String], accounts: [String]) {
        let liveSet = Set(live)
        for account in accounts {
            if liveSet.contains(account) == false {
                keychainDelete(account: account)
            }
        }
    }

    // A receiver of unknown type (a property the model has no type for).
    func removeOrphans(known: Registry, accounts: [String]) {
        for account in accounts {
            if known.entries.contains(account) == false {
                keychainDelete(account: account)
            }
        }
    }

    // A receiver whose type is the wrapper's: the call is certain.
    func resetWithWrapper(_ key: String) {
        let keychain = Keychain(service: "com.example.app")
        if keychain.contains(key) == false {
            keychain.remove(key) // want `remove \(which calls SecItemDelete\) runs after contains \(which reads with SecItemCopyMatching\) on line 38 may have failed`
        }
    }
}
