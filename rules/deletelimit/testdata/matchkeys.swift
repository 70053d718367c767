import Foundation
import Security

func deleteOneToken(service: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: account,
        kSecMatchLimit as String: kSecMatchLimitOne, // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
    ]
    SecItemDelete(query as CFDictionary)
}

func deleteAllTokens(service: String) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    query[kSecMatchLimit as String] = kSecMatchLimitAll // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
    SecItemDelete(query as CFDictionary)
}

func deleteCaseInsensitive(service: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: account,
        kSecMatchCaseInsensitive as String: true, // want `kSecMatchCaseInsensitive in a SecItemDelete query makes the delete fail with errSecParam \(-50\)`
    ]
    SecItemDelete(query as CFDictionary)
}

// The key is written by a helper: the finding is at the key.
func limitedQuery(service: String) -> [String: Any] {
    [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecMatchLimit as String: kSecMatchLimitAll, // want `kSecMatchLimit in a SecItemDelete query`
    ]
}

func deleteThroughHelper() {
    SecItemDelete(limitedQuery(service: "svc") as CFDictionary)
}

// The key is written by an inout helper.
func addLimit(_ query: inout [String: Any]) {
    query[kSecMatchLimit as String] = kSecMatchLimitAll // want `kSecMatchLimit in a SecItemDelete query`
}

func deleteWithLimitHelper() {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    addLimit(&query)
    SecItemDelete(query as CFDictionary)
}

// Negatives.

// A helper that adds the limit for macOS only.
func addMacLimit(_ query: inout [String: Any]) {
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitAll
    #endif
}

func deleteWithMacLimitHelper() {
    var query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc"]
    addMacLimit(&query)
    SecItemDelete(query as CFDictionary)
}

// The limit only where the macOS file keychain needs it.
func deleteAllCrossPlatform(service: String) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    #if os(macOS)
    query[kSecMatchLimit as String] = kSecMatchLimitAll
    #endif
    SecItemDelete(query as CFDictionary)
}

#if os(macOS)
func deleteAllOnMac(service: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    SecItemDelete(query as CFDictionary)
}
#endif

// A match limit in a read is fine.
func readOne(service: String, account: String) {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
        kSecAttrAccount as String: account,
        kSecMatchLimit as String: kSecMatchLimitOne,
        kSecReturnData as String: true,
    ]
    var result: CFTypeRef?
    SecItemCopyMatching(query as CFDictionary, &result)
}
