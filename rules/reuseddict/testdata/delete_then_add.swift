import Security

// Delete, then add the same dictionary after adding the data to it.
func replaceSecret(_ secret: Data) {
    var item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret",
    ]
    SecItemDelete(item as CFDictionary)
    item[kSecValueData as String] = secret
    SecItemAdd(item as CFDictionary, nil) // want `^SecItemAdd receives the dictionary already used by SecItemDelete on line 10, changed since \(kSecValueData\)`
}
