import Security

// Uses the helper in helpers_a.swift: the finding is at the key in the helper.
func readVault(store: VaultQuery) {
    let q = store.query(account: "me")
    SecItemCopyMatching(q as CFDictionary, nil)
}

// A wrapper that forwards its parameter to SecItemAdd.
func addItem(_ attributes: [String: Any]) -> OSStatus {
    return SecItemAdd(attributes as CFDictionary, nil)
}

func callsWrapper() {
    let attrs: [String: Any] = [kSecClass as String: kSecClassCertificate, kSecAttrAccount as String: "x"] // want `kSecAttrAccount is not an attribute of certificates`
    _ = addItem(attrs)
}
