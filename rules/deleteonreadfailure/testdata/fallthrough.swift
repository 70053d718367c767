// A case that ends in `fallthrough` runs the next case's body with its own
// status: a delete under `case errSecItemNotFound:` also runs on
// errSecInteractionNotAllowed (-25308) when that case falls through.
import Foundation
import Security

final class FallthroughStore {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.fallthrough",
        kSecAttrAccount as String: "token",
    ]

    func resetLocked() {
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        switch status {
        case errSecInteractionNotAllowed:
            fallthrough
        case errSecItemNotFound:
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 15 may have failed with errSecInteractionNotAllowed \(-25308\)`
        default:
            break
        }
    }

    func resetLockedLogged() {
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        switch status {
        case errSecInteractionNotAllowed:
            print("keychain locked")
            fallthrough
        case errSecItemNotFound:
            SecItemDelete(query as CFDictionary) // want `SecItemDelete runs after SecItemCopyMatching on line 27 may have failed with errSecInteractionNotAllowed \(-25308\)`
        default:
            break
        }
    }

    // Negatives: without the fallthrough the delete runs only on
    // errSecItemNotFound.
    func resetMissing() {
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        switch status {
        case errSecInteractionNotAllowed:
            print("keychain locked")
        case errSecItemNotFound:
            SecItemDelete(query as CFDictionary)
        default:
            break
        }
    }

    // The locked case falls through only to a case that does not delete.
    func reportLocked() {
        let status = SecItemCopyMatching(query as CFDictionary, nil)
        switch status {
        case errSecItemNotFound:
            SecItemDelete(query as CFDictionary)
        case errSecInteractionNotAllowed:
            print("keychain locked")
            fallthrough
        default:
            print("not read")
        }
    }
}
