import Security

// The same keys in the query of an update, or in an add: fine.
func updateMatchingProtection(data: Data, access: SecAccessControl) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.silent",
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
        kSecAttrAccessControl as String: access,
        kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave,
    ]
    let changes: [String: Any] = [kSecValueData as String: data]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func addWithProtection(data: Data, access: SecAccessControl) {
    var item = [String: Any]()
    item[kSecClass as String] = kSecClassGenericPassword
    item[kSecAttrService as String] = "com.example.silent"
    item[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
    item[kSecAttrAccessControl as String] = access
    item[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave
    item[kSecValueData as String] = data
    SecItemAdd(item as CFDictionary, nil)
}
