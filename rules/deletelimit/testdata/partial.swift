import Foundation
import Security

func signOut(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    SecItemDelete(query as CFDictionary) // want `this SecItemDelete query for generic passwords does not name one item \(no kSecAttrAccount\) and has no kSecMatchLimit: .*only the first on the macOS file keychain; add kSecAttrAccount to delete one item`
}

func forgetServerPassword(server: String) {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassInternetPassword
    query[kSecAttrServer as String] = server
    SecItemDelete(query as CFDictionary) // want `this SecItemDelete query for internet passwords does not name one item \(no kSecAttrAccount\)`
}

// Negatives.

func deleteOne(service: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: account,
    ]
    SecItemDelete(query as CFDictionary)
}

func deleteServerPassword(server: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrServer as String: server,
        kSecAttrAccount as String: account,
    ]
    SecItemDelete(query as CFDictionary)
}

func deleteByRef(item: SecKeychainItem) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "svc",
        kSecValueRef as String: item,
    ]
    SecItemDelete(query as CFDictionary)
}

func deleteByPersistentRef(ref: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "svc",
        kSecValuePersistentRef as String: ref,
    ]
    SecItemDelete(query as CFDictionary)
}

// The caller's extra attributes may name the item.
func deleteWith(service: String, extra: [String: Any]) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    query.merge(extra) { _, new in new }
    SecItemDelete(query as CFDictionary)
}

// The cross-platform way to delete every item of a service.
func deleteAllServiceItems(service: String) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitAll
    #endif
    SecItemDelete(query as CFDictionary)
}

// Only the class: broaddelete's finding, not this rule's.
func wipeClass() {
    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
}

func wipeClassDP() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecUseDataProtectionKeychain as String: true,
        kSecAttrSynchronizable as String: kSecAttrSynchronizableAny,
    ]
    SecItemDelete(query as CFDictionary)
}

// Only the data-protection keychain: every match is deleted everywhere,
// there is no file keychain to disagree.
#if os(iOS)
func signOutOnIOS(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    SecItemDelete(query as CFDictionary)
}
#endif

func signOutDataProtection(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecUseDataProtectionKeychain as String: true,
    ]
    SecItemDelete(query as CFDictionary)
}
