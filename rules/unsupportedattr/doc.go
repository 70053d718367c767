// Package unsupportedattr defines an Analyzer that reports keychain
// attributes the item class does not have.
//
// # Analyzer unsupportedattr
//
// unsupportedattr: attribute not supported by the item class
//
// Every keychain item class has its own set of attributes: a generic
// password has kSecAttrService, an internet password has kSecAttrServer
// instead, a certificate has neither, and only keys have
// kSecAttrApplicationTag. SecItem dictionaries are untyped, so nothing
// stops a developer from putting an attribute into a dictionary of the
// wrong class.
//
// On the data-protection keychain (the only keychain on iOS, iPadOS,
// tvOS, watchOS and visionOS) securityd looks every attribute up in the
// class's schema and fails the call with errSecNoSuchAttr (-25303). On the
// macOS file keychain the key is silently ignored, so the code passes
// testing on a Mac and a search quietly matches the wrong item.
//
// The analyzer reports, at the key, every kSecAttr* key that is not an
// attribute of the dictionary's class (when kSecClass holds one known
// class) in every role where attributes are read: the attributes of
// SecItemAdd, the query of SecItemCopyMatching, SecItemUpdate and
// SecItemDelete, and the attributesToUpdate of SecItemUpdate. Identity
// queries accept every certificate and key attribute. When kSecClass may
// hold several known classes (a loop over a literal array of classes,
// or branches), an attribute set on every path is reported for the first
// class that lacks it; one set only on some paths is not (each branch may
// set its own class's attribute). It also reports
// macOS-only keys (kSecAttrAccess, kSecAttrPRF, kSecAttrSalt,
// kSecAttrRounds, kSecUseKeychain, kSecMatchItemList, kSecMatchSearchList,
// kSecMatchSubjectStartsWith, kSecMatchSubjectEndsWith,
// kSecMatchSubjectWholeString, kSecMatchDiacriticInsensitive,
// kSecMatchWidthInsensitive) in calls that can run on an iOS-family
// platform; inside #if os(macOS) or with --platforms macos they are fine.
// A macOS-only kSecMatch* key in a SecItemDelete query is left to
// deletelimit, which reports every kSecMatch* key there.
//
// Example:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassInternetPassword,
//	    kSecAttrService as String: "api.example.com",   // reported
//	    kSecAttrAccount as String: user,
//	]
//
// Use instead:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassInternetPassword,
//	    kSecAttrServer as String: "api.example.com",
//	    kSecAttrAccount as String: user,
//	]
//
// Where the intended attribute is obvious the message names it:
// kSecAttrServer for kSecAttrService on an internet password (and the
// reverse), kSecAttrLabel for kSecAttrApplicationTag on a certificate,
// kSecAttrApplicationTag for kSecAttrAccount on a key.
package unsupportedattr
