import Security

// Delete, then add the same dictionary after adding the data to it: the add
// gets exactly what it needs (the delete-then-add itself is preferupdate's
// finding), so this is not a harmful reuse.
func replaceSecret(_ secret: Data) {
    var item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.secret",
        kSecAttrAccount as String: "secret",
    ]
    SecItemDelete(item as CFDictionary)
    item[kSecValueData as String] = secret
    SecItemAdd(item as CFDictionary, nil)
}
