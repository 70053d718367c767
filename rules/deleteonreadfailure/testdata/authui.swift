import Foundation
import Security

// Reads that suppress the authentication UI: errSecInteractionNotAllowed
// (-25308) then also means "the item exists but needs Touch ID, Face ID or
// the passcode".
final class ProtectedStore {
    var base: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.protected",
            kSecAttrAccount as String: "secret",
        ]
    }

    // Any failure deletes: the message says that -25308 may be an item
    // protected by user authentication.
    func loadOrReset() -> Data? {
        var q = base
        q[kSecReturnData as String] = true
        q[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUIFail
        var result: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &result)
        guard status == errSecSuccess else {
            SecItemDelete(base as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 23 may have failed with errSecInteractionNotAllowed \(-25308\); the read passes kSecUseAuthenticationUIFail, so this status also means the item exists but needs user authentication \(Touch ID, Face ID or the passcode\)`
            return nil
        }
        return result as? Data
    }

    // kSecUseAuthenticationUISkip, same.
    func loadSkipOrReset() -> Data? {
        var q = base
        q[kSecReturnData as String] = true
        q[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUISkip
        var result: CFTypeRef?
        let status = SecItemCopyMatching(q as CFDictionary, &result)
        if status != errSecSuccess {
            SecItemDelete(base as CFDictionary) // want `the read passes kSecUseAuthenticationUISkip, so this status also means the item exists but needs user authentication`
            return nil
        }
        return result as? Data
    }

    // The code treats -25308 as "the item exists" (grouped with success)
    // and overwrites it: silent.
    func overwrite(_ data: Data) {
        var q = base
        q[kSecUseAuthenticationUI as String] = kSecUseAuthenticationUIFail
        let status = SecItemCopyMatching(q as CFDictionary, nil)
        switch status {
        case errSecSuccess, errSecInteractionNotAllowed:
            if status == errSecInteractionNotAllowed {
                SecItemDelete(base as CFDictionary)
                var add = base
                add[kSecValueData as String] = data
                SecItemAdd(add as CFDictionary, nil)
            } else {
                SecItemUpdate(base as CFDictionary, [kSecValueData as String: data] as CFDictionary)
            }
        default:
            break
        }
    }

    // The deprecated kSecUseNoAuthenticationUI: true, compared explicitly
    // with errSecInteractionNotAllowed: silent.
    func replaceIfProtected(_ data: Data) {
        var q = base
        q[kSecUseNoAuthenticationUI as String] = kCFBooleanTrue
        let status = SecItemCopyMatching(q as CFDictionary, nil)
        if status == errSecInteractionNotAllowed {
            SecItemDelete(base as CFDictionary)
        }
    }

    // Without the UI keys, the same explicit comparison is still reported:
    // -25308 then only means the device is locked.
    func replaceIfLocked() {
        let status = SecItemCopyMatching(base as CFDictionary, nil)
        if status == errSecInteractionNotAllowed {
            SecItemDelete(base as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 80 may have failed with errSecInteractionNotAllowed \(-25308\), which only means the device is locked`
        }
    }
}
