import Security

// The fallback branch of an availability check keeps the deprecated
// constant because the replacement does not exist there: silent. The
// guarded branch and unconditional code are still reported.
func readQuietly() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    if #available(iOS 11.0, macOS 10.13, *) {
        query[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUIFail // want `^kSecUseAuthenticationUIFail is deprecated`
    } else {
        query[kSecUseNoAuthenticationUI as String] = true
    }
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// KeychainAccess's shape: iOS 9 split under #if os(iOS); macOS 10.10
// fallback of an else-if chain.
func contains(key: String) -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: key]
    #if os(iOS)
    if #available(iOS 9.0, *) {
        query[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUISkip
    } else {
        query[kSecUseNoAuthenticationUI as String] = kCFBooleanTrue
    }
    #else
    if #available(macOS 10.11, *) {
        query[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUISkip
    } else if #available(macOS 10.10, *) {
        query[kSecUseNoAuthenticationUI as String] = kCFBooleanTrue
    }
    #endif
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// A fallback for a version at which the replacement already exists: the
// replacement could be used there.
func fallbackTooRecent() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    if #available(iOS 15.0, macOS 12.0, *) {
        query[kSecAttrService as String] = "t"
    } else {
        query[kSecUseNoAuthenticationUI as String] = true // want `^kSecUseNoAuthenticationUI is deprecated`
    }
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// The fallback without `*`-style exclusion of macOS: #available(iOS 9, *)
// is true on macOS, so its else branch only runs on old iOS.
func guardFallback() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    guard #available(iOS 11.0, macOS 10.13, *) else {
        query[kSecUseNoAuthenticationUI as String] = true
        return SecItemCopyMatching(query as CFDictionary, nil)
    }
    query[kSecUseOperationPrompt as String] = "Unlock" // want `^kSecUseOperationPrompt is deprecated`
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func unavailable() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    if #unavailable(iOS 11.0, macOS 10.13) {
        query[kSecUseOperationPrompt as String] = "Unlock"
    }
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// A Foundation-version check for old iOS: on macOS the numbers differ, so
// the branch is taken as code for older systems everywhere.
func foundationCheck() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    if NSFoundationVersionNumber < NSFoundationVersionNumber_iOS_9_0 {
        query[kSecUseNoAuthenticationUI as String] = true
    } else {
        query[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUIFail // want `^kSecUseAuthenticationUIFail is deprecated`
    }
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// @available on the declaration guards it: the replacement exists there.
@available(iOS 9.0, macOS 10.11, *)
private let failUI = String(kSecUseAuthenticationUIFail) // want `^kSecUseAuthenticationUIFail is deprecated`

func readWithAlias() -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s"]
    query[kSecUseAuthenticationUI as String] = failUI
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// A declaration marked deprecated itself may use deprecated API: the
// compiler does not warn there, and neither does the rule.
@available(*, deprecated, message: "use readWithContext()")
func legacyRead() -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "s",
        kSecUseOperationPrompt as String: "Unlock",
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// Accessibility: the replacement exists since iOS 4, so a fallback for iOS
// 9 has no excuse.
func addAlways(data: Data) -> OSStatus {
    var item: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "s", kSecValueData as String: data]
    if #available(iOS 9.0, *) {
        item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
    } else {
        item[kSecAttrAccessible as String] = kSecAttrAccessibleAlways // want `^kSecAttrAccessibleAlways is deprecated`
    }
    return SecItemAdd(item as CFDictionary, nil)
}
