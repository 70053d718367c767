//
//  PasswordVault.swift
//  Notes
//
//  Logins for the WebDAV and CalDAV servers the user syncs notes with.
//

import Foundation
import Security

struct ServerCredential: Equatable {
    let server: String
    let account: String
    let password: String
}

enum PasswordVaultError: Error {
    case notFound
    case locked
    case unexpectedStatus(OSStatus)
}

final class PasswordVault {
    static let baseQuery: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrProtocol as String: kSecAttrProtocolHTTPS,
    ]

    // MARK: - Add

    func add(_ credential: ServerCredential) throws {
        let status = SecItemAdd([
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrServer as String: credential.server,
            kSecAttrAccount as String: credential.account,
            kSecAttrProtocol as String: kSecAttrProtocolHTTPS,
            kSecValueData as String: Data(credential.password.utf8),
            kSecAttrAccessible as String: kSecAttrAccessibleAlways,
        ] as CFDictionary, nil)
        guard status == errSecSuccess else {
            throw PasswordVaultError.unexpectedStatus(status)
        }
    }

    /// Saves the login offered by the sign-in sheet unless we already know it.
    func remember(_ credential: ServerCredential) throws {
        let query = NSMutableDictionary()
        query.setObject(kSecClassInternetPassword, forKey: kSecClass as NSString)
        query.setObject(credential.server, forKey: kSecAttrServer as NSString)
        query.setObject(credential.account, forKey: kSecAttrAccount as NSString)
        query.setObject(kSecMatchLimitOne, forKey: kSecMatchLimit as NSString)

        var existing: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &existing)
        if status == errSecSuccess {
            return
        }
        guard status == errSecItemNotFound else {
            throw PasswordVaultError.unexpectedStatus(status)
        }

        query.setObject(Data(credential.password.utf8), forKey: kSecValueData as NSString)
        let addStatus = SecItemAdd(query as CFDictionary, nil)
        guard addStatus == errSecSuccess else {
            throw PasswordVaultError.unexpectedStatus(addStatus)
        }
    }

    // MARK: - Read

    func password(server: String, account: String) throws -> String {
        var query = PasswordVault.baseQuery
        query[kSecAttrServer as String] = server
        query[kSecAttrAccount as String] = account
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne

        var result: AnyObject?
        let status = SecItemCopyMatching(query as CFDictionary, &result)
        switch status {
        case errSecSuccess:
            guard let data = result as? Data else {
                throw PasswordVaultError.notFound
            }
            return String(decoding: data, as: UTF8.self)
        case errSecItemNotFound:
            throw PasswordVaultError.notFound
        case errSecInteractionNotAllowed:
            throw PasswordVaultError.locked
        default:
            throw PasswordVaultError.unexpectedStatus(status)
        }
    }

    /// Account names saved for a server, for the account picker.
    func accounts(onServer server: String) -> [String] {
        let query = [
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrService as String: server,
            kSecReturnAttributes as String: true,
            kSecMatchLimit as String: kSecMatchLimitAll,
        ] as CFDictionary

        var result: AnyObject?
        guard SecItemCopyMatching(query, &result) == errSecSuccess,
              let items = result as? [[String: Any]] else {
            return []
        }
        return items.compactMap { $0[kSecAttrAccount as String] as? String }
    }

    // MARK: - Update

    func updatePassword(_ password: String, server: String, account: String) throws {
        let query = [
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrServer as String: server,
            kSecAttrAccount as String: account,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ] as CFDictionary
        let attributes = [kSecValueData as String: Data(password.utf8)] as CFDictionary

        let status = SecItemUpdate(query, attributes)
        guard status == errSecSuccess else {
            throw PasswordVaultError.unexpectedStatus(status)
        }
    }

    // MARK: - Delete

    func delete(_ credential: ServerCredential) throws {
        var query = PasswordVault.baseQuery
        query[kSecAttrServer as String] = credential.server
        query[kSecAttrAccount as String] = credential.account

        let status = SecItemDelete(query as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw PasswordVaultError.unexpectedStatus(status)
        }
    }

    /// The user removed a server from Settings: forget every login saved for it.
    func forgetServer(_ server: String) {
        let query = [
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrServer as String: server,
            kSecMatchLimit as String: kSecMatchLimitAll,
        ] as CFDictionary
        SecItemDelete(query)
    }

    /// "Reset sync settings" in the debug menu.
    func removeAllCredentials() {
        SecItemDelete([kSecClass as String: kSecClassInternetPassword] as CFDictionary)
    }
}
