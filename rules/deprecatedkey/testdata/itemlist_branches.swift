import Security

// PENDING (flow engine): kSecUseItemList is written in both branches of
// #if os(macOS) / #else. After the join the entry has one platform set
// (all platforms) for both sites, so the rule also reports the site in the
// macOS branch. Reproducer: /tmp/engine-bugs/deprecatedkey-1.swift.
// Expected: only the #else site.
func readFromListBranches(macItems: [SecKeychainItem], items: [Any]) -> OSStatus {
    #if os(macOS)
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseItemList as String: macItems]
    #else
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseItemList as String: items] // want `^kSecUseItemList is deprecated`
    #endif
    return SecItemCopyMatching(query as CFDictionary, nil)
}
