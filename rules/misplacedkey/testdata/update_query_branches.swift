import Security

// kSecMatchLimit is written in both branches of #if os(macOS) / #else (TARGET_OS_OSX
// in Objective-C): only the site in the #else branch reaches iOS-family platforms.
func updateWithLimitBranches(newData: Data) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
    ]
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitAll
    #else
    query[kSecMatchLimit as String] = kSecMatchLimitOne // want `^kSecMatchLimit in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
    #endif
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
