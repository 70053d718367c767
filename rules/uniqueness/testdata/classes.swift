import Foundation
import Security

// A certificate looked up by label only: the label identifies it in
// practice but is not part of its primary key (issuer, serial number).
func installCertificate(_ cert: SecCertificate) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassCertificate,
        kSecAttrLabel as String: "Example CA", // want `^kSecAttrLabel is not part of what makes a certificate unique: .*SecItemAdd on line 17 then fails with errSecDuplicateItem \(-25299\); look the item up by its primary key \(kSecAttrIssuer, kSecAttrSerialNumber\) only$`
    ]
    if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
        let item: [String: Any] = [
            kSecClass as String: kSecClassCertificate,
            kSecAttrLabel as String: "Example CA",
            kSecValueRef as String: cert,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}

// A key looked up by tag and label: the label is not part of a key's
// primary key, the application tag is.
func storeKey(_ key: SecKey, tag: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassKey,
        kSecAttrApplicationTag as String: tag,
        kSecAttrLabel as String: "Signing key", // want `^kSecAttrLabel is not part of what makes a key unique: .*primary key \(kSecAttrApplicationTag, kSecAttrApplicationLabel\) only$`
    ]
    let status = SecItemCopyMatching(query as CFDictionary, nil)
    if status == errSecItemNotFound {
        let item: [String: Any] = [
            kSecClass as String: kSecClassKey,
            kSecAttrApplicationTag as String: tag,
            kSecValueRef as String: key,
        ]
        SecItemAdd(item as CFDictionary, nil)
    }
}
