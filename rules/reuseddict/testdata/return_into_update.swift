import Security

// The read's query still holds kSecReturnData when it becomes the query of
// SecItemUpdate, which rejects it with errSecParam on iOS.
func updateAfterRead(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
        kSecReturnData as String: true,
    ]
    var result: CFTypeRef?
    if SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess {
        let changes: [String: Any] = [kSecValueData as String: newData]
        SecItemUpdate(query as CFDictionary, changes as CFDictionary) // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 13, which still holds kSecReturnData: SecItemUpdate takes no kSecMatch\* or kSecReturn\* keys in its query and fails with errSecParam \(-50\) on iOS, tvOS, watchOS, visionOS and Mac Catalyst \(macOS drops them\)`
    }
}

// The update retried after a failure: the first update's finding covers
// the retry.
func updateAfterReadRetried(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecReturnData as String: true,
    ]
    var result: CFTypeRef?
    guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess else { return }
    let changes: [String: Any] = [kSecValueData as String: newData]
    var status = SecItemUpdate(query as CFDictionary, changes as CFDictionary) // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 28, which still holds kSecReturnData`
    if status != errSecSuccess {
        status = SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
}
