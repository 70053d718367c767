// Package literalkey defines an Analyzer that reports string keys that
// spell a Security constant's name instead of its value.
//
// # Analyzer literalkey
//
// literalkey: a constant's name written as a string key
//
// The keychain constants are CFStrings whose values are short strings:
// kSecAttrAccount is "acct", kSecAttrService is "svce", kSecValueData is
// "v_Data". A string literal that spells the constant's name
// ("kSecAttrAccount", @"kSecAttrService", CFSTR("kSecAttrLabel")) is a
// different key: the keychain receives the string "kSecAttrAccount".
// securityd sorts a string key by its length and first character, and a
// key that starts with "k" is none it knows: the default case of
// query_applier raises errSecItemInvalidKey
// (apple-oss-distributions/Security at db15acbe,
// keychain/securityd/SecDbQuery.c line 912), which is errSecParam (-50)
// (base/SecBasePriv.h line 70; secitem-facts.md §0). The legacy macOS
// file keychain may ignore the key instead, so the item is stored or found
// without the attribute the code meant to set.
//
// The analyzer reports a string key of a dictionary that reaches a SecItem
// call (the query or attributes, and attributesToUpdate) when the string
// is the name of a keychain key constant, at the key expression. The
// string may be written at the key or come from a constant, a property, a
// helper, the raw value of a String enum case (K.account.rawValue) or an
// Objective-C or C object-like macro whose replacement is one string
// literal (#define KCAccountKey @"kSecAttrAccount", in the file or in a
// header the prefilter picks up) the flow engine follows; the message
// then shows the string. Other macros are not expanded.
// A literal written at the key gets a suggested fix: the constant, as
// "kSecAttrAccount as String" in Swift, "(__bridge id)kSecAttrAccount" in
// Objective-C, and the bare constant for CFSTR.
//
// Not reported: the short values ("acct", "svce", "v_Data"), which are the
// keys themselves; a constant's name used as a value; strings that name no
// keychain key; dictionaries that never reach a SecItem call.
//
// Example:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    "kSecAttrService": "com.example.app",   // reported
//	    kSecAttrAccount as String: account,
//	]
//
// Use instead:
//
//	let query: [String: Any] = [
//	    kSecClass as String: kSecClassGenericPassword,
//	    kSecAttrService as String: "com.example.app",
//	    kSecAttrAccount as String: account,
//	]
package literalkey
