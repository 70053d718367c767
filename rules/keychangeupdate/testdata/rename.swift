import Foundation
import Security

// Reported: the query names the service only, so every account of the
// service gets the new account.
func renameAccount(service: String, newAccount: String) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    let changes: [String: Any] = [
        kSecAttrAccount as String: newAccount, // want `kSecAttrAccount in attributesToUpdate gives every generic password the query matches the same kSecAttrAccount, and the query does not name one item \(no kSecAttrAccount\): two items that differ only in kSecAttrAccount then collide and SecItemUpdate fails with errSecDuplicateItem \(-25299\)`
    ]
    return SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Reported: an internet password query without the account; the
// attributes to update are built with subscripts.
func moveServer(account: String, host: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrAccount as String: account,
    ]
    var changes = [String: Any]()
    changes[kSecAttrServer as String] = host // want `every internet password the query matches the same kSecAttrServer, and the query does not name one item \(no kSecAttrServer\)`
    changes[kSecAttrLabel as String] = "Mail"
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Reported: a key query by type only gets one application tag for all.
func tagKeys(tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassKey,
        kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
    ]
    SecItemUpdate(query as CFDictionary, [kSecAttrApplicationTag as String: tag] as CFDictionary) // want `every key the query matches the same kSecAttrApplicationTag, and the query does not name one item \(no kSecAttrApplicationTag\)`
}

// Silent: the query names the item (service and account).
func renameOne(service: String, old: String, new: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: old,
    ]
    SecItemUpdate(query as CFDictionary, [kSecAttrAccount as String: new] as CFDictionary)
}

// Silent: the attribute changed is not in the primary key.
func relabel(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    let changes: [String: Any] = [
        kSecAttrLabel as String: "Example",
        kSecValueData as String: Data(),
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Silent: a migration that renames the service of every item of the old
// service: the items keep their accounts and stay distinct.
func migrateService(old: String, new: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: old,
    ]
    SecItemUpdate(query as CFDictionary, [kSecAttrService as String: new] as CFDictionary)
}

// Silent: the account may be in the query (set on some path).
func maybeNamed(service: String, account: String?, new: String) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    if let account = account {
        query[kSecAttrAccount as String] = account
    }
    SecItemUpdate(query as CFDictionary, [kSecAttrAccount as String: new] as CFDictionary)
}

// Silent: the query comes from the caller (not complete here).
func updateWith(query: [String: Any], new: String) {
    SecItemUpdate(query as CFDictionary, [kSecAttrAccount as String: new] as CFDictionary)
}

// Silent: a persistent reference names one item.
func renameByRef(ref: Data, new: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecValuePersistentRef as String: ref,
    ]
    SecItemUpdate(query as CFDictionary, [kSecAttrAccount as String: new] as CFDictionary)
}
