import Security

// The read's kSecMatchLimit reaches the delete: one bug. reuseddict names
// the cause and keeps the finding, at error (deletelimit's severity), with
// the key as a related location; deletelimit's own finding at the key is
// folded into it.
func purgeAfterListing() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.overlap",
        kSecReturnAttributes as String: true,
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    var items: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &items)
    SecItemDelete(query as CFDictionary) // want `^SecItemDelete receives the dictionary already used by SecItemCopyMatching on line 15, which still holds kSecMatchLimit`
}

// A retry of the same delete: not a reuse, so deletelimit's finding at the
// key is the only one.
func removeWithRetry(account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.overlap",
        kSecAttrAccount as String: account,
        kSecMatchLimit as String: kSecMatchLimitOne, // want `^kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\)`
    ]
    var status = SecItemDelete(query as CFDictionary)
    if status == errSecInteractionNotAllowed {
        status = SecItemDelete(query as CFDictionary)
    }
}
