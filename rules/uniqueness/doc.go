// Package uniqueness defines an Analyzer that reports existence checks
// that filter on attributes that do not make an item unique.
//
// # Analyzer uniqueness
//
// uniqueness: read-then-add with a non-unique filter
//
// The keychain enforces uniqueness only over each class's primary key:
// for passwords the account, the service (or server, port, protocol, path
// and so on), the access group and the synchronizable flag. Attributes
// such as kSecAttrGeneric, kSecAttrLabel, kSecAttrDescription,
// kSecAttrComment, kSecAttrType, kSecAttrCreator, kSecAttrAccessible and
// kSecAttrAccessControl are not part of it. When an existence check
// filters on one of them, it reports errSecItemNotFound for an item that
// exists with a different value, and the SecItemAdd that follows fails
// with errSecDuplicateItem (-25299): the classic "not found, then
// duplicate" loop that several well-known SDKs shipped.
//
// The analyzer reports, at the non-unique key in the read query, a
// SecItemCopyMatching followed on its item-not-found path by a SecItemAdd
// of an item with the same identifying attributes. A SecItemUpdate whose
// status decides the add (`if SecItemUpdate(query, changes) ==
// errSecItemNotFound { add }`) is such an existence check too: its query
// filters the same way. The read may be made
// by a helper that returns its status, returns nil when it fails,
// returns a Bool that compares its status (`return status ==
// errSecSuccess`, then `if exists(key) { update } else { add }`), or
// returns a Result (.failure where the read failed, then `switch
// find(key) { case .success: update; case .failure: add }`;
// `if tokenStatus() == errSecItemNotFound { add }`), or returns a Result
// of Bool (`.success(false)` where the read found nothing, read through
// `case .success(false):` or an extension method of Result that returns
// the success's value or a default, `exists(key).getOrElse(false)`); the key is then
// reported in the helper. The read and the add name the same item as
// preferupdate decides it: the same identifying attributes, or one
// dictionary (or the same helper call) for both even where an attribute is
// set on some paths only. It stays silent when the read filters only on
// primary attributes, when the add does not happen on a not-found path or
// may also happen after the read succeeded (unless a delete runs first
// there, and only there: `if exists { update; if failed { delete } }`),
// when a delete may run between the check and the add on its not-found
// path (it may remove the item the check missed), and
// when it cannot tell that the add names the same item.
//
// Example:
//
//	let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
//	                            kSecAttrService as String: service,
//	                            kSecAttrAccount as String: account,
//	                            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] // reported
//	if SecItemCopyMatching(query as CFDictionary, nil) == errSecItemNotFound {
//	    SecItemAdd(item as CFDictionary, nil)   // errSecDuplicateItem if the item exists with another accessibility
//	}
//
// Use instead: look the item up by its primary key only, and set the other
// attributes when adding or updating it.
package uniqueness
