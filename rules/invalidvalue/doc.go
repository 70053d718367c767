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
// (or a constant known to hold one) that may reach kSecValueData. It stays
// silent on values of unknown type: a variable, a call
// (`"secret".data(using: .utf8)!`, `Data(secret.utf8)`), a property.
//
// Not covered yet (issue 11 asks for them; the model carries no types):
// Swift optionals boxed into Any and NSNull values. securityd treats
// NSNull in an attribute as "no value" rather than rejecting it
// (SecDbItem.c lines 285-293), so only NSNull for kSecValueData would
// fail with -50.
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
