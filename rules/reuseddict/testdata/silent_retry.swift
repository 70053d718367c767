import Foundation
import Security

func isTransient(_ status: OSStatus) -> Bool {
    return status == errSecInteractionNotAllowed || status == errSecNotAvailable
}

// A retry of the very same delete with the unchanged query is not a reuse:
// the kSecMatchLimit is wrong in the first call already (deletelimit
// reports it at the key), and retrying adds nothing to it.
func removeWithRetries(account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrAccount as String: account,
        kSecAttrServer as String: "example.com",
        kSecMatchLimit as String: kSecMatchLimitOne,
        kSecReturnAttributes as String: true,
    ]
    var status = SecItemDelete(query as CFDictionary)
    if isTransient(status) {
        for delay in [0.1, 0.5, 1.0] {
            Thread.sleep(forTimeInterval: delay)
            status = SecItemDelete(query as CFDictionary)
            if !isTransient(status) {
                break
            }
        }
    }
}

// The same with a while loop on the status.
func removeWhileLocked(account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    var status = SecItemDelete(query as CFDictionary)
    while status == errSecInteractionNotAllowed {
        status = SecItemDelete(query as CFDictionary)
    }
}

// A second identical update right after a failed status.
func updateTwice(account: String, data: Data) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecReturnData as String: true,
    ]
    let changes: [String: Any] = [kSecValueData as String: data]
    var status = SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    if status != errSecSuccess {
        status = SecItemUpdate(query as CFDictionary, changes as CFDictionary)
    }
}
