// Package deletelimit defines an Analyzer that reports SecItemDelete
// queries whose match limit makes the delete fail or behave differently
// across keychains.
//
// # Analyzer deletelimit
//
// deletelimit: SecItemDelete and kSecMatchLimit
//
// SecItemDelete has no match limit on the data-protection keychain (the
// only keychain on iOS, iPadOS, tvOS, watchOS, visionOS and Mac Catalyst):
// it deletes every item that matches. securityd rejects a delete query that
// contains kSecMatchLimit — kSecMatchLimitOne and kSecMatchLimitAll alike —
// or any other kSecMatch* key, and the call fails with errSecParam (-50).
// On macOS the shim drops those keys on the way to the data-protection
// keychain, and only the legacy file keychain honours them: there a delete
// without kSecMatchLimitAll removes only the first matching item.
//
// Two findings share this name, because they are the two sides of that
// behaviour:
//
//   - error, at the key: a kSecMatch* key in a SecItemDelete query that can
//     run on an iOS-family platform. Put it under #if os(macOS) (or
//     #if TARGET_OS_OSX), or remove it.
//   - warning, at the call: a complete delete query that names fewer than
//     the item class's identifying attributes (account and service for a
//     generic password, account and server for an internet password,
//     issuer and serial number or label for a certificate, application tag
//     or application label for a key, or a kSecValueRef /
//     kSecValuePersistentRef), has no kSecMatchLimit on any path, and can
//     reach the macOS file keychain (macOS is in its platform scope and it
//     does not set kSecUseDataProtectionKeychain or kSecAttrSynchronizable
//     to true). It deletes every match on the data-protection keychain but
//     only the first on the macOS file keychain. Name the item completely.
//     A query that names only the class is reported by broaddelete
//     instead. Only attributes absent on every path count as missing: one
//     set on some path, or from an optional parameter that a caller may
//     always fill, may name the item, and the rule stays silent. A helper
//     called with a nil literal for that parameter is analysed for that
//     call, so the attribute is then absent; so is a helper given a copy
//     of a Swift struct whose member was set to nil (var m = params;
//     m.key = nil; baseQuery(from: m)), and a nested function whose
//     enclosing function was called with a known argument
//     (performDelete(params:clearKey: true) clearing the account in its
//     nested delete function). When the delete sits in a helper that
//     builds its own query, the warning is at the helper's SecItemDelete,
//     with a note at the call that leaves the attribute out.
//
// Example:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrService as String: service,
//	    kSecMatchLimit as String: kSecMatchLimitAll,   // error: -50 on iOS
//	]
//	SecItemDelete(query as CFDictionary)
//
// Use instead:
//
//	var query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrService as String: service,
//	]
//	#if os(macOS)
//	query[kSecMatchLimit as String] = kSecMatchLimitAll   // the file keychain deletes one item otherwise
//	#endif
//	SecItemDelete(query as CFDictionary)
package deletelimit
