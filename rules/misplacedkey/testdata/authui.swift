import Security

// kSecUseAuthenticationUISkip is accepted only by SecItemCopyMatching; the
// finding is at the Skip value.
func addWithSkip(secret: Data) {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.ui",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemAdd fails with errSecParam \(-50\)`
    ]
    SecItemAdd(attributes as CFDictionary, nil)
}

func updateWithSkip(newData: Data) {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "com.example.ui"
    query[kSecAttrAccount as String] = "me"
    query[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUISkip // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemUpdate fails with errSecParam \(-50\)`
    let changes: [String: Any] = [kSecValueData as String: newData]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func deleteWithSkip() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.ui",
        kSecAttrAccount as String: "me",
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: SecItemDelete fails with errSecParam \(-50\)`
    ]
    SecItemDelete(query as CFDictionary)
}

// In SecItemCopyMatching Skip is what it is for: silent.
func readWithSkip() -> CFTypeRef? {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.ui",
        kSecAttrAccount as String: "me",
        kSecReturnData as String: true,
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUISkip,
    ]
    var result: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &result)
    return result
}

// In attributesToUpdate the key itself is reported (every kSecUse* key
// there fails with errSecNoSuchAttr); the Skip value is not reported a
// second time.
func updateAttributesWithSkip(newData: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.ui",
        kSecAttrAccount as String: "me",
    ]
    let changes: [String: Any] = [
        kSecValueData as String: newData,
        kSecUseAuthenticationUI as String: kSecUseAuthenticationUISkip, // want `^kSecUseAuthenticationUI does not belong in the attributes to update: .*-25303`
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
