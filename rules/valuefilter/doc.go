// Package valuefilter defines an Analyzer that reports kSecValueData in
// the query of a SecItem call that finds items, where it selects nothing.
//
// # Analyzer valuefilter
//
// valuefilter: kSecValueData in a query does not select the item
//
// kSecValueData is the secret an add stores. In the query of
// SecItemCopyMatching, SecItemDelete or SecItemUpdate it does not narrow
// the match on any keychain: the call finds every item its attributes
// match, whatever secret the item stores. So a read with kSecValueData
// cannot check a password (it succeeds with any value), and a delete or
// update meant for "the item with this secret" changes every item the
// other attributes name.
//
// Apple's Security sources say so (apple-oss-distributions/Security at
// db15acbe, Security-61901.0.87.0.1):
//
//   - data-protection keychain (securityd): query_set_data stores the
//     value of kSecValueData in q_data (keychain/securityd/SecDbQuery.c
//     lines 752-760, called from query_add_value at line 788); q_data is
//     read only by s3dl_query_add (keychain/securityd/SecItemDb.c lines
//     307-308), and the WHERE clause of a search, delete or update is built
//     from the query's attributes alone (SecDbAppendWhereAttrs,
//     SecItemDb.c lines 709-714). Only a value that is not data is
//     rejected, with errSecParam (-50) (SecDbQuery.c line 754).
//   - macOS file keychain: the item data is "for SecItemAdd only, not used
//     to find items" (OSX/libsecurity_keychain/lib/SecItem.cpp line 2844,
//     read at line 3002), and the shim removes kSecValueData from a
//     delete query on its way to the data-protection keychain (pruneData,
//     SecItem.cpp line 4729).
//
// The belief that such a query matches only an item whose stored secret
// is byte-identical (so that a delete before an add would miss the old
// item once the secret changed) is not what the sources do: the key is
// ignored when items are found.
//
// The analyzer reports kSecValueData, at the key, in the query of a
// SecItemCopyMatching, SecItemDelete or SecItemUpdate made in a function
// that stores no item (it makes no SecItemAdd, directly or through a
// helper). In a save that deletes or updates and then adds, the query is
// usually the add's dictionary reused, and the data key there is inert:
// the call does what the author meant, so the rule stays silent. Not
// reported either: kSecValueData in the attributes of SecItemAdd or in
// attributesToUpdate (where it belongs), and a read that names the item by
// kSecValueRef or kSecValuePersistentRef.
//
// Example:
//
//	// "is this the stored PIN?"
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrService as String: "pin",
//	    kSecValueData as String: Data(pin.utf8),   // reported: selects nothing
//	]
//	return SecItemCopyMatching(query as CFDictionary, nil) == errSecSuccess
//
// Use instead: read the secret and compare it.
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrService as String: "pin",
//	    kSecReturnData as String: true,
//	]
//	var out: CFTypeRef?
//	guard SecItemCopyMatching(query as CFDictionary, &out) == errSecSuccess,
//	      let stored = out as? Data else { return false }
//	return stored == Data(pin.utf8)
package valuefilter
