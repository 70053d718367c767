// String literals that spell a Security constant's name are sent as that
// string, not as the constant's value.
import Security

final class LiteralKeys {
    func save(account: String, secret: Data) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            "kSecAttrService": "com.example.literal", // want `^"kSecAttrService" is the name of kSecAttrService, not its value: the keychain receives the key "kSecAttrService" instead of "svce"`
            kSecAttrAccount as String: account,
            kSecValueData as String: secret,
        ]
        return SecItemAdd(query as CFDictionary, nil)
    }

    func read(account: String) -> OSStatus {
        var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
        query["kSecAttrAccount"] = account // want `^"kSecAttrAccount" is the name of kSecAttrAccount`
        query[kSecReturnData as String] = true
        return SecItemCopyMatching(query as CFDictionary, nil)
    }

    // The key comes from a property and from a helper: reported where it
    // is used as a key.
    private let serviceKey = "kSecAttrService"
    private func accountKey() -> String { return "kSecAttrAccount" }

    func delete(account: String) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            serviceKey: "com.example.literal", // want `^serviceKey \("kSecAttrService"\) is the name of kSecAttrService`
            accountKey(): account, // want `^accountKey\(\) \("kSecAttrAccount"\) is the name of kSecAttrAccount`
        ]
        return SecItemDelete(query as CFDictionary)
    }

    // attributesToUpdate is a dictionary of keys too.
    func update(account: String, secret: Data) -> OSStatus {
        let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
        let attrs: [String: Any] = ["kSecValueData": secret] // want `^"kSecValueData" is the name of kSecValueData`
        return SecItemUpdate(query as CFDictionary, attrs as CFDictionary)
    }
}

// Silent: the short values already are the keys' values, a constant name
// as a value, a name that is no keychain key, and a dictionary that never
// reaches a SecItem call.
final class NotLiteralKeys {
    func save(account: String, secret: Data) -> OSStatus {
        let query: [String: Any] = [
            "class": kSecClassGenericPassword,
            "svce": "com.example.short",
            "acct": account,
            kSecAttrLabel as String: "kSecAttrAccount",
            kSecValueData as String: secret,
        ]
        return SecItemAdd(query as CFDictionary, nil)
    }

    func log(account: String) {
        let info: [String: Any] = ["kSecAttrAccount": account, "kSecFooBar": 1]
        print(info)
        UserDefaults.standard.set(account, forKey: "kSecAttrAccount")
    }
}

// Keys from a String enum: the raw value written, or the case name when
// none is.
enum KeychainKey: String {
    case service = "kSecAttrService"
    case kSecAttrAccount
    case label = "labl"
}

final class EnumKeys {
    func save(account: String, secret: Data) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            KeychainKey.service.rawValue: "com.example.enum", // want `^KeychainKey.service.rawValue \("kSecAttrService"\) is the name of kSecAttrService`
            KeychainKey.kSecAttrAccount.rawValue: account, // want `^KeychainKey.kSecAttrAccount.rawValue \("kSecAttrAccount"\) is the name of kSecAttrAccount`
            KeychainKey.label.rawValue: "short value, silent",
            kSecValueData as String: secret,
        ]
        return SecItemAdd(query as CFDictionary, nil)
    }
}

// An enum whose raw type is not String has no string raw values.
enum Slot: Int {
    case kSecAttrAccount = 1
}
