// Package reuseddict defines an Analyzer that reports one dictionary
// object used for several SecItem calls.
//
// # Analyzer reuseddict
//
// reuseddict: one dictionary reused across SecItem calls
//
// The SecItem functions take different kinds of dictionaries: a query for
// SecItemCopyMatching (with kSecReturn* and kSecMatch* keys), attributes
// for SecItemAdd (with kSecValueData), a query and the attributes to
// change for SecItemUpdate. Reusing one mutable dictionary for several
// calls leaks keys from one call into the next: a kSecReturnData or
// kSecMatchLimit left in a query makes SecItemUpdate fail with errSecParam
// (-50) on iOS (SecItemDelete fails the same way on a kSecMatch* key, and
// ignores kSecReturn* keys), a kSecValueData left in a read query
// filters on the data, and every change made for the second call silently
// changes what the first dictionary meant. This is one of the mistakes
// Apple's DTS engineers see most often.
//
// The analyzer reports the second (and later) SecItem call that receives
// the same dictionary object as an earlier call on the same path, when the
// dictionary was changed between the two calls, or when it carries keys
// the later call rejects or ignores (kSecReturn* or kSecMatch* keys into
// an add, update or delete; kSecValueData into a read). The same object is
// the same variable or an alias of a reference-type dictionary
// (NSMutableDictionary, CFMutableDictionaryRef, an NSDictionary variable);
// a Swift Dictionary assigned to a new variable is a copy and starts
// fresh. Two reads of one unchanged query are fine, and so is a read query
// used unchanged as the query of SecItemUpdate.
//
// Example:
//
//	NSMutableDictionary *query = [self baseQuery];
//	query[(__bridge id)kSecReturnData] = @YES;
//	OSStatus status = SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
//	if (status == errSecItemNotFound) {
//	    query[(__bridge id)kSecValueData] = data;
//	    SecItemAdd((__bridge CFDictionaryRef)query, NULL);   // reported
//	}
//
// Use instead: build a fresh dictionary for every call, for example from
// a helper that returns a new one each time:
//
//	NSMutableDictionary *add = [self baseQuery];
//	add[(__bridge id)kSecValueData] = data;
//	SecItemAdd((__bridge CFDictionaryRef)add, NULL);
package reuseddict
