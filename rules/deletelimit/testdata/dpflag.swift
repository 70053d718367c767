// kSecUseDataProtectionKeychain: false is not the data-protection
// keychain: on macOS the delete still goes to the file keychain.
import Security

func deleteFileKeychain() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.dp",
        kSecUseDataProtectionKeychain as String: false,
    ]
    SecItemDelete(query as CFDictionary) // want `does not name one item \(no kSecAttrAccount\)`
}

// true: every match is deleted everywhere; silent.
func deleteDataProtection() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.dp",
        kSecUseDataProtectionKeychain as String: true,
    ]
    SecItemDelete(query as CFDictionary)
}
