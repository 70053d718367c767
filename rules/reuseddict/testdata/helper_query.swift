import Foundation
import Security

// The same in Swift: a helper method returns an NSMutableDictionary, which
// is read, changed with setObject(_:forKey:) and added.
final class SwiftLoginStore {
    func queryFor(account: String) -> NSMutableDictionary {
        let q = NSMutableDictionary()
        q.setObject(kSecClassGenericPassword, forKey: kSecClass as NSString)
        q.setObject("com.example.login", forKey: kSecAttrService as NSString)
        q.setObject(account, forKey: kSecAttrAccount as NSString)
        return q
    }

    func store(password: Data, account: String) {
        let query = self.queryFor(account: account)
        let status = SecItemCopyMatching(query, nil)
        if status == errSecItemNotFound {
            query.setObject(password, forKey: kSecValueData as NSString)
            SecItemAdd(query, nil) // want `^SecItemAdd receives the dictionary already used by SecItemCopyMatching on line 17, changed since \(kSecValueData\)`
        }
    }
}
