import Foundation
import Security

// The DTS example in Swift: one NSMutableDictionary for the read and the
// add; the read's kSecMatchLimit reaches the add.
func dtsSaveToken(_ token: Data) -> OSStatus {
    let query = NSMutableDictionary()
    query[kSecClass] = kSecClassGenericPassword
    query[kSecAttrService] = "com.example.token"
    query[kSecAttrAccount] = "token"
    query[kSecMatchLimit] = kSecMatchLimitOne
    var err = SecItemCopyMatching(query, nil)
    if err == errSecItemNotFound {
        query[kSecValueData] = token
        err = SecItemAdd(query, nil) // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 12, which still holds kSecMatchLimit: securityd does not accept match keys in an add`
    }
    return err
}
