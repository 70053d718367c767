import Security

let UseOperationPrompt = String(kSecUseOperationPrompt)

// One use of the alias reached by calls with different platform scopes
// (iOS only, macOS only, both) is one finding, with one message.
func promptQuery(_ prompt: String) -> [String: Any] {
    return [kSecClass as String: kSecClassGenericPassword, UseOperationPrompt: prompt] // want "^UseOperationPrompt \\(kSecUseOperationPrompt\\) is deprecated .*needs iOS 11.0, macOS 10.13 .*from iOS 9.0, macOS 10.10"
}

#if os(iOS)
func readPhone(prompt: String) -> OSStatus {
    return SecItemCopyMatching(promptQuery(prompt) as CFDictionary, nil)
}
#endif

#if os(macOS)
func readMac(prompt: String) -> OSStatus {
    return SecItemCopyMatching(promptQuery(prompt) as CFDictionary, nil)
}
#endif

func readAnywhere(prompt: String) -> OSStatus {
    return SecItemCopyMatching(promptQuery(prompt) as CFDictionary, nil)
}
