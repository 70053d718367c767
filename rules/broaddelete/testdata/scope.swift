import Security

// Code that cannot run on macOS only ever reaches the data-protection
// keychain: a warning, no fix.
#if os(iOS)
func signOutIOS() {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group it can see`
}
#endif

func signOutGuarded() {
    #if os(iOS)
    SecItemDelete([kSecClass as String: kSecClassInternetPassword] as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's internet passwords in every access group`
    #endif
}

// kSecUseDataProtectionKeychain: true keeps a macOS delete away from the
// file keychains: a warning.
func signOutDataProtection() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecUseDataProtectionKeychain as String: true,
    ]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group`
}

// So does kSecAttrSynchronizable: true (the macOS shim sends synchronizable
// queries to the data-protection keychain only).
func signOutSynchronizable() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrSynchronizable as String: true,
    ]
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete with only kSecClass deletes every one of the app's generic passwords in every access group`
}
