import Security

// PENDING (flow engine): kSecMatchLimit is written in both branches of
// #if os(macOS) / #else. After the join the entry has one platform set
// (all platforms) for both sites, so the rule also reports the site in the
// macOS branch, where the shim drops the key. Reproducer:
// /tmp/engine-bugs/misplacedkey-1.swift. Expected: only the #else site.
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
