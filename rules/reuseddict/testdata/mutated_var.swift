import Security

// A Swift dictionary variable read, mutated and added: a value, so the
// change cannot affect the read, and the add gets what it should store.
// Not a harmful reuse.
func mutatedVarAdd(account: String, password: Data) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.login",
        kSecAttrAccount as String: account,
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    if status == errSecItemNotFound {
        query[kSecValueData as String] = password
        query[kSecAttrLabel as String] = "Login"
        SecItemAdd(query as CFDictionary, nil)
    }
}
