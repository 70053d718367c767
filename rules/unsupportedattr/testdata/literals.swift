import Security

func internetPasswordLiteral(user: String) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrService as String: "api.example.com", // want `kSecAttrService is not an attribute of internet passwords .*errSecNoSuchAttr \(-25303\).*did you mean kSecAttrServer\?`
        kSecAttrAccount as String: user,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

func subscriptWrites(tag: Data) {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassCertificate
    query[kSecAttrApplicationTag as String] = tag // want `kSecAttrApplicationTag is not an attribute of certificates.*did you mean kSecAttrLabel\?`
    query[kSecReturnRef as String] = true
    var item: CFTypeRef?
    _ = SecItemCopyMatching(query as CFDictionary, &item)
}

func keyWithAccount(account: String) {
    let dict = NSMutableDictionary()
    dict.setObject(kSecClassKey, forKey: kSecClass as NSString)
    dict.setObject(account, forKey: kSecAttrAccount as NSString) // want `kSecAttrAccount is not an attribute of keys .*did you mean kSecAttrApplicationTag\?`
    SecItemDelete(dict)
}

func rawStringKeys() {
    let q: NSDictionary = ["class": "genp", "srvr": "example.com", "acct": "me"] // want `"srvr" is not an attribute of generic passwords`
    SecItemDelete(q)
}

// Negatives.

func unknownClass(cls: CFString) {
    let q: [String: Any] = [kSecClass as String: cls, kSecAttrServer as String: "x", kSecAttrService as String: "y"]
    SecItemDelete(q as CFDictionary)
}

func validAttributes() {
    let q: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "svc",
        kSecAttrAccount as String: "me",
        kSecAttrGeneric as String: Data(),
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
    ]
    SecItemAdd(q as CFDictionary, nil)
}

func sameKeyOtherClass() {
    // kSecAttrServer is an attribute of internet passwords.
    let q: [String: Any] = [kSecClass as String: kSecClassInternetPassword, kSecAttrServer as String: "x", kSecAttrPort as String: 443]
    SecItemDelete(q as CFDictionary)
}

func keyTypeIsTypeForPasswords() {
    // kSecAttrType and kSecAttrKeyType are the same runtime key ("type"),
    // which every class has.
    let q: [String: Any] = [kSecClass as String: kSecClassKey, kSecAttrKeyType as String: kSecAttrKeyTypeRSA, kSecAttrType as String: 1]
    SecItemDelete(q as CFDictionary)
}

func identityUnion(tag: Data) {
    // Identities accept certificate and key attributes.
    let q: [String: Any] = [
        kSecClass as String: kSecClassIdentity,
        kSecAttrApplicationTag as String: tag,
        kSecAttrIssuer as String: Data(),
        kSecReturnRef as String: true,
    ]
    SecItemCopyMatching(q as CFDictionary, nil)
}

func identityWithPasswordAttribute() {
    let q: [String: Any] = [kSecClass as String: kSecClassIdentity, kSecAttrService as String: "svc"] // want `kSecAttrService is not an attribute of identities`
    SecItemCopyMatching(q as CFDictionary, nil)
}

func classOnOnePathOnly(flag: Bool) {
    // The class is not known on every path: silent.
    var q = [String: Any]()
    if flag {
        q[kSecClass as String] = kSecClassInternetPassword
    }
    q[kSecAttrService as String] = "svc"
    SecItemDelete(q as CFDictionary)
}

func updateAttributes() {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    let changes: [String: Any] = [kSecAttrServer as String: "x"] // want `kSecAttrServer is not an attribute of generic passwords.*SecItemUpdate.*did you mean kSecAttrService\?`
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}
