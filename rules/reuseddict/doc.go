// Package reuseddict defines an Analyzer that reports a dictionary reused
// from one SecItem call in another call that rejects what it carries over.
//
// # Analyzer reuseddict
//
// reuseddict: a key left over from one SecItem call breaks the next
//
// The SecItem functions take different kinds of dictionaries: a query for
// SecItemCopyMatching (with kSecReturn* and kSecMatch* keys), attributes
// for SecItemAdd (with kSecValueData), a query and the attributes to
// change for SecItemUpdate, a query for SecItemDelete. Passing one
// dictionary to several of them carries the keys meant for one call into
// the next, and some of those keys make the next call fail. Apple's DTS
// engineers see this mistake often.
//
// The analyzer reports a SecItem call that receives a dictionary (the
// same variable, or an alias of an NSMutableDictionary or
// CFMutableDictionaryRef) already used by an earlier call of a different
// operation on the same path, when it still holds, from that earlier
// call, a key the later call rejects. securityd decides this (see
// SecItemServer.c and SecItemDb.c in Apple's Security sources):
//
//   - kSecMatch* keys (kSecMatchLimit included) in SecItemDelete or in the
//     query of SecItemUpdate: the call fails with errSecParam (-50) on iOS,
//     tvOS, watchOS, visionOS and Mac Catalyst (the macOS shim drops them);
//   - kSecReturn* keys that may be true in the query of SecItemUpdate:
//     errSecParam (-50) there too (a false one is inert);
//   - kSecMatch* keys in SecItemAdd: securityd on the iOS family takes no
//     match keys in an add and may return errSecSuccess without storing
//     the item.
//
// What is not reported, because it has no runtime effect:
//
//   - A retry: the same call reached again (a loop, `while status ==
//     errSecInteractionNotAllowed`), or a second call of the same
//     operation with the dictionary the first had. A key it rejects was
//     already wrong in the first call, where deletelimit or misplacedkey
//     report it at the key; and when the first call already got a
//     leftover from an earlier one, its finding covers the retry.
//   - Keys added for the later call: update, then add the same query
//     extended with kSecValueData and attributes on errSecItemNotFound is
//     Apple's own pattern, and the add gets exactly what it should store.
//     Changing a dictionary between two calls is only a problem through a
//     key the later call rejects; a Swift Dictionary is a value, so the
//     change cannot reach the earlier call either.
//   - Leftover keys the later call ignores: kSecReturn* in a delete
//     (securityd does not look at them) or in an add (with a nil result
//     nothing is returned), kSecValueData in a query (securityd uses the
//     data of an add only).
//   - Keys that reach the later call only on macOS (written inside #if
//     os(macOS)), and keys a wrapper adds to its own copy.
//
// Example:
//
//	NSMutableDictionary *query = [self baseQuery];
//	query[(__bridge id)kSecMatchLimit] = (__bridge id)kSecMatchLimitOne;
//	query[(__bridge id)kSecReturnData] = @YES;
//	OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
//	if (status == errSecSuccess) {
//	    SecItemUpdate((__bridge CFDictionaryRef)query,    // reported: -50 on iOS
//	                  (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: data });
//	}
//
// Use instead: build a separate dictionary for each call, for example from
// a helper that returns a new base query each time:
//
//	SecItemUpdate((__bridge CFDictionaryRef)[self baseQuery],
//	              (__bridge CFDictionaryRef)@{ (__bridge id)kSecValueData: data });
package reuseddict
