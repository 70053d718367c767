// Package filekeychain defines an Analyzer that reports SecItem calls
// that go to the legacy macOS file keychain.
//
// # Analyzer filekeychain
//
// filekeychain: SecItem call that goes to the macOS file keychain
//
// On macOS a SecItem call goes to the legacy file keychain unless its
// dictionary sets kSecUseDataProtectionKeychain: true (macOS 10.15) or
// kSecAttrSynchronizable: true. The file keychain has other rules than
// the data-protection keychain of iOS: it ignores the attributes it does
// not support, a delete removes only the first match, a locked keychain
// gives errSecItemNotFound rather than errSecInteractionNotAllowed, and
// the user may be prompted to allow access. Code written and tested for
// iOS behaves differently on a Mac.
//
// The analyzer reports, at the call, a SecItem call with a complete
// dictionary in a file that the project (Package.swift, project.pbxproj,
// a podspec) builds for macOS and whose scope, after #if regions,
// includes macOS, without kSecUseDataProtectionKeychain: true or
// kSecAttrSynchronizable: true. It is an error when the dictionary also
// carries keys the file keychain ignores (kSecAttrAccessGroup,
// kSecAttrAccessible, kSecAttrAccessControl, kSecAttrSyncViewHint): they
// silently do nothing there. The message suggests adding
// kSecUseDataProtectionKeychain: true when the macOS deployment target is
// 10.15 or later, and says it is unavailable before otherwise.
//
// It is silent for Mac Catalyst and iOS-family code, for files no project
// builds for macOS (when in doubt, silent), and for files that use the
// file keychain on purpose (SecKeychain*, SecAccess*, kSecUseKeychain,
// kSecMatchSearchList anywhere in the file).
//
// Example:
//
//	// Package.swift: platforms: [.iOS(.v15), .macOS(.v12)]
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrAccount as String: "token",
//	    kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
//	]
//	SecItemAdd(query as CFDictionary, nil) // reported (error: kSecAttrAccessible does nothing on macOS)
//
// Fix: add kSecUseDataProtectionKeychain as String: true (macOS 10.15+).
package filekeychain
