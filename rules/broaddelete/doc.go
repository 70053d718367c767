// Package broaddelete defines an Analyzer that reports SecItemDelete calls
// that delete every item of a class.
//
// # Analyzer broaddelete
//
// broaddelete: delete of a whole class
//
// A SecItemDelete query that names nothing but the item class deletes
// every item of that class the app can see: every password, every key,
// every certificate, in every access group the app belongs to. On macOS,
// without kSecUseDataProtectionKeychain: true, the query also reaches the
// user's file keychains, where it can delete other apps' and the system's
// items (only the first match per call there, but a "delete until not
// found" loop removes them all).
//
// The analyzer reports a SecItemDelete whose only key, besides
// kSecUseDataProtectionKeychain and kSecAttrSynchronizable, is kSecClass:
// an error when the call can run on macOS without
// kSecUseDataProtectionKeychain: true (kSecAttrSynchronizable: true also
// keeps a macOS query on the data-protection keychain and counts the
// same), a warning otherwise (a deliberate
// "sign out: wipe everything" is possible, but should name the items it
// owns, for example by kSecAttrService). The suggested fix for the macOS
// case adds kSecUseDataProtectionKeychain: true to the dictionary literal
// (or turns a literal false value of that key into true). A loop over a
// literal array of classes (a Swift for-in or Objective-C fast
// enumeration over kSecClassGenericPassword, kSecClassKey, …, each
// element passed as kSecClass) deletes each class whole: the message
// names them all.
//
// Example:
//
//	SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
//
// Use instead:
//
//	SecItemDelete([kSecClass as String: kSecClassGenericPassword,
//	               kSecAttrService as String: "com.example.app.tokens",
//	               kSecUseDataProtectionKeychain as String: true] as CFDictionary)
package broaddelete
