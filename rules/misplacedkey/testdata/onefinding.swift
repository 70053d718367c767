import Security

// One update that fails with -50 because of two return keys is one
// finding, at the first key; the second key is a related location.
func updateWithTwoReturnKeys(account: String, data: Data) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecReturnData as String: true, // want "^kSecReturnData and kSecReturnAttributes in the query of SecItemUpdate make the update fail with errSecParam \\(-50\\)"
        kSecReturnAttributes as String: true,
    ]
    return SecItemUpdate(query as CFDictionary, [kSecValueData as String: data] as CFDictionary)
}

// Two useless return keys in one add are one finding too.
func addWithTwoReturnKeys(account: String, data: Data) -> OSStatus {
    let attrs: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecValueData as String: data,
        kSecReturnPersistentRef as String: true, // want "^kSecReturnPersistentRef and kSecReturnRef in the attributes of SecItemAdd have no effect because the result argument is nil; remove them"
        kSecReturnRef as String: true,
    ]
    return SecItemAdd(attrs as CFDictionary, nil)
}
