import Security

// A protection class picked from a literal array (issue 11, item 8): the
// loop binds each element, so the deprecated one reaches the delete.
func removeAtEveryLevel(service: String, account: String) {
    for level in [kSecAttrAccessibleAlways, kSecAttrAccessibleAfterFirstUnlock] { // want `^kSecAttrAccessibleAlways is deprecated`
        let query: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecAttrAccount: account,
            kSecAttrAccessible: level,
        ]
        SecItemDelete(query as CFDictionary)
    }
}

// Negative: the array never reaches a SecItem call.
func levelNames() -> [String] {
    var names: [String] = []
    for level in [kSecAttrAccessibleAlways, kSecAttrAccessibleWhenUnlocked] {
        names.append(level as String)
    }
    return names
}
