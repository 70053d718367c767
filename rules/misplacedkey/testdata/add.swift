import Security

// A return key in an add with a nil result does nothing: a warning (the
// test asserts the severity).
func addWithReturnNoResult(secret: Data) {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.add",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
        kSecReturnAttributes as String: true, // want `^kSecReturnAttributes in the attributes of SecItemAdd has no effect because the result argument is nil.*new item's attributes`
    ]
    SecItemAdd(attributes as CFDictionary, nil)
}

// With a result pointer the return key is used: silent.
func addWithReturnAndResult(secret: Data) -> CFTypeRef? {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.add",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
        kSecReturnAttributes as String: true,
    ]
    var result: CFTypeRef?
    SecItemAdd(attributes as CFDictionary, &result)
    return result
}

// kSecMatchLimit in an add: an error.
func addWithMatchLimit(secret: Data) {
    var attributes = [String: Any]()
    attributes[kSecClass as String] = kSecClassGenericPassword
    attributes[kSecAttrService as String] = "com.example.add"
    attributes[kSecAttrAccount as String] = "me"
    attributes[kSecValueData as String] = secret
    attributes[kSecMatchLimit as String] = kSecMatchLimitOne // want `^kSecMatchLimit in the attributes of SecItemAdd: .*may return errSecSuccess without storing the item`
    SecItemAdd(attributes as CFDictionary, nil)
}

// kSecValuePersistentRef in an add: errSecParam.
func addWithPersistentRef(ref: Data) {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecValuePersistentRef as String: ref, // want `^kSecValuePersistentRef in the attributes of SecItemAdd makes the add fail with errSecParam \(-50\)`
    ]
    SecItemAdd(attributes as CFDictionary, nil)
}
