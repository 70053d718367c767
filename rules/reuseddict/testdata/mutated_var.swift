import Security

// A Swift dictionary variable read, mutated and added: the same variable
// reaches both calls.
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
        SecItemAdd(query as CFDictionary, nil) // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 11, changed since \(kSecValueData, kSecAttrLabel\): build a fresh dictionary`
    }
}
