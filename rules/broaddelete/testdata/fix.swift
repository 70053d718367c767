import Security

// The default scope includes macOS: without kSecUseDataProtectionKeychain
// the delete also reaches the user's file keychains. An error, with a fix
// that adds kSecUseDataProtectionKeychain: true after the class entry.
func wipeGenericPasswords() {
    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS, without kSecUseDataProtectionKeychain: true, it also reaches the user's file keychains`
}

func wipeInternetPasswords() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
    ]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's internet passwords, and on macOS`
}

// kSecAttrSynchronizable does not narrow the query; only true would send
// it to the data-protection keychain alone.
func wipeAnySynchronizable() {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrSynchronizable as String: kSecAttrSynchronizableAny]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords, and on macOS`
}

// Not a literal entry: reported, but no fix.
func wipeCertificates() {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassCertificate
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's certificates, and on macOS`
}

// kSecUseDataProtectionKeychain: false is already in the literal: the fix
// must not add the key a second time (a Swift dictionary literal with a
// duplicate key traps at run time); it sets the value to true.
func wipeFileKeychainToo() {
    let query: [String: Any] = [kSecClass as String: kSecClassKey, kSecUseDataProtectionKeychain as String: false]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}

// A value the analyzer cannot see: reported, and no fix (it would
// duplicate the key).
func wipeMaybeFileKeychain(useDataProtection: Bool) {
    let query: [String: Any] = [kSecClass as String: kSecClassKey, kSecUseDataProtectionKeychain as String: useDataProtection]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}

// The false comes from a constant: changing it would change its other
// uses, so no fix.
let legacyKeychain = false

func wipeWithConstant() {
    let query: [String: Any] = [kSecClass as String: kSecClassKey, kSecUseDataProtectionKeychain as String: legacyKeychain]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's keys, and on macOS`
}
