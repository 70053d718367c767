import Security

// attributesToUpdate built by a helper; the update is in helper_update.swift.
struct ProtectionChanges {
    // Only the protection: on the macOS file keychain the update changes
    // nothing (a note, with the update as a related location).
    static func strict() -> [String: Any] {
        var changes = [String: Any]()
        changes[kSecAttrAccessible as String] = kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly // want `^kSecAttrAccessible is skipped for items in the macOS file keychain`
        return changes
    }

    static func onToken() -> [String: Any] {
        return [kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave] // want `^kSecAttrTokenID cannot be changed after the item is created`
    }
}
