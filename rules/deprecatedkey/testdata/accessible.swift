import Security

// The two "Always" accessibility values, wherever they appear in a
// dictionary that reaches a SecItem call; the fix replaces the constant.
func addAlways(secret: Data) {
    let attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.always",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
        kSecAttrAccessible as String: kSecAttrAccessibleAlways, // want `^kSecAttrAccessibleAlways is deprecated \(iOS 12, macOS 10\.14\): use kSecAttrAccessibleAfterFirstUnlock`
    ]
    SecItemAdd(attributes as CFDictionary, nil)
}

func addAlwaysThisDeviceOnly(secret: Data) {
    var attributes = [String: Any]()
    attributes[kSecClass as String] = kSecClassGenericPassword
    attributes[kSecAttrService as String] = "com.example.always"
    attributes[kSecValueData as String] = secret
    attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAlwaysThisDeviceOnly // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated \(iOS 12, macOS 10\.14\): use kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`
    SecItemAdd(attributes as CFDictionary, nil)
}

// In the attributes to update too.
func updateToAlways() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.always",
        kSecAttrAccount as String: "me",
    ]
    let changes: [String: Any] = [kSecAttrAccessible as String: kSecAttrAccessibleAlwaysThisDeviceOnly] // want `^kSecAttrAccessibleAlwaysThisDeviceOnly is deprecated`
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Whole identifiers only: the current values that share a prefix with the
// deprecated ones are never reported.
func addCurrentValues(secret: Data, thisDevice: Bool, whenUnlocked: Bool) {
    var attributes: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.current",
        kSecValueData as String: secret,
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
    ]
    if thisDevice {
        attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
    }
    if whenUnlocked {
        attributes[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked
    }
    SecItemAdd(attributes as CFDictionary, nil)
}
