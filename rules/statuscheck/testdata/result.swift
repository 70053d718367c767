import Foundation
import Security

// Reported: the status is never checked, and a missing item crashes.
func loadUnchecked(_ query: [String: Any]) -> Data {
    var result: AnyObject?
    SecItemCopyMatching(query as CFDictionary, &result)
    return result as! Data // want "`result as! Data` runs while the status of SecItemCopyMatching on line 7 may be errSecItemNotFound \\(-25300\\), errSecInteractionNotAllowed \\(-25308, device locked\\), errSecMissingEntitlement \\(-34018\\) or errSecParam \\(-50\\) \\(not checked on the way\\): a failed call does not write its result, which is still nil, and the forced cast or unwrap crashes the app"
}

// Reported: only errSecItemNotFound is told apart; a locked device
// crashes.
func loadExcluding(_ query: [String: Any]) -> Data? {
    var result: AnyObject? = nil
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if status == errSecItemNotFound {
        return nil
    }
    return (result as! Data) // want "`result as! Data` runs while the status of SecItemCopyMatching on line 15 may be errSecInteractionNotAllowed \\(-25308, device locked\\), errSecMissingEntitlement \\(-34018\\) or errSecParam \\(-50\\) \\(last checked by `status == errSecItemNotFound` on line 16\\)"
}

// Reported: the failure is logged, then the result is unwrapped anyway.
func loadLogged(_ query: [String: Any]) -> [String: Any] {
    var result: CFTypeRef?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if status != errSecSuccess {
        print("read failed: \(status)")
    }
    let item = result! // want "`result!` runs while the status of SecItemCopyMatching on line 25 may be .*last checked by `status != errSecSuccess` on line 26"
    return item as! [String: Any]
}

// Reported: the persistent reference of an add that may have failed.
func addReturningRef(_ attributes: [String: Any]) -> Data {
    var ref: CFTypeRef?
    _ = SecItemAdd(attributes as CFDictionary, &ref)
    return ref as! Data // want "`ref as! Data` runs while the status of SecItemAdd on line 36 may be .*not checked on the way"
}

// Reported once: past the first forced cast the result is not nil.
func loadTwice(_ query: [String: Any]) -> Int {
    var result: AnyObject?
    SecItemCopyMatching(query as CFDictionary, &result)
    let data = result as! Data // want "`result as! Data` runs while the status of SecItemCopyMatching on line 43"
    let again = result as! NSData
    return data.count + again.length
}

// Silent: the use is inside the success branch.
func loadInIf(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if status == errSecSuccess {
        return result as! Data
    }
    return nil
}

// Silent: after a guard on success.
func loadGuarded(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    guard status == errSecSuccess else { return nil }
    return result as! Data
}

// Silent: a conditional cast of the optional result.
func loadConditional(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    SecItemCopyMatching(query as CFDictionary, &result)
    return result as? Data
}

// Silent: `if let data = result as? Data`, and a forced use inside it.
func loadBound(_ query: [String: Any]) -> Int {
    var result: AnyObject? = nil
    SecItemCopyMatching(query as CFDictionary, &result)
    if let data = result as? Data {
        return data.count + (result as! NSData).length
    }
    return 0
}

// Silent: the result is checked for nil first.
func loadNilChecked(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    SecItemCopyMatching(query as CFDictionary, &result)
    guard result != nil else { return nil }
    return result as! Data
}

// Silent: the call itself compared with errSecSuccess.
func loadInline(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    guard SecItemCopyMatching(query as CFDictionary, &result) == noErr else { return nil }
    return result as! Data
}

// Silent: every failure throws (a switch with a failing default).
func loadSwitch(_ query: [String: Any]) throws -> Data {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    switch status {
    case errSecSuccess:
        break
    case errSecItemNotFound:
        throw NSError(domain: NSOSStatusErrorDomain, code: Int(status))
    default:
        throw NSError(domain: NSOSStatusErrorDomain, code: Int(status))
    }
    return result as! Data
}

// Silent: the status is checked by a function the engine does not follow.
func check(_ status: OSStatus) throws {
    if status != errSecSuccess { throw NSError(domain: NSOSStatusErrorDomain, code: Int(status)) }
}
func loadChecked(_ query: [String: Any]) throws -> Data {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    try check(status)
    return result as! Data
}

// Silent: the comparison is kept in a variable that decides.
func loadFlag(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    let ok = status == errSecSuccess
    if !ok { return nil }
    return result as! Data
}

// Silent: a retried read whose last status is compared with errSecSuccess.
func loadRetried(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    var status = SecItemCopyMatching(query as CFDictionary, &result)
    if status == errSecInteractionNotAllowed {
        status = SecItemCopyMatching(query as CFDictionary, &result)
    }
    guard status == errSecSuccess else { return nil }
    return result as! Data
}

// Silent: the status is checked by a member of its own.
extension OSStatus {
    var isSuccess: Bool { self == errSecSuccess }
    func succeeded() -> Bool { self == errSecSuccess }
}
func loadMember(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    guard status.isSuccess else { return nil }
    return result as! Data
}
func loadMethod(_ query: [String: Any]) -> Data? {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    if !status.succeeded() { return nil }
    return result as! Data
}

// Reported: errSecItemNotFound is let through with success.
func loadOrMissing(_ query: [String: Any]) throws -> Data {
    var result: AnyObject?
    let status = SecItemCopyMatching(query as CFDictionary, &result)
    guard status == errSecSuccess || status == errSecItemNotFound else { throw NSError(domain: NSOSStatusErrorDomain, code: Int(status)) }
    return result as! Data // want "may be errSecItemNotFound \\(-25300\\) \\(last checked by `status == errSecSuccess` on line 167\\)"
}
