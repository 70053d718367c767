import Security

// A helper that builds a new dictionary on every call: no reuse.
func makeDict() -> [String: Any] {
    var d = [String: Any]()
    d[kSecClass as String] = kSecClassGenericPassword
    d[kSecAttrService as String] = "com.example.fresh"
    d[kSecAttrAccount as String] = "me"
    return d
}

func saveFresh(_ data: Data) {
    var read = makeDict()
    read[kSecReturnData as String] = true
    var result: CFTypeRef?
    if SecItemCopyMatching(read as CFDictionary, &result) == errSecItemNotFound {
        var add = makeDict()
        add[kSecValueData as String] = data
        SecItemAdd(add as CFDictionary, nil)
    }
}
