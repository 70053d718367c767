import Foundation
import Security

enum VaultError: Error {
    case status(OSStatus)
}

// The existence check is a helper that returns a Result: .failure where
// its read failed, .success where it found the item.
final class ResultVault {
    func query(_ account: String) -> [String: Any] {
        return [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.result",
            kSecAttrAccount as String: account,
        ]
    }

    func find(_ account: String) -> Result<Data, VaultError> {
        var q = query(account)
        q[kSecAttrGeneric as String] = Data("v2".utf8) // want `^kSecAttrGeneric is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 39 then fails`
        q[kSecReturnData as String] = true
        var out: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &out)
        guard status == errSecSuccess else {
            return .failure(.status(status))
        }
        return .success(out as! Data)
    }

    func save(_ data: Data, account: String) {
        switch find(account) {
        case .success:
            let changes: [String: Any] = [kSecValueData as String: data]
            SecItemUpdate(query(account) as CFDictionary, changes as CFDictionary)
        case .failure:
            var item = query(account)
            item[kSecValueData as String] = data
            SecItemAdd(item as CFDictionary, nil)
        }
    }

    // Silent: the add runs where the helper found the item.
    func saveCopy(_ data: Data, account: String) {
        switch find(account) {
        case .success(let old):
            var item = query(account)
            item[kSecValueData as String] = old + data
            SecItemAdd(item as CFDictionary, nil)
        case .failure:
            break
        }
    }
}
