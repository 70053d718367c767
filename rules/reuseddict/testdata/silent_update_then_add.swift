import Foundation
import Security

// Apple's own pattern in Swift: update, and when the item is not found, add
// the same query extended with the data (a value dictionary: the add's
// changes cannot reach the update).
func saveToken(account: String, data: Data) -> OSStatus {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: account,
    ]
    let update: [String: Any] = [kSecValueData as String: data]
    var status = SecItemUpdate(query as CFDictionary, update as CFDictionary)
    if status == errSecItemNotFound {
        query[kSecValueData as String] = data
        query[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
        status = SecItemAdd(query as CFDictionary, nil)
    }
    return status
}

// The same with an NSMutableDictionary.
func saveTokenNS(account: String, data: Data) -> OSStatus {
    let query = NSMutableDictionary()
    query[kSecClass] = kSecClassGenericPassword
    query[kSecAttrService] = "com.example.token"
    query[kSecAttrAccount] = account
    let update = [kSecValueData: data] as NSDictionary
    var status = SecItemUpdate(query, update)
    if status == errSecItemNotFound {
        query[kSecValueData] = data
        status = SecItemAdd(query, nil)
    }
    return status
}
