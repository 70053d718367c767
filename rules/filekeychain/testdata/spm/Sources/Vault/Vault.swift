import Foundation
import Security

// Reported: the item is meant to stay on this device; on macOS it goes to
// the file keychain, which has no such class.
func addDeviceKey(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "device-key", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil) // want `on macOS this SecItemAdd, without kSecUseDataProtectionKeychain: true, stores the item in the legacy file keychain.*kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly does not bind the item to this Mac.*add kSecUseDataProtectionKeychain: true to the add and to the queries of this item \(the macOS deployment target 12.0 has it\); items that earlier versions stored in the file keychain stay there, and queries with the key do not see them: migrate once \(read without the key, add with it, then delete the old item\)`
}

func addPasscodeSecret(_ secret: Data) -> OSStatus {
    var attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "pin"]
    attrs[kSecAttrAccessible as String] = kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly
    attrs[kSecValueData as String] = secret
    return SecItemAdd(attrs as CFDictionary, nil) // want `kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly does not bind the item to this Mac \(it can move with the login keychain to another Mac: backups, Migration Assistant\) and does not require a passcode`
}

func addMacOnly(_ key: Data) -> OSStatus {
    #if os(macOS)
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "mac-key", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil) // want `kSecAttrAccessibleWhenUnlockedThisDeviceOnly does not bind the item to this Mac`
    #else
    return errSecUnimplemented
    #endif
}

// Silent: AfterFirstUnlock says when the item may be read; the file
// keychain's lock follows the login session, and nothing the code relies
// on is lost.
func addToken(_ data: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "token", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, kSecValueData as String: data]
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: a read searches both keychains and finds the item wherever it is.
func readDeviceKey() -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "device-key", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecReturnData as String: true]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

// Silent: an add without any protection is where a Mac app's items have
// always lived.
func addPlain(_ data: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "plain", kSecValueData as String: data]
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: the data-protection keychain, always or where it exists.
func addDataProtection(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "dp", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecUseDataProtectionKeychain as String: true, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}

func addWhenAvailable(_ key: Data) -> OSStatus {
    var attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "dp", kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, kSecValueData as String: key]
    if #available(macOS 10.15, iOS 13, *) {
        attrs[kSecUseDataProtectionKeychain as String] = true
    }
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: kSecAttrAccessControl (or kSecAttrTokenID) sends the add to the
// data-protection keychain, and so does kSecAttrSynchronizable: true.
func addWithAccessControl(_ key: Data, _ access: SecAccessControl) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "ac", kSecAttrAccessControl as String: access, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}

func addSynchronizable(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "sync", kSecAttrSynchronizable as String: true, kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlocked, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: the protection is the caller's choice, or not ThisDeviceOnly on
// every path.
func addWithCallerAccessibility(_ key: Data, accessible: CFString) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "caller", kSecAttrAccessible as String: accessible, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}

func addEitherWay(_ key: Data, strict: Bool) -> OSStatus {
    var attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "either", kSecValueData as String: key]
    if strict {
        attrs[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
    } else {
        attrs[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
    }
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: no entitlements are known for a SwiftPM target, so nothing says
// the group is shared on macOS.
func addShared(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "shared", kSecAttrAccessGroup as String: "ABCDE12345.com.example.shared", kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}

// Silent: iOS-family and Mac Catalyst code always uses the data-protection
// keychain.
func addPhoneOnly(_ key: Data) -> OSStatus {
    #if os(iOS)
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "phone", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
    #else
    return errSecUnimplemented
    #endif
}

func addCatalyst(_ key: Data) -> OSStatus {
    #if targetEnvironment(macCatalyst)
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccount as String: "catalyst", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
    #else
    return errSecUnimplemented
    #endif
}

// canImport(UIKit) is iOS-family and Mac Catalyst code: silent; the AppKit
// branch is macOS and reported.
func addByFramework(_ key: Data) -> OSStatus {
    #if canImport(UIKit)
    let a: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(a as CFDictionary, nil)
    #elseif os(macOS) && !targetEnvironment(macCatalyst)
    let b: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(b as CFDictionary, nil) // want `kSecAttrAccessibleWhenUnlockedThisDeviceOnly does not bind the item to this Mac`
    #else
    return errSecUnimplemented
    #endif
}

// Silent: the token access group sends the add to the data-protection
// keychain.
func addTokenGroup(_ key: Data) -> OSStatus {
    let attrs: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "vault", kSecAttrAccessGroup as String: kSecAttrAccessGroupToken, kSecAttrAccessible as String: kSecAttrAccessibleWhenUnlockedThisDeviceOnly, kSecValueData as String: key]
    return SecItemAdd(attrs as CFDictionary, nil)
}
