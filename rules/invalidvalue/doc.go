// Package invalidvalue defines an Analyzer that reports values a keychain
// key cannot hold.
//
// # Analyzer invalidvalue
//
// invalidvalue: a value the key cannot hold
//
// kSecValueData must be data (Data, NSData, CFData). securityd checks its
// type before anything else: query_set_data rejects any other value with
// errSecItemInvalidValue, which is errSecParam (-50)
// (apple-oss-distributions/Security at db15acbe: keychain/securityd/
// SecDbQuery.c lines 752-754, reached from query_applier at lines 906-907
// and query_add_value at line 788 for an add and a query alike;
// errSecItemInvalidValue = errSecParam in base/SecBasePriv.h line 72). So
// SecItemAdd, SecItemUpdate (query or attributesToUpdate) and the other
// calls fail with -50 on the data-protection keychain (iOS, iPadOS, tvOS,
// watchOS, visionOS, Mac Catalyst, and macOS with
// kSecUseDataProtectionKeychain or kSecAttrSynchronizable true) when
// kSecValueData holds a string, a number or a boolean. In Swift,
// `kSecValueData as String: "secret"` stores a String, which bridges to
// NSString, not Data.
//
// The macOS file keychain accepts a string there and converts it to UTF-8
// data (OSX/libsecurity_keychain/lib/SecItem.cpp lines 3002-3019), so a
// string is reported only where the call can reach the data-protection
// keychain; a number or a boolean is rejected by both.
//
// The analyzer reports, at the value, a string, number or boolean literal
// (or a constant known to hold one) that may reach kSecValueData, and a
// Swift variable, parameter or stored property declared String, Bool or
// a number type that does.
//
// NSNull (a caller's [NSNull null], NSNull(), kCFNull) is not "no value"
// to securityd: every attribute converter but the UUID one returns NULL
// for it (SecDbItem.c lines 61-161: copyString, copyData, copyBlob,
// copyNumber, copyDate), so query_add_attribute_with_desc fails with
// errSecItemInvalidValue, "attribute %@: value: %@ failed to convert"
// (SecDbQuery.c lines 323-325), for an add, a query and
// attributesToUpdate alike (query_applier and query_update_applier);
// kSecValueData rejects it as not data and a kSecReturn* key as not a
// CFBoolean (line 631). (SecDbItem.c lines 285-293, where a NULL
// attribute becomes kCFNull, is securityd writing an item's own missing
// attributes to its database, after this conversion.) The analyzer
// reports NSNull as the value of an attribute (kSecAttrAccessControl
// aside: the client converts it first), of kSecValueData or of a
// kSecReturn* key where the call can reach the data-protection keychain.
//
// A Swift Optional boxed into Any is NSNull when it is nil: Swift
// bridges Optional.none in Any to NSNull and Optional.some to its payload
// (SE-0140). The analyzer reports a variable, parameter or stored
// property declared with an Optional type (`String?`) that is boxed as
// the value of such a key: a dictionary literal's value (`[k: maybe]`,
// `[k: maybe as Any]`), `dict[k] = maybe as Any`, setObject(_:forKey:),
// updateValue(_:forKey:). It stays silent when the Optional is unwrapped
// (`if let`, `guard let`, `maybe!`, `maybe ?? default`, inside `if maybe
// != nil`), when it is set through `dict[k] = maybe` or setValue(_:
// forKey:) (they take an Optional and leave the key out for nil), when
// the type of the value is not declared (a call's result), and when the
// Optional is a parameter of a helper that builds the dictionary and the
// call passes a value that is not nil.
//
// A boolean (true, @YES, a Swift Bool) where securityd needs text also
// fails: the Blob and Data attributes (kSecAttrAccount, kSecAttrService,
// kSecAttrLabel, kSecAttrDescription, kSecAttrComment, kSecAttrGeneric,
// kSecAttrServer, kSecAttrSecurityDomain, kSecAttrPath,
// kSecAttrApplicationTag, kSecAttrApplicationLabel; SecItemSchema.c lines
// 84-138) convert data, a string or a number but not a CFBoolean
// (copyBlob, copyData), and the String and Access ones
// (kSecAttrAccessGroup, kSecAttrAccessible) take only a string or data
// (copyString), so a number fails there too. A number in a Blob attribute
// converts and is not reported; nor is true for a boolean key.
//
// On the macOS file keychain these conversions were not verified, so
// NSNull, boxed Optionals and text attributes are reported only where the
// call can reach the data-protection keychain.
//
// Example:
//
//	let item: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrAccount as String: "me",
//	    kSecValueData as String: "hunter2",   // error: -50, a String is not Data
//	]
//
// Use instead:
//
//	kSecValueData as String: Data("hunter2".utf8),
package invalidvalue
