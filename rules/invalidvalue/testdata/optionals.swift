import Security

struct Params {
    var key: String?
    var service: String
}

final class Store {
    var accessGroup: String?
    var user: String?
    var label: String = "l"

    // A stored Optional boxed into Any: NSNull when it is nil.
    func save(secret: Data) {
        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecValueData as String: secret]
        q[kSecAttrAccessGroup as String] = accessGroup as Any // want `^accessGroup is an Optional boxed into Any as the value of kSecAttrAccessGroup: when it is nil, Swift passes NSNull, which securityd cannot convert to the attribute's type, and SecItemAdd fails with errSecParam \(-50\)`
        q[kSecAttrAccount as String] = self.user as Any // want `^self\.user is an Optional boxed into Any as the value of kSecAttrAccount`
        SecItemAdd(q as CFDictionary, nil)
    }

    // Negative: a closure's parameter is not the property it shadows.
    func saveAll(names: [String], secret: Data) {
        names.forEach { user in
            let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: user as Any, kSecValueData as String: secret]
            SecItemAdd(q as CFDictionary, nil)
        }
    }

    // Negative: nor is a local of the enclosing function that a nested
    // function reads.
    func saveNested(secret: Data) {
        let user = "fixed"
        func add() {
            let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: user as Any, kSecValueData as String: secret]
            SecItemAdd(q as CFDictionary, nil)
        }
        add()
    }

    // Negatives: the subscript takes an Optional (nil removes the key),
    // setValue(_:forKey:) too, and a nil check unwraps.
    func saveChecked(secret: Data) {
        var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecValueData as String: secret]
        q[kSecAttrAccessGroup as String] = accessGroup
        (q as NSDictionary).setValue(user, forKey: kSecAttrAccount as String)
        q[kSecAttrLabel as String] = label as Any
        SecItemAdd(q as CFDictionary, nil)
    }
}

// An Optional parameter or local in a literal, `as Any` or not.
func saveAccount(account: String?, secret: Data) {
    let service: String? = ProcessInfo.processInfo.environment["SERVICE"]
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account as Any, // want `^account is an Optional boxed into Any as the value of kSecAttrAccount`
        kSecAttrService as String: service, // want `^service is an Optional boxed into Any as the value of kSecAttrService`
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

func relabel(query: [String: Any], label: String?, params: Params) {
    var changes = [String: Any]()
    changes.updateValue(label as Any, forKey: kSecAttrLabel as String) // want `^label is an Optional boxed into Any as the value of kSecAttrLabel: when it is nil, Swift passes NSNull, which securityd cannot convert to the attribute's type, and SecItemUpdate fails`
    changes[kSecAttrAccount as String] = params.key as Any // want `^params\.key is an Optional boxed into Any as the value of kSecAttrAccount`
    changes[kSecAttrService as String] = params.service as Any
    SecItemUpdate(query as CFDictionary, changes as CFDictionary)
}

func explicitNull(secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: NSNull(), // want `^NSNull as the value of kSecAttrAccount: securityd cannot convert it to the attribute's type, and SecItemAdd fails with errSecParam \(-50\)`
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Negatives: unwrapped optionals.
func saveUnwrapped(account: String?, service: String?, group: String?, label: String?, secret: Data) {
    guard let service = service else { return }
    var item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccessGroup as String: group ?? "team.shared",
        kSecAttrLabel as String: label! as Any,
        kSecValueData as String: secret,
    ]
    if let account = account {
        item[kSecAttrAccount as String] = account as Any
    }
    if label != nil {
        item[kSecAttrDescription as String] = label as Any
    }
    item[kSecAttrComment as String] = account
    SecItemAdd(item as CFDictionary, nil)
}

// Negative: a value of unknown type.
func saveUnknown(secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: currentUser() as Any,
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

func currentUser() -> String? { nil }

// A Bool or number where the key needs text, and a String for data.
func saveFlags(flag: Bool, count: Int, text: String) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: true, // want `^a boolean \(true\) as kSecAttrAccount: securityd converts the value of this attribute only from a string or data, and SecItemAdd fails with errSecParam \(-50\)`
        kSecAttrLabel as String: flag, // want `^a Bool \(flag\) as kSecAttrLabel: securityd converts the value of this attribute only from a string or data`
        kSecAttrAccessGroup as String: count, // want `^an Int \(count\) as kSecAttrAccessGroup: securityd converts the value of this attribute only from a string,`
        kSecValueData as String: text, // want `^a String \(text\) as kSecValueData is not data: securityd rejects it and SecItemAdd fails with errSecParam \(-50\)`
    ]
    SecItemAdd(item as CFDictionary, nil)
}

// Negatives: true for boolean keys, a number for a Blob attribute (which
// converts it), an Int for a number attribute.
func saveFlagsRight(count: Int, secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: count,
        kSecAttrService as String: 42,
        kSecAttrCreator as String: count,
        kSecAttrSynchronizable as String: true,
        kSecReturnData as String: kCFBooleanTrue!,
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}

#if os(macOS)
// Negative: the macOS file keychain (not verified for NSNull: silent).
func saveAccountMac(account: String?, secret: Data) {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account as Any,
        kSecValueData as String: secret,
    ]
    SecItemAdd(item as CFDictionary, nil)
}
#endif
