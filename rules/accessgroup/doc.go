// Package accessgroup defines an Analyzer that reports keychain access
// groups the app is not entitled to.
//
// # Analyzer accessgroup
//
// accessgroup: access group the targets are not entitled to
//
// An app may use only the keychain access groups its entitlements grant:
// the keychain-access-groups entitlement, its application identifier (the
// app ID prefix and the bundle identifier, which signing adds) and its
// application groups (com.apple.security.application-groups). A SecItem
// call whose kSecAttrAccessGroup names any other group fails with
// errSecMissingEntitlement (-34018): the add stores nothing, the read
// finds nothing. A typo in the group, a group the extension's
// entitlements lack, or a team ID that is not the app's all end there.
//
// The analyzer reads the entitlements of every Xcode target that builds
// the file (CODE_SIGN_ENTITLEMENTS, every configuration, with build
// settings expanded; $(AppIdentifierPrefix) and $(TeamIdentifierPrefix),
// which the signing identity supplies, match any prefix) and reports, at
// the value, a kSecAttrAccessGroup string (a literal or a constant) that
// matches none of the groups of any of those targets. The message names
// the entitlements files and the groups they grant.
//
// It is silent when the file's entitlements are not all known (a file no
// Xcode target builds, a SwiftPM or CocoaPods module, a target without an
// entitlements file, one that could not be read), when the value is not a
// known string, and on the macOS file keychain (a call that can run only
// on macOS without kSecUseDataProtectionKeychain: true or
// kSecAttrSynchronizable: true ignores the group; that is filekeychain's
// business).
//
// Example:
//
//	// Vault.entitlements: keychain-access-groups = ($(AppIdentifierPrefix)com.example.shared)
//	kSecAttrAccessGroup as String: "ABCDE12345.com.example.shard", // reported: a typo
//
// Fix: use a group the entitlements grant, or add the group to the
// entitlements of every target that runs the code.
package accessgroup
