import Security

// Any other key narrows the delete: silent (deletelimit may still say
// that the query does not name one item).
func deleteService() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.tokens",
    ]
    SecItemDelete(query as CFDictionary)
}

// A key added on some path only still narrows the query on that path, and
// the analyzer stays silent.
func deleteMaybeAccount(account: String?) {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    if let account = account {
        query[kSecAttrAccount as String] = account
    }
    SecItemDelete(query as CFDictionary)
}

// An incomplete query: the parameter merged in may name the items.
func deleteMerged(extra: [String: Any]) {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    query.merge(extra) { _, new in new }
    SecItemDelete(query as CFDictionary)
}
