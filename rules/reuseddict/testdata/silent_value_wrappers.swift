import Foundation
import Security

// Wrappers around the SecItem calls, and a Swift value dictionary read
// through one and changed for the add through the other: a copy at every
// call, nothing the add rejects.
struct ItemOperations {
    func copyMatching(_ query: [String: Any]) -> OSStatus {
        return SecItemCopyMatching(query as CFDictionary, nil)
    }

    func add(_ attributes: [String: Any]) -> OSStatus {
        return SecItemAdd(attributes as CFDictionary, nil)
    }
}

func storeIfMissing(_ ops: ItemOperations, account: String, data: Data) -> OSStatus {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.value",
        kSecAttrAccount as String: account,
    ]
    let status = ops.copyMatching(query)
    guard status == errSecItemNotFound else { return status }
    query[kSecValueData as String] = data
    query[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
    return ops.add(query)
}
