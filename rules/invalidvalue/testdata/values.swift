import Security

// A String where data is needed: -50 on the data-protection keychain.
func storeText() {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: "me",
        kSecValueData as String: "hunter2", // want `^a string \("hunter2"\) as kSecValueData is not data: securityd rejects it and SecItemAdd fails with errSecParam \(-50\)`
    ]
    SecItemAdd(item as CFDictionary, nil)
}

func updateNumber(query: [String: Any]) {
    var changes = [String: Any]()
    changes[kSecValueData as String] = 42 // want `^a number \(42\) as kSecValueData is not data: securityd rejects it and SecItemUpdate fails`
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func storeFlag() {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "flag",
        kSecValueData as String: true, // want `^a boolean \(true\) as kSecValueData is not data`
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Negatives: data, values of unknown type, true for a boolean key.
func storeData(secret: String, blob: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "me",
        kSecAttrSynchronizable as String: true,
        kSecValueData as String: Data(secret.utf8),
    ]
    SecItemAdd(item as CFDictionary, nil)
    let other: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "other",
        kSecValueData as String: secret.data(using: .utf8)!,
        kSecReturnData as String: kCFBooleanTrue!,
    ]
    SecItemAdd(other as CFDictionary, nil)
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecValueData as String: blob] as CFDictionary, nil)
}

// Negative: the macOS file keychain converts a string to data.
#if os(macOS)
func storeTextMac() {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "me",
        kSecValueData as String: "hunter2",
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// On macOS with kSecUseDataProtectionKeychain the string reaches securityd.
func storeTextMacDP() {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "me",
        kSecUseDataProtectionKeychain as String: true,
        kSecValueData as String: "hunter2", // want `^a string \("hunter2"\) as kSecValueData is not data`
    ]
    SecItemAdd(item as CFDictionary, nil)
}
#endif
