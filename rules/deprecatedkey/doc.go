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
// Example:
//
//	attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAlways   // reported
//
// Use instead:
//
//	attributes[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlock
package deprecatedkey
