import Security

// One delete call that runs once per iteration with the same dictionary.
func deleteAll(accounts: [String]) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.loop",
    ]
    for account in accounts {
        query[kSecAttrAccount as String] = account
        SecItemDelete(query as CFDictionary)
    }
}
