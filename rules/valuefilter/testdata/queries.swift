import Security

// A read that "checks" a PIN by putting it in the query: the read finds
// the item whatever it stores.
func pinMatches(_ pin: String) -> Bool {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "pin",
        kSecAttrAccount as String: "me",
        kSecValueData as String: Data(pin.utf8), // want `^kSecValueData in the query of SecItemCopyMatching does not select the item: the keychain uses the data of SecItemAdd only and finds items by their attributes: this read finds the item whatever secret it stores`
    ]
    return SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess
}

// A delete of "the item with this token".
func forget(token: Data) {
    var query = [String: Any]()
    query[kSecClass as String] = kSecClassGenericPassword
    query[kSecAttrService as String] = "tokens"
    query[kSecValueData as String] = token // want `^kSecValueData in the query of SecItemDelete does not select the item: .* this delete removes every item the other attributes match`
    SecItemDelete(query as CFDictionary)
}

// An update whose query names the old secret.
func rotate(old: Data, new: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: "me",
        kSecValueData as String: old, // want `^kSecValueData in the query of SecItemUpdate does not select the item: .* this update changes every item`
    ]
    let changes: [String: Any] = [kSecValueData as String: new]
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

// Negative: kSecValueData only in the add.
func store(secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Negative: kSecValueData in attributesToUpdate.
func update(secret: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: "me",
    ]
    SecItemUpdate(query as CFDictionary, [kSecValueData as String: secret] as CFDictionary)
}

// Negative: a read that names the item by reference.
func readByRef(ref: Data, key: SecKey) {
    let byPersistent: [String: Any] = [
        kSecValuePersistentRef as String: ref,
        kSecReturnData as String: true,
    ]
    SecItemCopyMatching(byPersistent as CFDictionary, nil)
    let byRef: [String: Any] = [
        kSecValueRef as String: key,
        kSecReturnAttributes as String: true,
    ]
    SecItemCopyMatching(byRef as CFDictionary, nil)
}

// Negative: a save that deletes with the add's own dictionary, then adds:
// the data key is inert in the delete, which does what the author meant.
func save(secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: "me",
        kSecValueData as String: secret,
    ]
    SecItemDelete(item as CFDictionary)
    SecItemAdd(item as CFDictionary, nil)
}
