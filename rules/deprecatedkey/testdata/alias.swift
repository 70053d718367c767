import Security

// A deprecated key reached through an alias constant is reported at the
// alias, without a fix (the constant is matched by identity).
private let UseOperationPrompt = String(kSecUseOperationPrompt)
private let UseAccessibleAfterFirstUnlock = String(kSecAttrAccessibleAfterFirstUnlock)

func readWithPrompt(prompt: String) -> OSStatus {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    query[UseOperationPrompt] = prompt // want `^UseOperationPrompt \(kSecUseOperationPrompt\) is deprecated`
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func addAfterFirstUnlock() -> OSStatus {
    // kSecAttrAccessibleAfterFirstUnlock is not deprecated, alias or not.
    var attributes: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    attributes[kSecAttrAccessible as String] = UseAccessibleAfterFirstUnlock
    return SecItemAdd(attributes as CFDictionary, nil)
}
