import Foundation
import Security

// The same in Swift: a helper method returns an NSMutableDictionary, which
// gets kSecReturnData for a read and then becomes the update's query.
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
        query.setObject(true, forKey: kSecReturnData as NSString)
        var old: CFTypeRef?
        let status = SecItemCopyMatching(query, &old)
        if status == errSecSuccess {
            let changes: [String: Any] = [kSecValueData as String: password]
            SecItemUpdate(query, changes as CFDictionary) // want `^SecItemUpdate receives the dictionary already used by SecItemCopyMatching on line 19, which still holds kSecReturnData: SecItemUpdate takes no`
        } else if status == errSecItemNotFound {
            // The add ignores kSecReturnData (nil result): not reported.
            query.setObject(password, forKey: kSecValueData as NSString)
            SecItemAdd(query, nil)
        }
    }
}
