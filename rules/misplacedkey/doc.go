// Package misplacedkey defines an Analyzer that reports keys the SecItem
// operation rejects or ignores.
//
// # Analyzer misplacedkey
//
// misplacedkey: key the operation rejects or ignores
//
// Each SecItem function accepts only some kinds of keys, and securityd
// sorts every key by its kind before it looks at the values:
//
//   - attributesToUpdate (the second argument of SecItemUpdate) may only
//     hold attributes and kSecValueData. kSecClass, any kSecMatch*,
//     kSecReturn* or kSecUse* key, and kSecValuePersistentRef make the
//     update fail with errSecNoSuchAttr (-25303) on every platform.
//   - The query of SecItemUpdate takes no kSecMatch* or kSecReturn* keys:
//     errSecParam (-50) on iOS, tvOS, watchOS, visionOS and Mac Catalyst
//     (macOS drops them).
//   - SecItemAdd takes no kSecMatch* keys (on iOS-family platforms
//     securityd may return success without storing the item; macOS drops
//     them) and no
//     kSecValuePersistentRef (errSecParam, -50); a kSecReturn* key with a
//     nil result argument does nothing and is usually a leftover of a
//     reused query (warning).
//   - kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching;
//     anywhere else the call fails with errSecParam (-50).
//
// The analyzer reports the key (or the kSecUseAuthenticationUISkip value).
// kSecMatch* keys of a SecItemDelete belong to deletelimit, and a key that
// is only there because the dictionary was used for an earlier call is
// reuseddict's finding: one bug, one finding. kSecUseDataProtectionKeychain
// is ignored in attributesToUpdate and not reported. A kSecReturn* key
// whose value is false on every path (false, NO, @NO, kCFBooleanFalse) is
// inert in a query and in an add (securityd clears the return bit for
// it) and is not reported there; in attributesToUpdate it still fails
// with errSecNoSuchAttr, like any key that is not an attribute.
//
// Several keys that make one update query fail, or that are useless in one
// add, are one finding: it names them all, is reported at the first one in
// the source, and points at the others as related locations.
//
// Example:
//
//	let attributes: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,   // reported: -25303
//	    kSecValueData as String: newData,
//	]
//	SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
//
// Use instead:
//
//	let attributes: [String: Any] = [kSecValueData as String: newData]
//	SecItemUpdate(query as CFDictionary, attributes as CFDictionary)
package misplacedkey
