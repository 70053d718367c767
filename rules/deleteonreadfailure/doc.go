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
// A read that keeps SecItemCopyMatching from showing the authentication
// UI (kSecUseAuthenticationUI set to kSecUseAuthenticationUIFail or
// kSecUseAuthenticationUISkip, or the deprecated kSecUseNoAuthenticationUI
// set to true) also gets errSecInteractionNotAllowed for an item whose
// access control needs Touch ID, Face ID or the passcode, while the device
// is unlocked: the item exists, and the message says so. Where such a
// read's status was compared with errSecInteractionNotAllowed and the
// delete runs only on that status or on success (a switch case that
// groups errSecSuccess with errSecInteractionNotAllowed, an if that tests
// status == errSecInteractionNotAllowed), the code treats the item as
// present and replaces it on purpose: the analyzer stays silent. Without those keys
// the same comparison is still reported, since -25308 then only means the
// device is locked.
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
