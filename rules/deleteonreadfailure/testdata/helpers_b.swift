import Foundation
import Security

// Uses the helpers of helpers_a.swift: the findings are at the calls here.
extension CredentialStore {
    func signOutOnFailure() -> Data? {
        var result: CFTypeRef?
        let status = SecItemCopyMatching(baseQuery(account: "refresh") as CFDictionary, &result)
        if status != errSecSuccess {
            removeAll() // want `removeAll \(which calls SecItemDelete\) runs after SecItemCopyMatching on line 8 may have failed`
            return nil
        }
        return result as? Data
    }

    func resumeOrReset() {
        guard let token = readToken() else {
            deleteToken() // want `deleteToken \(which calls SecItemDelete\) runs after readToken \(which reads with SecItemCopyMatching\) on line 17 may have failed`
            return
        }
        print(token)
    }

    func resumeOnlyIfMissing() {
        let status = SecItemCopyMatching(baseQuery(account: "refresh") as CFDictionary, nil)
        switch status {
        case errSecItemNotFound:
            removeAll()
        default:
            break
        }
    }
}
