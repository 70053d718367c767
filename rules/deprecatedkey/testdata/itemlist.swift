import Security

// kSecUseItemList is not implemented on iOS-family platforms: reported in
// code that can run there.
func readFromList(items: [SecKeychainItem]) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecUseItemList as String: items, // want `^kSecUseItemList is deprecated \(iOS 12, tvOS 12, watchOS 5, Mac Catalyst 13\): remove kSecUseItemList: it is not implemented on iOS`
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// Still valid on macOS: silent in macOS-only code.
#if os(macOS)
func readFromListMac(items: [SecKeychainItem]) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecUseItemList as String: items,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
#endif

func readFromListOnMac(items: [SecKeychainItem]) -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    #if os(macOS)
    query[kSecUseItemList as String] = items
    #endif
    return SecItemCopyMatching(query as CFDictionary, nil)
}
