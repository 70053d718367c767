import Security

// The access control of a Secure Enclave key lives on the token: an update
// cannot change it.
func requireBiometry(tag: Data, access: SecAccessControl) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassKey,
        kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave,
        kSecAttrApplicationTag as String: tag,
    ]
    let changes: [String: Any] = [
        kSecAttrAccessControl as String: access, // want `^kSecAttrAccessControl cannot change the access control of a key on a token \(the query names kSecAttrTokenID, e.g. a Secure Enclave key\): the token keeps the access control the key was created with and SecItemUpdate drops the new one without an error; to protect the key differently, generate a new key with that access control$`
        kSecAttrLabel as String: "signing key",
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// The token ID written on one path only: may be a token item.
func requireBiometry(tag: Data, access: SecAccessControl, enclave: Bool) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassKey,
        kSecAttrApplicationTag as String: tag,
    ]
    if enclave {
        query[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave
    }
    let changes: [String: Any] = [kSecAttrAccessControl as String: access, kSecAttrLabel as String: "k"] // want `^kSecAttrAccessControl cannot change the access control of a key on a token`
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// A key in the keychain itself (no token): re-protected like any item.
func reprotectSoftwareKey(tag: Data, access: SecAccessControl) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassKey,
        kSecAttrApplicationTag as String: tag,
        kSecUseDataProtectionKeychain as String: true,
    ]
    let changes: [String: Any] = [kSecAttrAccessControl as String: access]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
