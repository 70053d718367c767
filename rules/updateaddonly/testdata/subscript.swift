import Security

// attributesToUpdate written with subscripts: the data and the protection
// change together (the data-protection keychain re-protects the item); the
// token ID cannot change.
func reprotectSubscript(query: [String: Any], access: SecAccessControl, data: Data) {
    var attributes = [String: Any]()
    attributes[kSecValueData as String] = data
    attributes[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked
    attributes[kSecAttrAccessControl as String] = access
    attributes[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave // want `^kSecAttrTokenID cannot be changed after the item is created`
    SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
}

// Written on one path only, next to a label: nothing to report.
func reprotectSometimes(query: [String: Any], strict: Bool) {
    var update: [String: Any] = [kSecAttrLabel as String: "x"]
    if strict {
        update[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
    }
    SecItemUpdate(query as CFDictionary, update as CFDictionary)
}
