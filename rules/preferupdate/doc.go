// Package preferupdate defines an Analyzer that reports items saved by
// deleting and adding them again.
//
// # Analyzer preferupdate
//
// preferupdate: delete then add instead of update
//
// "Delete the old item, then add the new one" is a common way to save a
// keychain item, and it is not atomic: between the two calls the item does
// not exist, so a concurrent reader (an app extension, another thread)
// finds nothing; if the add fails — the device is locked
// (errSecInteractionNotAllowed, -25308), the disk is full — the old value
// is gone for good; and every persistent reference to the item changes.
//
// The analyzer reports a SecItemDelete followed on the same path by a
// SecItemAdd of an item with the same identifying attributes (account and
// service for a generic password, account and server for an internet
// password, issuer and serial number or label for a certificate,
// application tag or application label for a key), whether both calls use
// one dictionary or two. An identifying attribute absent from both is the
// same (the add stores its default, which the delete matches), and one set
// on some paths only (`if let account { … }`) is the same when both calls
// use one dictionary, or two made by the same helper call with the same
// arguments. Values computed by the same pure helper (one that only
// returns an expression of its parameters and members, such as
// `"\(prefix)\(key)"`) from the same parameter are the same, also when one
// is computed inside a delete helper. It stays silent when the two calls
// name different items or
// when it cannot tell that they name the same one. A delete and an
// add made inside one helper call are reported once, inside the helper;
// and when the add is made by a helper that itself deletes the same item
// right before it, an earlier delete at the caller (a reset) is not
// reported, since the helper's own pair is the finding.
//
// Example:
//
//	SecItemDelete(query as CFDictionary)        // reported
//	var item = query
//	item[kSecValueData as String] = token
//	SecItemAdd(item as CFDictionary, nil)
//
// Use instead: update the item, and add it only when it does not exist:
//
//	let status = SecItemUpdate(query as CFDictionary,
//	                           [kSecValueData as String: token] as CFDictionary)
//	if status == errSecItemNotFound {
//	    var item = query
//	    item[kSecValueData as String] = token
//	    SecItemAdd(item as CFDictionary, nil)
//	}
package preferupdate
