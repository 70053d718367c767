import Security

// Add-only attributes written into attributesToUpdate with subscripts.
func reprotectSubscript(query: [String: Any], access: SecAccessControl, data: Data) {
    var attributes = [String: Any]()
    attributes[kSecValueData as String] = data
    attributes[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlocked // want `^kSecAttrAccessible in the attributes to update re-protects the item`
    attributes[kSecAttrAccessControl as String] = access // want `^kSecAttrAccessControl in the attributes to update re-protects the item`
    attributes[kSecAttrTokenID as String] = kSecAttrTokenIDSecureEnclave // want `^kSecAttrTokenID cannot be changed after the item is created`
    SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
}

// Written on one path only: still reported (the key may be present).
func reprotectSometimes(query: [String: Any], strict: Bool) {
    var update: [String: Any] = [kSecAttrLabel as String: "x"]
    if strict {
        update[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly // want `^kSecAttrAccessible in the attributes to update`
    }
    SecItemUpdate(query as CFDictionary, update as CFDictionary)
}
