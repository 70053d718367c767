// Package deprecatedkey defines an Analyzer that reports deprecated
// keychain constants in SecItem dictionaries.
//
// # Analyzer deprecatedkey
//
// deprecatedkey: deprecated constants
//
// Some keychain constants are deprecated because what they do is unsafe or
// has a better replacement:
//
//   - kSecAttrAccessibleAlways and kSecAttrAccessibleAlwaysThisDeviceOnly
//     (deprecated in iOS 12 and macOS 10.14) make an item readable while the
//     device is locked, before the first unlock: use
//     kSecAttrAccessibleAfterFirstUnlock and
//     kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly, which are just as
//     available to background work once the user unlocked the device once.
//   - kSecUseOperationPrompt (iOS 14, macOS 11): set localizedReason on an
//     LAContext and pass it as kSecUseAuthenticationContext.
//   - kSecUseNoAuthenticationUI, kSecUseAuthenticationUIAllow and
//     kSecUseAuthenticationUIFail: pass an LAContext whose
//     interactionNotAllowed is set as kSecUseAuthenticationContext.
//   - kSecUseItemList is not implemented on iOS, tvOS, watchOS, visionOS
//     and Mac Catalyst (reported only in code that can run there).
//
// The analyzer reports these constants wherever they appear as keys or
// values of a dictionary that reaches a SecItem call, whole identifiers
// only. For the two accessibility constants the suggested fix replaces
// the constant.
//
// A deprecated constant is often what code for older systems must use,
// because the replacement does not exist there: kSecUseAuthenticationContext
// came with iOS 9 and macOS 10.11, LAContext's localizedReason and
// interactionNotAllowed with iOS 11 and macOS 10.13 (the accessibility
// replacements exist since iOS 4 and macOS 10.9). The analyzer stays
// silent where the constant is used only on such systems or on purpose:
//
//   - in the fallback branch of an availability check that runs only below
//     the version that introduced the replacement: the else branch of
//     #available or Objective-C @available, the else of guard #available,
//     #unavailable, a NSFoundationVersionNumber comparison, a preprocessor
//     test of __IPHONE_OS_VERSION_MIN_REQUIRED or
//     __MAC_OS_X_VERSION_MIN_REQUIRED, a weak-symbol test of a constant
//     such as kSecUseAuthenticationUI, and the branch for older systems of
//     a check whose version it cannot tell (respondsToSelector:, a
//     NSFoundationVersionNumber compared with a number);
//   - where the compiler's deprecation warning is switched off: after
//     #pragma clang diagnostic ignored "-Wdeprecated-declarations" until
//     the matching pop, or inside a declaration marked deprecated with
//     @available.
//
// For example, nothing is reported here:
//
//	if #available(iOS 11.0, macOS 10.13, *) {
//	    let context = LAContext()
//	    context.interactionNotAllowed = true
//	    query[kSecUseAuthenticationContext as String] = context
//	} else {
//	    query[kSecUseNoAuthenticationUI as String] = true   // iOS 10 and earlier
//	}
//
// The guarded branch, a declaration marked @available(iOS 11, *) and
// unconditional code are reported. The project's deployment target does
// not silence unconditional code: it still runs on current systems, where
// the replacement exists and the deprecated constant is the wrong choice.
// When the deployment target is older than the replacement, the message
// says so and advises an availability check with the old constant in its
// fallback branch, and no drop-in fix is offered.
//
// Example:
//
//	attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAlways   // reported
//
// Use instead:
//
//	attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
package deprecatedkey
