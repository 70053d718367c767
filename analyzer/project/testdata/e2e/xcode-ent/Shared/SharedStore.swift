import Foundation
import Security

let sharedGroup = "ABCDE12345.com.example.shared"

func readShared() -> OSStatus {
    // A constant the app and the extension are entitled to.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: sharedGroup, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func readTypo() -> OSStatus {
    // A typo no target is entitled to.
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessGroup as String: "ABCDE12345.com.example.shard", kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
