import Foundation
import Security

// A failed read deletes and re-adds the item: one finding,
// deleteonreadfailure's, with the re-add as a related location.
func resetToken(_ data: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: "token",
    ]
    var read = query
    read[kSecReturnData as String] = true
    var result: CFTypeRef?
    let status = SecItemCopyMatching(read as CFDictionary, &result)
    guard status == errSecSuccess else {
        SecItemDelete(query as CFDictionary) // want `^SecItemDelete runs after SecItemCopyMatching on line 15 may have failed with errSecInteractionNotAllowed`
        var add = query
        add[kSecValueData as String] = data
        SecItemAdd(add as CFDictionary, nil)
        return
    }
}
