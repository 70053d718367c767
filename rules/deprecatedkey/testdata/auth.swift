import Security

// The deprecated authentication keys and values: a warning that names the
// LAContext replacement, and no automatic fix.
func readWithPrompt() -> CFTypeRef? {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.auth",
        kSecReturnData as String: true,
        kSecUseOperationPrompt as String: "Unlock your vault", // want `^kSecUseOperationPrompt is deprecated \(iOS 14, macOS 11 \(10\.16\)\): use kSecUseAuthenticationContext with an LAContext whose localizedReason is set`
    ]
    var result: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &result)
    return result
}

func readWithoutUI() -> OSStatus {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "com.example.auth"
    query[kSecUseNoAuthenticationUI as String] = true // want `^kSecUseNoAuthenticationUI is deprecated \(iOS 9, macOS 10\.11\): use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true`
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func readAllowUI() -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.auth",
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUIAllow, // want `^kSecUseAuthenticationUIAllow is deprecated \(iOS 14, macOS 11 \(10\.16\)\): remove kSecUseAuthenticationUI`
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func deleteFailUI() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.auth",
        kSecAttrAccount as String: "me",
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUIFail, // want `^kSecUseAuthenticationUIFail is deprecated \(iOS 14, macOS 11 \(10\.16\)\): use kSecUseAuthenticationContext with an LAContext whose interactionNotAllowed is true`
    ]
    SecItemDelete(query as CFDictionary)
}

// kSecUseAuthenticationUISkip is not deprecated.
func readSkipUI() -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.auth",
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUISkip,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
