import Security

// kSecUseItemList is written in both branches of #if os(macOS) / #else (TARGET_OS_OSX
// in Objective-C): only the site in the #else branch reaches iOS-family platforms.
func readFromListBranches(macItems: [SecKeychainItem], items: [Any]) -> OSStatus {
    #if os(macOS)
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseItemList as String: macItems]
    #else
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseItemList as String: items] // want `^kSecUseItemList is deprecated`
    #endif
    return SecItemCopyMatching(query as CFDictionary, nil)
}
