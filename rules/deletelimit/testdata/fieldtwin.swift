import Foundation
import Security

// The class of the same name as the struct FieldTwin in fields.swift (in
// another module).
final class FieldTwin {
    var key: String?

    func exists() -> Bool {
        var query: [CFString: Any] = [kSecClass: kSecClassGenericPassword, kSecAttrService: "svc"]
        if let key = key {
            query[kSecAttrAccount] = key
        }
        return SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess
    }
}
