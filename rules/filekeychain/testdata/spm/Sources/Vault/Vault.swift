import Foundation
import Security

func addToken(_ data: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, kSecValueData as String: data]
    return SecItemAdd(attrs as CFDictionary, nil) // want `on macOS this SecItemAdd goes to the legacy file keychain.*kSecAttrAccessible silently does nothing there; add kSecUseDataProtectionKeychain: true \(the macOS deployment target 12.0 has it\)`
}

func readToken() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil) // want `on macOS this SecItemCopyMatching goes to the legacy file keychain`
}

func readDataProtection() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecUseDataProtectionKeychain as String: true, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func readWhenAvailable() -> OSStatus {
    // The data-protection keychain wherever it exists: the author chose.
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecReturnData as String: true]
    if #available(macOS 10.15, iOS 13, *) {
        query[kSecUseDataProtectionKeychain as String] = true
    }
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func readSynchronizable() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrSynchronizable as String: true, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func readIOSOnly() -> OSStatus {
    #if os(iOS)
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
    #else
    return errSecUnimplemented
    #endif
}
