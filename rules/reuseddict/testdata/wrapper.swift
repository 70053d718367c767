import Foundation
import Security

// The read happens in a helper that receives the caller's dictionary; the
// read's kSecMatchLimit reaches the add.
func itemExists(_ q: NSMutableDictionary) -> Bool {
    return SecItemCopyMatching(q, nil) == errSecSuccess
}

func saveThroughWrapper(_ data: Data) {
    let query = NSMutableDictionary()
    query[kSecClass] = kSecClassGenericPassword
    query[kSecAttrService] = "com.example.wrapper"
    query[kSecMatchLimit] = kSecMatchLimitOne
    let found = itemExists(query)
    if !found {
        query[kSecValueData] = data
        SecItemAdd(query, nil) // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching \(through itemExists\) on line 15, which still holds kSecMatchLimit`
    }
}
