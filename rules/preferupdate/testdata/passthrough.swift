import Foundation
import Security

// A helper that takes the query and returns it with more keys keeps the
// caller's own values: the account still comes from the caller's
// parameter, not from the helper's.
final class GroupStore {
    var group: String?

    func addGroup(_ items: [String: Any]) -> [String: Any] {
        guard let group = group else { return items }
        var result = items
        result[kSecAttrAccessGroup as String] = group
        return result
    }

    func save(_ data: Data, account: String) {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.group",
            kSecAttrAccount as String: account,
        ]
        query = addGroup(query)
        SecItemDelete(query as CFDictionary) // want `^SecItemDelete followed by SecItemAdd of the same generic password on line 31: `
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.group",
            kSecAttrAccount as String: account,
            kSecValueData as String: data,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
