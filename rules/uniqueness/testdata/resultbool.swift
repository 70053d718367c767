import Foundation
import Security

struct StoreError: Error {
    let status: OSStatus
}

extension Result where Success == Bool, Failure == StoreError {
    // The success's value, or the default where the lookup failed.
    func getOrElse(_ defaultValue: Bool) -> Bool {
        switch self {
        case .success(let value): return value
        case .failure: return defaultValue
        }
    }
}

// The existence check is a helper that returns a Result of Bool:
// .success(false) where its read found nothing, .success(true) where it
// found the item, .failure for other errors.
final class BoolResultStore {
    func query(_ account: String, label: String) -> [CFString: Any] {
        return [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: "com.example.boolresult",
            kSecAttrAccount: account,
            kSecAttrLabel: label, // want `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 48 then fails` `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 58 then fails` `^kSecAttrLabel is not part of what makes a generic password unique: this read reports errSecItemNotFound .*SecItemAdd on line 110 then fails`
        ]
    }

    func containsKey(_ account: String, label: String) -> Result<Bool, StoreError> {
        let status = SecItemCopyMatching(query(account, label: label) as CFDictionary, nil)
        if status == errSecSuccess {
            return .success(true)
        } else if status == errSecItemNotFound {
            return .success(false)
        }
        return .failure(StoreError(status: status))
    }

    func write(_ data: Data, account: String, label: String) -> OSStatus {
        let exists = containsKey(account, label: label).getOrElse(false)
        var q = query(account, label: label)
        if exists {
            return SecItemUpdate(q as CFDictionary, [kSecValueData: data] as CFDictionary)
        }
        q[kSecValueData] = data
        return SecItemAdd(q as CFDictionary, nil)
    }

    func writeSwitch(_ data: Data, account: String, label: String) -> OSStatus {
        var q = query(account, label: label)
        switch containsKey(account, label: label) {
        case .success(true):
            return SecItemUpdate(q as CFDictionary, [kSecValueData: data] as CFDictionary)
        case .success(false):
            q[kSecValueData] = data
            return SecItemAdd(q as CFDictionary, nil)
        case .failure(let e):
            return e.status
        }
    }

    // Silent: the add runs where the helper found the item.
    func writeInverted(_ data: Data, account: String, label: String) -> OSStatus {
        var q = query(account, label: label)
        if containsKey(account, label: label).getOrElse(false) {
            q[kSecValueData] = data
            return SecItemAdd(q as CFDictionary, nil)
        }
        return errSecSuccess
    }

    // Silent: with a true default the add runs where the lookup failed
    // with another error (not errSecItemNotFound) or found the item.
    func writeTrueDefault(_ data: Data, account: String, label: String) -> OSStatus {
        var q = query(account, label: label)
        if containsKey(account, label: label).getOrElse(true) {
            q[kSecValueData] = data
            return SecItemAdd(q as CFDictionary, nil)
        }
        return errSecSuccess
    }

    // Silent: both successes lead to the add (the item may exist).
    func writeAnySuccess(_ data: Data, account: String, label: String) -> OSStatus {
        var q = query(account, label: label)
        switch containsKey(account, label: label) {
        case .success:
            q[kSecValueData] = data
            return SecItemAdd(q as CFDictionary, nil)
        case .failure(let e):
            return e.status
        }
    }

    // The found path replaces the item (update, and delete where the
    // update fails); the not-found path adds with the check's label.
    func writeReplacing(_ data: Data, account: String, label: String) -> OSStatus {
        let exists = containsKey(account, label: label).getOrElse(false)
        var q = query(account, label: label)
        if exists {
            let status = SecItemUpdate(q as CFDictionary, [kSecValueData: data] as CFDictionary)
            if status == errSecSuccess {
                return status
            }
            SecItemDelete(q as CFDictionary)
        }
        q[kSecValueData] = data
        return SecItemAdd(q as CFDictionary, nil)
    }

    // Silent: the delete runs where the check found nothing too.
    func writeClearing(_ data: Data, account: String, label: String) -> OSStatus {
        let exists = containsKey(account, label: label).getOrElse(false)
        var q = query(account, label: label)
        if !exists {
            SecItemDelete([kSecClass: kSecClassGenericPassword, kSecAttrAccount: account] as CFDictionary)
        }
        q[kSecValueData] = data
        return SecItemAdd(q as CFDictionary, nil)
    }
}
