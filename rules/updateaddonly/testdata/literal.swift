import Security

// Add-only attributes in a Swift literal passed as attributesToUpdate.
func reprotect(query: [String: Any], access: SecAccessControl) {
    let changes: [String: Any] = [
        kSecAttrAccessControl as String: access, // want `^kSecAttrAccessControl in the attributes to update re-protects the item: SecItemUpdate then fails whenever the item cannot be decrypted \(device locked: errSecInteractionNotAllowed \(-25308\)`
        kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, // want `^kSecAttrAccessible in the attributes to update re-protects the item.*read the data, delete the item and add it again`
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

// An inline literal as the second argument.
func reprotectInline(query: [String: Any]) {
    SecItemUpdate(query as CFDictionary, [kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly] as CFDictionary) // want `^kSecAttrAccessible in the attributes to update`
}
