import Security

// attributesToUpdate built by a helper; the update is in helper_update.swift.
struct ProtectionChanges {
    static func strict(data: Data) -> [String: Any] {
        var changes = [String: Any]()
        changes[kSecValueData as String] = data
        changes[kSecAttrAccessible as String] = kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly // want `^kSecAttrAccessible in the attributes to update re-protects the item`
        return changes
    }

    static func onToken() -> [String: Any] {
        return [kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave] // want `^kSecAttrTokenID cannot be changed after the item is created`
    }
}
