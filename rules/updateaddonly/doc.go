// Package updateaddonly defines an Analyzer that reports SecItemUpdate
// calls whose protection change cannot take effect.
//
// # Analyzer updateaddonly
//
// updateaddonly: SecItemUpdate of an attribute that cannot change there
//
// Some attributes cannot be changed by SecItemUpdate, or not everywhere:
//
//   - kSecAttrTokenID is documented as unchangeable once the item exists
//     (Apple's header): an item cannot be moved to or from a token such as the
//     Secure Enclave. Reported as an error.
//   - kSecAttrAccessControl of an item on a token (the update's query names
//     kSecAttrTokenID, for example a Secure Enclave key): the token holds
//     the key's access control; SecItemUpdate keeps it and drops the new one
//     without an error (the Security client's SecTokenCopyUpdatedObjectID).
//     Reported as an error: generate a new key with the access control you
//     need.
//   - kSecAttrAccessible and kSecAttrAccessControl in an update that can
//     reach the macOS file keychain (macOS in scope, and the query does not
//     set kSecUseDataProtectionKeychain or kSecAttrSynchronizable to true
//     nor hold kSecAttrAccessControl or kSecAttrTokenID, which send the call
//     to the data-protection keychain only). The file keychain has no
//     protection classes and skips both keys (the macOS shim's
//     _UpdateKeychainItem), so an update that changes nothing else leaves
//     those items as they were. Reported as a note, only when the
//     attributes to update are known to hold nothing but protection keys.
//
// Everywhere else a protection change is not reported. The data-protection
// keychain — the only keychain on iOS, tvOS, watchOS, visionOS and Mac
// Catalyst — re-protects the item when kSecAttrAccessible or
// kSecAttrAccessControl is updated (securityd's item database; its
// regression test adds and removes an access control
// through SecItemUpdate), and migrating the accessibility of existing items
// this way is a legitimate and common fix. Older advice was to set
// protection only when adding an item and never to update it, because such
// an update fails with errSecInteractionNotAllowed (-25308) while the item
// cannot be decrypted (device locked). That is true of every SecItemUpdate
// of the item, with or without these keys and with or without new data —
// securityd decrypts the item to write the new version — so it is no
// reason to report them. Deleting the item and adding it again instead is
// worse: if the add fails, the item is lost (see preferupdate).
//
// The same keys in the query (the first argument) or in SecItemAdd are
// fine.
//
// Example:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassKey,
//	    kSecAttrTokenID as String: kSecAttrTokenIDSecureEnclave,
//	    kSecAttrApplicationTag as String: tag,
//	]
//	let changes: [String: Any] = [
//	    kSecAttrAccessControl as String: biometryOnly, // reported
//	]
//	SecItemUpdate(query as CFDictionary, changes as CFDictionary)
//
// Use instead: create a new Secure Enclave key with the access control it
// needs (kSecPrivateKeyAttrs with kSecAttrAccessControl in
// SecKeyCreateRandomKey), and delete the old key once nothing depends on
// it.
package updateaddonly
