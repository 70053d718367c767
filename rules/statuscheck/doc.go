// Package statuscheck defines an Analyzer that reports SecItem statuses
// whose success is decided by excluding one error.
//
// # Analyzer statuscheck
//
// statuscheck: success decided by excluding one error, or a result used on failure
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
// The analyzer also reports a use of a call's result out-parameter that
// crashes when the call failed, made where the call's status may still be
// a failure (not found, device locked, any other error): a Swift forced
// cast or force unwrap of it (`result as! Data`, `result!`), and
// CFRelease(result). A failed SecItemCopyMatching or SecItemAdd does not
// write its result (apple-oss-distributions/Security at db15acbe:
// SecItemResultProcess returns before writing it when there is no result,
// OSX/sec/Security/SecItem.m line 1305; the macOS shim passes on a NULL
// result, OSX/libsecurity_keychain/lib/SecItem.cpp lines 4962 and 4995),
// so the variable is still nil or NULL; a forced cast or unwrap of nil
// stops a Swift program, and CFRelease(NULL) halts ("CFRelease() called
// with NULL", opensource-apple/CF 1153.18, CFRuntime.c lines 529-530).
// Not reported: a use inside `if status == errSecSuccess` or after
// `guard status == errSecSuccess else { return }` (or a switch whose other
// cases leave), a conditional cast (`result as? Data`, `if let data =
// result as? Data`), a use after the result was found not nil (`if
// (result) CFRelease(result)`, `guard result != nil`), a status given to
// a function or a member that may check it (`try check(status)`,
// `status.isSuccess`) or kept as a Bool,
// and bridging transfers (`(__bridge_transfer NSData *)result`,
// CFBridgingRelease(result)), which give nil for NULL.
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
//
// and:
//
//	var result: AnyObject?
//	let status = SecItemCopyMatching(query as CFDictionary, &result)
//	if status == errSecItemNotFound { return nil }
//	return result as! Data                          // reported: nil when the device is locked
//
// Use instead:
//
//	guard status == errSecSuccess else { return nil }
//	return result as? Data
package statuscheck
