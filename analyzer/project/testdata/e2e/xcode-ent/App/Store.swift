import Foundation
import Security

func saveShared(_ data: Data) -> OSStatus {
    // Entitled: $(AppIdentifierPrefix)com.example.shared.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: "ABCDE12345.com.example.shared", kSecValueData as String: data]
    return SecItemAdd(query as CFDictionary, nil)
}

func saveGroup(_ data: Data) -> OSStatus {
    // Entitled: the application group group.$(SHARED_GROUP) of Shared.xcconfig.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "group", kSecAttrAccessGroup as String: "group.com.example.shared", kSecValueData as String: data]
    return SecItemAdd(query as CFDictionary, nil)
}

func saveOther(_ data: Data) -> OSStatus {
    // Not entitled: no target lists com.example.other.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "other", kSecAttrAccessGroup as String: "ABCDE12345.com.example.other", kSecValueData as String: data]
    return SecItemAdd(query as CFDictionary, nil)
}

func saveDebugOnly(_ data: Data) -> OSStatus {
    // Entitled in the Debug configuration only: not reported (one
    // configuration may use it).
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "debug", kSecAttrAccessGroup as String: "ABCDE12345.com.example.debug", kSecValueData as String: data]
    return SecItemAdd(query as CFDictionary, nil)
}

func saveUnknown(_ data: Data, group: String) -> OSStatus {
    // The value is not known: silent.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "unknown", kSecAttrAccessGroup as String: group, kSecValueData as String: data]
    return SecItemAdd(query as CFDictionary, nil)
}
