import Foundation
import Security

final class CredentialStore {
    let service = "com.example.credentials"

    func baseQuery(account: String) -> [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    // Deletes every credential of the service.
    func removeAll() {
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        SecItemDelete(query as CFDictionary)
    }

    func deleteToken() {
        SecItemDelete(baseQuery(account: "token") as CFDictionary)
    }

    // Reads the token; nil whenever the read fails, for any reason.
    func readToken() -> String? {
        var query = baseQuery(account: "token")
        query[kSecReturnData as String] = true
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status != errSecSuccess {
            return nil
        }
        guard let data = result as? Data else { return nil }
        return String(data: data, encoding: .utf8)
    }

    // Reads the token; nil on errSecInteractionNotAllowed (try again
    // later), and only then deletes the item on other failures.
    func readTokenOrReset() -> String? {
        var query = baseQuery(account: "token")
        query[kSecReturnData as String] = true
        var result: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status == errSecInteractionNotAllowed {
            return nil
        }
        guard status == errSecSuccess, let data = result as? Data else {
            SecItemDelete(baseQuery(account: "token") as CFDictionary)
            return nil
        }
        return String(data: data, encoding: .utf8)
    }

    // Reads the token, then deletes when the helper read fails: reported.
    func restoreSession() {
        guard let token = readToken() else {
            deleteToken() // want `deleteToken \(which calls SecItemDelete\) runs after readToken \(which reads with SecItemCopyMatching\) on line 60 may have failed with errSecInteractionNotAllowed`
            return
        }
        print(token)
    }

    // A helper that deletes, called after a failed direct read in the same file.
    func loadOrWipe() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(baseQuery(account: "token") as CFDictionary, &result)
        guard status == errSecSuccess else {
            removeAll() // want `removeAll \(which calls SecItemDelete\) runs after SecItemCopyMatching on line 70 may have failed`
            return nil
        }
        return result as? Data
    }

    // Negatives.

    // The helper exits early on errSecInteractionNotAllowed before its own
    // delete; the caller does not delete.
    func restoreSessionSafely() {
        guard let token = readTokenOrReset() else {
            return
        }
        print(token)
    }

    // Deletes only when the helper's read found the item (success path).
    func rotateToken() {
        if let token = readToken() {
            print(token)
            deleteToken()
        }
    }
}
