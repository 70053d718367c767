import Foundation
import Security

// The DTS example in Swift: one NSMutableDictionary for the read and the add.
func dtsSaveToken(_ token: Data) -> OSStatus {
    let query = NSMutableDictionary()
    query[kSecClass] = kSecClassGenericPassword
    query[kSecAttrService] = "com.example.token"
    query[kSecAttrAccount] = "token"
    var err = SecItemCopyMatching(query, nil)
    if err == errSecItemNotFound {
        query[kSecValueData] = token
        err = SecItemAdd(query, nil) // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 10, changed since \(kSecValueData\): build a fresh dictionary`
    }
    return err
}
