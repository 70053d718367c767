//
//  TokenStore.swift
//  Notes
//
//  Keeps the OAuth tokens of signed-in accounts in the keychain.
//

import Foundation
import Security

struct OAuthToken: Codable, Equatable {
    var accessToken: String
    var refreshToken: String
    var expiresAt: Date
}

enum TokenStoreError: Error {
    case locked
    case encodingFailed
    case unexpectedStatus(OSStatus)
}

final class TokenStore {
    static let shared = TokenStore(service: "com.example.notes.oauth")

    let service: String

    init(service: String) {
        self.service = service
    }

    // MARK: - Queries

    private func baseQuery(account: String) -> [String: Any] {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
        #if os(macOS)
        query[kSecUseDataProtectionKeychain as String] = true
        #endif
        return query
    }

    // MARK: - Save

    func save(_ token: OAuthToken, account: String) throws {
        guard let data = try? JSONEncoder().encode(token) else {
            throw TokenStoreError.encodingFailed
        }
        let query = baseQuery(account: account)

        let status: OSStatus
        if SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess {
            let attributes: [String: Any] = [kSecValueData as String: data]
            status = SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
        } else {
            var newItem = query
            newItem[kSecValueData as String] = data
            newItem[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
            status = SecItemAdd(newItem as CFDictionary, nil)
        }
        guard status == errSecSuccess else {
            throw TokenStoreError.unexpectedStatus(status)
        }
    }

    // MARK: - Read

    func readToken(account: String) throws -> OAuthToken? {
        var query = baseQuery(account: account)
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne

        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            guard let data = result as? Data,
                  let token = try? JSONDecoder().decode(OAuthToken.self, from: data) else {
                // Written by a version of the app whose format we no longer understand.
                SecItemDelete(baseQuery(account: account) as CFDictionary)
                return nil
            }
            return token
        case errSecItemNotFound:
            return nil
        case errSecInteractionNotAllowed:
            throw TokenStoreError.locked
        default:
            throw TokenStoreError.unexpectedStatus(status)
        }
    }

    /// Called from `application(_:didFinishLaunchingWithOptions:)`. A token we cannot
    /// read is treated as a signed-out session.
    func restoreSession(account: String) -> OAuthToken? {
        var query = baseQuery(account: account)
        query[kSecReturnData as String] = true

        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        guard status == errSecSuccess,
              let data = result as? Data,
              let token = try? JSONDecoder().decode(OAuthToken.self, from: data) else {
            SecItemDelete(baseQuery(account: account) as CFDictionary)
            return nil
        }
        return token
    }

    // MARK: - Update

    /// Background refresh runs while the device may be locked; items written by
    /// version 1.x used the default protection class.
    func allowBackgroundRefresh(account: String) throws {
        let attributes: [String: Any] = [
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
        ]
        let status = SecItemUpdate(baseQuery(account: account) as CFDictionary, attributes as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw TokenStoreError.unexpectedStatus(status)
        }
    }

    // MARK: - Delete

    func delete(account: String) throws {
        let status = SecItemDelete(baseQuery(account: account) as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw TokenStoreError.unexpectedStatus(status)
        }
    }

    /// Signs every account out of this device.
    func deleteAllAccounts() {
        var query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
        ]
        #if os(macOS)
        // The file-based keychain removes only the first match unless asked for all.
        query[kSecMatchLimit as String] = kSecMatchLimitAll
        #endif
        SecItemDelete(query as CFDictionary)
    }

    // MARK: - Installation identifier

    private static let installationAccount = "installation-id"
    private static let installationFormat = Data("v2".utf8)

    /// An identifier that survives reinstalls, sent with analytics events.
    func installationID() -> String? {
        var query = baseQuery(account: TokenStore.installationAccount)
        query[kSecAttrGeneric as String] = TokenStore.installationFormat
        query[kSecReturnData as String] = true

        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        if status == errSecSuccess, let data = result as? Data {
            return String(decoding: data, as: UTF8.self)
        }
        guard status == errSecItemNotFound else {
            return nil
        }

        let newID = UUID().uuidString
        var newItem = baseQuery(account: TokenStore.installationAccount)
        newItem[kSecAttrGeneric as String] = TokenStore.installationFormat
        newItem[kSecValueData as String] = Data(newID.utf8)
        newItem[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
        guard SecItemAdd(newItem as CFDictionary, nil) == errSecSuccess else {
            return nil
        }
        return newID
    }
}
