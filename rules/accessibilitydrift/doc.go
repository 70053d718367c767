// Package accessibilitydrift defines an Analyzer that reports saves whose
// existing-item path does not keep the item's protection in sync with the
// protection the add sets.
//
// # Analyzer accessibilitydrift
//
// accessibilitydrift: an existing item keeps the protection it was created with
//
// A save that adds the item with kSecAttrAccessible or
// kSecAttrAccessControl taken from a parameter or a property (a wrapper's
// configurable accessibility, an access control made by the caller), but
// updates only the data when the item already exists, applies the new
// protection only to items it creates: an item saved once keeps its first
// protection forever. When the app changes the protection (to
// kSecAttrAccessibleAfterFirstUnlock, so that a background refresh can
// read the item; to an access control that asks for Face ID), existing
// users never get it, and reads on a locked device keep failing with
// errSecInteractionNotAllowed (-25308), or the item stays readable
// without the authentication the app now asks for.
//
// The analyzer reports a SecItemUpdate on the existing-item path of such an
// add, for the same item (the same identifying attributes): an update that
// runs only where the add failed (after errSecDuplicateItem), an add that
// runs only where the update failed (errSecItemNotFound), or an update
// after a read that succeeded while the add runs after the read found
// nothing. It reports only when the attributes to update are complete and
// hold neither kSecAttrAccessible nor kSecAttrAccessControl. The add may
// set the protection on some paths only (`if (accessibilityType) { … }`,
// `if let accessibility { … }`): where a protection is configured, an
// existing item still keeps its old one. A protection that is a constant
// (the same on every save) is not reported: the item already has it. Neither is an update whose query holds the protection (on
// any path): an item created with another protection does not match it, so
// the update fails with errSecItemNotFound instead of keeping the old
// protection (a uniqueness problem), and an item that matches has the
// protection already.
//
// This is its own rule, not part of updateaddonly: updateaddonly reports a
// protection key that is present in the attributes to update where the
// update cannot take effect; this rule reports the protection key that is
// absent from them where the item needs it.
//
// Example:
//
//	var item = query
//	item[kSecValueData as String] = data
//	item[kSecAttrAccessible as String] = accessibility
//	let status = SecItemAdd(item as CFDictionary, nil)
//	if status == errSecDuplicateItem {
//	    SecItemUpdate(query as CFDictionary,
//	                  [kSecValueData as String: data] as CFDictionary)   // reported
//	}
//
// Use instead: update the protection with the data:
//
//	SecItemUpdate(query as CFDictionary,
//	              [kSecValueData as String: data,
//	               kSecAttrAccessible as String: accessibility] as CFDictionary)
package accessibilitydrift
