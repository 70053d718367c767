import Security

// A migration that only changes the accessibility, with a query that can
// reach the macOS file keychain: there it changes nothing (a note).
func migrateAccessibility(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    let changes: [String: Any] = [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] // want `^kSecAttrAccessible is skipped for items in the macOS file keychain`
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// The same migration on the data-protection keychain: it re-protects the
// item, which is what the code asks for.
func migrateAccessibilityDP(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecUseDataProtectionKeychain as String: true,
    ]
    let changes: [String: Any] = [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Synchronizable items live in the data-protection keychain too.
func migrateSynchronizable(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrSynchronizable as String: kCFBooleanTrue as Any,
    ]
    SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
}

// iOS only: no file keychain.
func migrateOnIOS(service: String) {
    #if os(iOS)
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service]
    SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
    #endif
}

// New data and its protection together: the data changes everywhere; the
// accessibility was ignored by the file keychain when the item was added as
// well. Nothing to report.
func save(service: String, token: Data) {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service]
    let changes: [String: Any] = [
        kSecValueData as String: token,
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// kSecUseDataProtectionKeychain: true written only for macOS: the macOS
// update never reaches the file keychain.
func migrateWithMacOSFlag(service: String) {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: service]
    #if os(macOS)
    query[kSecUseDataProtectionKeychain as String] = true
    #endif
    SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
}
