import Security

// Protection changes in a Swift literal passed as attributesToUpdate: the
// data-protection keychain re-protects the item, and on the macOS file
// keychain only the label changes (the same keys were ignored there when
// the item was added). Nothing to report.
func reprotect(query: [String: Any], access: SecAccessControl) {
    let changes: [String: Any] = [
        kSecAttrAccessControl as String: access,
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
        kSecAttrLabel as String: "relabelled",
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func moveToToken(query: [String: Any]) {
    let changes: [String: Any] = [
        kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave, // want `^kSecAttrTokenID cannot be changed after the item is created: remove it from the attributes to update`
    ]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// An inline literal that changes only the accessibility, with a query that
// can reach the macOS file keychain: a note.
func reprotectInline(query: [String: Any]) {
    SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly] as CFDictionary) // want `^kSecAttrAccessible is skipped for items in the macOS file keychain, which this update can reach \(its query has no kSecUseDataProtectionKeychain: true\): the file keychain has no protection classes, so there this update changes nothing; on iOS and in the data-protection keychain it re-protects the item$`
}
