// Package statuscheck defines an Analyzer that reports SecItem statuses
// whose success is decided by excluding one error.
//
// # Analyzer statuscheck
//
// statuscheck: success decided by excluding one error
//
// Code that tells only one error apart — `status != errSecItemNotFound`
// taken as "found", `if status == errSecDuplicateItem { update } else {
// return true }` — treats every other failure as success:
// errSecMissingEntitlement (-34018, a build without the keychain
// entitlement or a wrong access group), errSecInteractionNotAllowed
// (-25308, the device is locked), errSecParam (-50, a malformed query).
// The caller then believes the item was saved, found or updated when it
// was not, and the failure surfaces later, far from its cause.
//
// The analyzer reports the comparison when a function reaches a success
// exit while the status of a SecItem call it made may still be one of
// those failures, and on the way the status was found unequal to one
// failure code (errSecItemNotFound, errSecDuplicateItem, any code but
// errSecSuccess) and never unequal to errSecSuccess. Success and failure
// are decided by what the function returns, concretely:
//
//   - a success exit is `return true` (`YES`), `return status != code` for
//     a failure code (true for every other status), and, in a function
//     that throws, a return without a value or the end of its body;
//   - a failure exit is `return false` (`NO`), `return nil` and `throw`.
//
// The function must also have a failure exit reached after the same call
// while its status may be a failure: it reports failure, only not this
// one. Code that logs a failure and goes on (a function that returns
// nothing and does not throw, or one that returns true whatever happened)
// has no such exit and is not reported; neither is code that compared the
// status with errSecSuccess on the way (`if status != errSecSuccess {
// log(status) }`: it knows the call failed), a switch whose cases name
// errSecSuccess, nor `errSecItemNotFound` handled as "absent" before
// every other failure is thrown or returned as failure. `return status !=
// errSecItemNotFound` is reported on its own: it returns true for every
// failure but one.
//
// Example:
//
//	let status = SecItemAdd(item as CFDictionary, nil)
//	if status == errSecDuplicateItem {               // reported
//	    return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
//	}
//	return true
//
// Use instead: compare with errSecSuccess:
//
//	let status = SecItemAdd(item as CFDictionary, nil)
//	if status == errSecDuplicateItem {
//	    return SecItemUpdate(query as CFDictionary, changes as CFDictionary) == errSecSuccess
//	}
//	return status == errSecSuccess
package statuscheck
