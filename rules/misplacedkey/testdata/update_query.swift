import Security

// kSecMatchLimit and kSecReturnData in the query of SecItemUpdate:
// errSecParam on iOS-family platforms (the macOS shim drops them).
func updateWithLimit(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
        kSecMatchLimit as String: kSecMatchLimitOne, // want `^kSecMatchLimit in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
    ]
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func updateWithReturnData(newData: Data) {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "com.example.token"
    query[kSecAttrAccount as String] = "me"
    query[kSecReturnData as String] = true // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam \(-50\) on iOS`
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// In macOS-only code the shim drops the keys: silent.
#if os(macOS)
func updateWithLimitMac(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
        kSecMatchLimit as String: kSecMatchLimitOne,
        kSecReturnData as String: true,
    ]
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
#endif

// The key itself is written only for macOS: silent.
func updateWithLimitOnlyOnMac(newData: Data) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "me",
    ]
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitOne
    #endif
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
