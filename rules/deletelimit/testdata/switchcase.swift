import Foundation
import Security

enum Scope {
    case all
    case one
    case shared
}

// A `case` clause under #if os(macOS) is compiled only for macOS: the
// kSecMatchLimit it sets never reaches an iOS delete.
func deleteTokens(service: String, scope: Scope) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    switch scope {
    #if os(macOS)
    case .all:
        query[kSecMatchLimit as String] = kSecMatchLimitAll
    #endif
    case .one:
        query[kSecAttrAccount as String] = "one"
    default:
        break
    }
    SecItemDelete(query as CFDictionary)
}

// #else: the other branch's case is compiled everywhere else, iOS included.
func deleteTokensElse(service: String, scope: Scope) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    switch scope {
    case .one:
        query[kSecAttrAccount as String] = "one"
    #if os(macOS)
    case .all:
        query[kSecMatchLimit as String] = kSecMatchLimitAll
    #else
    case .all:
        query[kSecMatchLimit as String] = kSecMatchLimitAll // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
    #endif
    default:
        break
    }
    SecItemDelete(query as CFDictionary)
}

// #if inside a case narrows the statements of its branches.
func deleteTokensInside(service: String, scope: Scope) {
    var query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: service,
    ]
    switch scope {
    case .all:
        #if os(macOS)
        query[kSecMatchLimit as String] = kSecMatchLimitAll
        #else
        query[kSecAttrSynchronizable as String] = kSecAttrSynchronizableAny
        #endif
    case .shared:
        #if os(iOS)
        query[kSecMatchLimit as String] = kSecMatchLimitAll // want `kSecMatchLimit in a SecItemDelete query makes the delete fail with errSecParam \(-50\) on iOS`
        #endif
    default:
        query[kSecAttrAccount as String] = "one"
    }
    SecItemDelete(query as CFDictionary)
}
