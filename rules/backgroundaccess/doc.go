// Package backgroundaccess defines an Analyzer that reports keychain
// reads in code that runs in the background, of items readable only
// while the device is unlocked.
//
// # Analyzer backgroundaccess
//
// backgroundaccess: background read of an item readable only while unlocked
//
// An item added with kSecAttrAccessibleWhenUnlocked,
// kSecAttrAccessibleWhenUnlockedThisDeviceOnly or
// kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly, or with no
// kSecAttrAccessible at all (securityd then gives it
// kSecAttrAccessibleWhenUnlocked: Security, keychain/securityd/SecDbQuery.c,
// query_infer_keyclass; certificates aside), can be read only while the
// device is unlocked. Code the system runs in the background runs exactly
// when the device is often locked: a background push, a background fetch,
// a BGTaskScheduler task, a notification service extension, a PushKit
// push, a background URLSession's delegate, a WidgetKit timeline provider,
// the principal class of an app extension the system runs on its own. Its
// SecItemCopyMatching then fails with errSecInteractionNotAllowed
// (-25308): the token is missing, the push is shown without its content,
// the refresh does nothing ("Data Protection and Background Execution").
//
// The analyzer finds the background entry points (by the framework
// method's signature, Swift or Objective-C; the launch handler a call of
// BGTaskScheduler register(forTaskWithIdentifier:using:launchHandler:)
// registers; WidgetKit methods only in a type that conforms to a timeline
// provider protocol; URLSession delegate methods only in a type that also
// handles urlSessionDidFinishEvents(forBackgroundURLSession:); every
// method of an extension's NSExtensionPrincipalClass when its
// NSExtensionPointIdentifier is one the system runs in the background;
// the remote-notification and fetch callbacks only when the Info.plist of
// some target that builds them declares the UIBackgroundModes value, or
// is not known). It follows the reads such code makes, itself or through
// the helpers the flow engine resolves with certainty, and reports a read
// of an item that an add of the program stores while-unlocked-only: the
// same item (rulekit.SameItem), or a read whose identifying attributes
// have the add's values, or were written by the same code (a wrapper's
// query(for: key) that both its save and its read use, the save fixing
// no value: the wrapper adds every item so). Related locations: the add,
// the entry points.
//
// A read whose code tells -25308 apart (compares the status with
// errSecInteractionNotAllowed, where the read is made or in the entry
// point: it retries later) is reported at note: the item is still
// unavailable whenever the device is locked.
//
// Not reported: items added with kSecAttrAccessibleAfterFirstUnlock (or
// another class readable while locked), with an access control object, or
// with a protection that is not known; adds made by test code, for reads
// in the app's code; reads that another add with a protection readable
// while locked (or not known) may have stored (a wrapper's background
// variant of its save); reads only foreground code makes;
// classes whose protection some update of the program changes (a
// migration); code that runs only on macOS or tvOS.
//
// Example:
//
//	// saved with SecItemAdd([kSecClass: kSecClassGenericPassword, kSecAttrService: "api", kSecAttrAccount: "token", kSecValueData: data])
//	override func didReceive(_ request: UNNotificationRequest, withContentHandler contentHandler: ...) {
//	    SecItemCopyMatching([kSecClass: kSecClassGenericPassword, kSecAttrService: "api", kSecAttrAccount: "token", kSecReturnData: true] as CFDictionary, &out) // reported
//
// Fix: add the item with kSecAttrAccessibleAfterFirstUnlock (or
// kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly), and migrate existing
// items with SecItemUpdate; still handle -25308, since background code can
// run before the first unlock after a restart.
package backgroundaccess
