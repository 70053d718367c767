// A false kSecReturn* key is inert: securityd clears the return bit.
import Security

func updateWithFalseReturn(value: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.false",
        kSecAttrAccount as String: "me",
        kSecReturnPersistentRef as String: false,
    ]
    SecItemUpdate(query as CFDictionary, [kSecValueData as String: value] as CFDictionary)
}

func addWithFalseReturn(value: Data) {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.false",
        kSecAttrAccount as String: "me",
        kSecValueData as String: value,
        kSecReturnData as String: kCFBooleanFalse as Any,
    ]
    SecItemAdd(attributes as CFDictionary, nil)
}

// true is not: the update fails with errSecParam.
func updateWithTrueReturn(value: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.false",
        kSecAttrAccount as String: "me",
        kSecReturnPersistentRef as String: true, // want `^kSecReturnPersistentRef in the query of SecItemUpdate makes the update fail with errSecParam`
    ]
    SecItemUpdate(query as CFDictionary, [kSecValueData as String: value] as CFDictionary)
}

// A value that may be true is reported.
func updateWithFlag(value: Data, flag: Bool) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.false",
        kSecAttrAccount as String: "me",
        kSecReturnData as String: flag, // want `^kSecReturnData in the query of SecItemUpdate makes the update fail with errSecParam`
    ]
    SecItemUpdate(query as CFDictionary, [kSecValueData as String: value] as CFDictionary)
}
