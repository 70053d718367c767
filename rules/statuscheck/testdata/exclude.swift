import Foundation
import Security

// Reported: every failure but errSecDuplicateItem returns true.
func save(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem { // want "`status == errSecDuplicateItem` tells only one error of SecItemAdd on line 6 apart, and the other failures reach the success exit on line 10: failures such as errSecMissingEntitlement \\(-34018\\), errSecInteractionNotAllowed \\(-25308, device locked\\) and errSecParam \\(-50\\) count as success"
        return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
    }
    return true
}

// Reported: the else branch of the duplicate check is success.
func saveElse(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem { // want "tells only one error of SecItemAdd on line 15 apart"
        if SecItemUpdate(query as CFDictionary, changes as CFDictionary) != errSecSuccess {
            return false
        }
    } else {
        return true
    }
    return true
}

// Reported: an update "succeeded" unless it found nothing.
func replace(_ query: [String: Any], changes: [String: Any]) -> Bool {
    return SecItemUpdate(query as CFDictionary, changes as CFDictionary) != errSecItemNotFound // want "`SecItemUpdate\\(query as CFDictionary, changes as CFDictionary\\) != errSecItemNotFound` is true for every status of SecItemUpdate on line 28 but one error: failures such as errSecMissingEntitlement \\(-34018\\), errSecInteractionNotAllowed \\(-25308, device locked\\) and errSecParam \\(-50\\) count as success"
}

// Reported: a throwing save that throws only when the update fails.
func store(_ item: [String: Any], query: [String: Any], changes: [String: Any]) throws {
    let status = SecItemAdd(item as CFDictionary, nil)
    guard status == errSecDuplicateItem else { return } // want "`status == errSecDuplicateItem` tells only one error of SecItemAdd on line 33 apart, and the other failures reach the success exit on line 34"
    let updated = SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    if updated != errSecSuccess {
        throw NSError(domain: NSOSStatusErrorDomain, code: Int(updated))
    }
}

// Silent: compared with errSecSuccess.
func saveChecked(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem {
        return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
    }
    return status == errSecSuccess
}

// Silent: a switch whose default fails.
func saveSwitch(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    switch status {
    case errSecSuccess:
        return true
    case errSecDuplicateItem:
        return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
    default:
        return false
    }
}

// Silent: errSecItemNotFound is "absent", every other failure is thrown.
func load(_ query: [String: Any]) throws -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if status == errSecItemNotFound {
        return nil
    }
    guard status == errSecSuccess else {
        throw NSError(domain: NSOSStatusErrorDomain, code: Int(status))
    }
    return result as? Data
}

// Silent: logs the failure and goes on (nothing is reported as failure).
func saveLogging(_ item: [String: Any]) {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem {
        print("already there")
    } else if status != errSecSuccess {
        print("failed: \(status)")
    }
}

// Silent: the failure is seen (compared with errSecSuccess) and logged,
// then the function goes on to report success on purpose.
func saveBestEffort(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem {
        if SecItemUpdate(query as CFDictionary, changes as CFDictionary) != errSecSuccess {
            return false
        }
    } else if status != errSecSuccess {
        print("add failed: \(status)")
    }
    return true
}

// Silent: always true, whatever happened (no failure exit).
func saveAlways(_ item: [String: Any], query: [String: Any], changes: [String: Any]) -> Bool {
    let status = SecItemAdd(item as CFDictionary, nil)
    if status == errSecDuplicateItem {
        SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
    return true
}

// Reported: a read that returns its data unless the item is missing.
var cached: Data?
func loadToken(_ query: [String: Any]) -> Bool {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    guard status != errSecItemNotFound else { // want "`status != errSecItemNotFound` tells only one error of SecItemCopyMatching on line 113 apart, and the other failures reach the success exit on line 118"
        return false
    }
    cached = result as? Data
    return true
}

// Silent: an existence check; only errSecItemNotFound proves the item
// is absent (a locked device has it).
func exists(_ query: [String: Any]) -> Bool {
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    return status != errSecItemNotFound
}

// Silent: the variable holds the update's or the add's status, and that
// is compared with errSecSuccess.
func upsert(_ query: [String: Any], changes: [String: Any], item: [String: Any]) -> Bool {
    var status = SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    if status == errSecItemNotFound {
        status = SecItemAdd(item as CFDictionary, nil)
    }
    if status != errSecSuccess {
        return false
    }
    return true
}

// Silent: a retried delete, then success or not-found is success.
func removeAll(_ query: [String: Any]) -> Bool {
    var status = SecItemDelete(query as CFDictionary)
    while status == errSecDuplicateItem {
        status = SecItemDelete(query as CFDictionary)
    }
    if status != errSecSuccess && status != errSecItemNotFound {
        return false
    }
    return true
}
