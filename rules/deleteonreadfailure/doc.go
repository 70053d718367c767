// Package deleteonreadfailure defines an Analyzer that reports keychain
// items deleted because a read failed while the device may be locked.
//
// # Analyzer deleteonreadfailure
//
// deleteonreadfailure: credential deleted after a failed read
//
// SecItemCopyMatching fails with errSecInteractionNotAllowed (-25308)
// when the item is protected and the device is locked: during a
// background launch, an app-refresh task, a prewarmed launch, or before
// the first unlock after a reboot. Code that treats every failed read as
// "the item is missing or corrupt" and deletes it then runs SecItemDelete,
// which needs no key material and succeeds: the user's credential is gone
// and the user is logged out, seemingly at random.
//
// The analyzer tracks the outcomes a read's status may have — success,
// item not found, interaction not allowed, other — along if, guard,
// switch, comparisons and early returns, in Swift and Objective-C, and
// reports a SecItemDelete (direct, or inside a helper called here) that
// runs on a path where an earlier read of the same function, or a helper
// that reports failure when its read fails, may have returned
// errSecInteractionNotAllowed. A path is safe when it excludes that
// outcome: status == errSecItemNotFound, an earlier exit on
// errSecInteractionNotAllowed, a switch case that handles it, or a check
// that the read succeeded.
//
// Example:
//
//	let status = SecItemCopyMatching(query as CFDictionary, &result)
//	guard status == errSecSuccess else {
//	    SecItemDelete(query as CFDictionary)   // reported
//	    return nil
//	}
//
// Use instead: delete only when the item is really missing or invalid,
// never when the keychain is just unavailable:
//
//	let status = SecItemCopyMatching(query as CFDictionary, &result)
//	if status == errSecInteractionNotAllowed { return nil }   // try again later
//	guard status == errSecSuccess else { return nil }
package deleteonreadfailure
