import Security

// A loop over a literal array of classes runs the body once per class
// (issue 11, item 8): kSecAttrService is no attribute of an internet
// password, so the internet-password iteration fails.
func wipeService(_ service: String) {
    for cls in [kSecClassGenericPassword, kSecClassInternetPassword] {
        let query: [CFString: Any] = [
            kSecClass: cls,
            kSecAttrService: service, // want `^kSecAttrService is not an attribute of internet passwords \(kSecClassInternetPassword\)`
        ]
        SecItemDelete(query as CFDictionary)
    }
}

// Negative: kSecAttrAccount belongs to both classes.
func wipeAccount(_ account: String) {
    for cls in [kSecClassGenericPassword, kSecClassInternetPassword] {
        SecItemDelete([kSecClass: cls, kSecAttrAccount: account] as CFDictionary)
    }
}

// Negative: each branch sets the attribute of its own class; the joined
// dictionary has both classes and both attributes on some path only.
func wipeEither(_ name: String, internet: Bool) {
    var query: [CFString: Any] = [:]
    if internet {
        query[kSecClass] = kSecClassInternetPassword
        query[kSecAttrServer] = name
    } else {
        query[kSecClass] = kSecClassGenericPassword
        query[kSecAttrService] = name
    }
    SecItemDelete(query as CFDictionary)
}
