import Security

// Two reads of one unchanged query are fine.
func readTwice() -> Bool {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.twice",
        kSecReturnData as String: true,
    ]
    var first: CFTypeRef?
    var second: CFTypeRef?
    let a = SecItemCopyMatching(query as CFDictionary, &first)
    let b = SecItemCopyMatching(query as CFDictionary, &second)
    return a == b
}
