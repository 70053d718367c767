// Package updateaddonly defines an Analyzer that reports SecItemUpdate
// calls that change an item's protection.
//
// # Analyzer updateaddonly
//
// updateaddonly: SecItemUpdate of an add-only attribute
//
// kSecAttrAccessControl and kSecAttrAccessible decide when an item's
// data can be decrypted. Apple's advice is to set them when the item is
// added and never to update them: an update re-protects the item, so it
// fails whenever the item cannot be decrypted at that moment — the device
// is locked (errSecInteractionNotAllowed, -25308), or the access control
// requires user presence and no authentication is available — and it
// cannot move the item to or from a token such as the Secure Enclave.
// kSecAttrTokenID is documented as unchangeable once the item exists.
//
// The analyzer reports these keys in the attributesToUpdate dictionary
// (the second argument) of SecItemUpdate: a warning for
// kSecAttrAccessControl and kSecAttrAccessible, an error for
// kSecAttrTokenID. The same keys in the query (the first argument) or in
// SecItemAdd are fine.
//
// Example:
//
//	let changes: [String: Any] = [
//	    kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock, // reported
//	]
//	SecItemUpdate(query as CFDictionary, changes as CFDictionary)
//
// Use instead: read the item's data, delete the item, and add it again
// with the new protection:
//
//	var item = query
//	item[kSecValueData as String] = data   // read with SecItemCopyMatching first
//	item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
//	SecItemDelete(query as CFDictionary)
//	SecItemAdd(item as CFDictionary, nil)
package updateaddonly
