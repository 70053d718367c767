import Foundation
import Security

final class TokenStore {
    let service = "com.example.auth"
    let account = "token"

    var query: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    // guard status == errSecSuccess else { delete }
    func loadGuard() -> Data? {
        var q = query
        q[kSecReturnData as String] = true
        var result: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &result)
        guard status == errSecSuccess, let data = result as? Data else {
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 21 may have failed with errSecInteractionNotAllowed \(-25308\)`
            return nil
        }
        return data
    }

    // if status != errSecSuccess { delete }
    func loadIfNotSuccess() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status != errSecSuccess {
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 32 may have failed`
            return nil
        }
        return result as? Data
    }

    // switch with default: delete
    func loadSwitch() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            return result as? Data
        case errSecItemNotFound:
            return nil
        default:
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 43 may have failed`
            return nil
        }
    }

    // The read inside the condition.
    func loadInline() -> Data? {
        var result: CFTypeRef?
        if SecItemCopyMatching(query as CFDictionary, &result) != noErr {
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 58 may have failed`
            return nil
        }
        return result as? Data
    }

    // Negatives.

    // An earlier exit on errSecInteractionNotAllowed.
    func loadEarlyExit() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status == errSecInteractionNotAllowed {
            return nil
        }
        guard status == errSecSuccess else {
            SecItemDelete(query as CFDictionary)
            return nil
        }
        return result as? Data
    }

    // A case that handles errSecInteractionNotAllowed before default.
    func loadSwitchHandled() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            return result as? Data
        case errSecItemNotFound, errSecInteractionNotAllowed:
            return nil
        default:
            SecItemDelete(query as CFDictionary)
            return nil
        }
    }

    // A delete only when the item is missing.
    func cleanUpIfMissing() {
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        if status == errSecItemNotFound {
            SecItemDelete(query as CFDictionary)
        }
    }

    // A delete after decoding failed on a successful read.
    func loadDecoded() -> String? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        guard status == errSecSuccess else { return nil }
        guard let data = result as? Data, let token = decode(data) else {
            SecItemDelete(query as CFDictionary)
            return nil
        }
        return token
    }

    func decode(_ data: Data) -> String? {
        String(data: data, encoding: .utf8)
    }
}
