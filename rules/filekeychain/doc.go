// Package filekeychain defines an Analyzer that reports SecItemAdd calls
// whose item lands in the macOS file keychain without the protection or
// the sharing the code asks for.
//
// # Analyzer filekeychain
//
// filekeychain: macOS SecItemAdd whose file-keychain item drops a protection or sharing the code relies on
//
// On macOS a SecItemAdd stores its item in the legacy file keychain unless
// the dictionary sets kSecUseDataProtectionKeychain: true (macOS 10.15),
// kSecAttrSynchronizable: true, kSecAttrAccessControl, kSecAttrTokenID or
// the token access group (the shim's SecItemCategorizeQuery and SecItemAdd, Security
// OSX/libsecurity_keychain/lib/SecItem.cpp:4176-4190, 5023-5050). The file
// keychain has no data-protection classes and no access groups: the shim
// removes kSecAttrAccessible, kSecAttrAccessGroup and kSecAttrSynchronizable
// before the item is written (SecItem.cpp:4820-4824), and SecItem.h says
// the two are honoured on macOS only with one of those keys. The add
// succeeds, and what the code asked for silently does not happen.
//
// The analyzer reports, at the call, an add that can run on macOS (the
// project, Package.swift, project.pbxproj or a podspec, builds the file
// for macOS, and the call's #if scope includes macOS), whose dictionary is
// complete and chooses no keychain, and that drops something the code
// relies on:
//
//   - kSecAttrAccessible whose every value is a ThisDeviceOnly class: the
//     item is meant never to leave this device, and in the file keychain
//     it can move with the login keychain to another Mac
//     (WhenPasscodeSetThisDeviceOnly: and no passcode is required);
//   - kSecAttrAccessGroup with a string that the entitlements of every
//     Xcode target building the file grant (keychain-access-groups,
//     application groups): sharing was set up, and the file-keychain item
//     is trusted to the app that added it only. (The project does not say
//     which targets are the Mac ones, so an iOS target's group alone is
//     not enough.)
//
// It is an error when the macOS deployment target is 10.15 or later, with
// a suggested fix that adds kSecUseDataProtectionKeychain: true (not
// applied by --fix: it changes the keychain); below 10.15 a warning that
// says to add the key under if #available. The message also says how to
// migrate: items earlier versions stored in the file keychain stay there,
// and a query with the key searches only the data-protection keychain
// (SecItem.cpp:4137-4140), so read them without the key, add them with
// it, and delete the old ones.
//
// What it deliberately does not report (when in doubt, silent):
//
//   - reads, updates and deletes: without the key they search both
//     keychains and merge the results (SecItem.cpp:4097-4098, 4881-4947),
//     so they find the item wherever the add put it;
//   - adds that drop nothing the code relies on: a macOS app whose items
//     have always lived in the file keychain is not wrong, and moving them
//     is a migration, not a fix;
//   - kSecAttrAccessible WhenUnlocked, AfterFirstUnlock or Always (they say
//     when an item may be read, and the file keychain's lock follows the
//     login session), or an accessibility the code passes on from its
//     caller (a library offering every class relies on none);
//   - an access group the entitlements do not grant or that is not known
//     (it may be meant for the iOS app; with the key the add would fail
//     with errSecMissingEntitlement);
//   - Mac Catalyst and iOS-family code, files no project builds for macOS,
//     a macOS deployment target the project does not state;
//   - code that uses the file keychain on purpose: SecKeychain*, SecAccess*,
//     SecTrustedApplication* anywhere in the file, or kSecUseKeychain,
//     kSecMatchSearchList, kSecAttrAccess in the dictionary;
//   - a dictionary that sets kSecUseDataProtectionKeychain on some path,
//     whatever the value (under if #available, or false on purpose in
//     migration code).
//
// Example:
//
//	// Package.swift: platforms: [.iOS(.v15), .macOS(.v12)]
//	let attrs: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrAccount as String: "device-key",
//	    kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly,
//	    kSecValueData as String: key,
//	]
//	SecItemAdd(attrs as CFDictionary, nil) // reported: on macOS the item is not bound to this Mac
//
// Fix: add kSecUseDataProtectionKeychain as String: true, and migrate the
// items that earlier versions stored in the file keychain.
package filekeychain
