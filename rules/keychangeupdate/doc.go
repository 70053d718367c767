// Package keychangeupdate defines an Analyzer that reports SecItemUpdate
// calls that change an item's primary key with a query that matches more
// than one item.
//
// # Analyzer keychangeupdate
//
// keychangeupdate: SecItemUpdate renames every item its query matches
//
// SecItemUpdate applies attributesToUpdate to every item its query
// matches. When the attributes to update change an attribute that is part
// of what makes an item unique (the primary key: kSecAttrAccount and
// kSecAttrService for generic passwords, kSecAttrAccount and
// kSecAttrServer for internet passwords, kSecAttrApplicationTag or
// kSecAttrApplicationLabel for keys) and the query does not name one
// item, every matching item gets the same new value: two items that
// differed only in that attribute now collide, and the update fails with
// errSecDuplicateItem (-25299); otherwise several items are renamed at
// once.
//
// The analyzer reports a primary-key attribute in attributesToUpdate when
// the update's query is complete (every key it can hold is known), knows
// its class, holds no kSecValueRef or kSecValuePersistentRef, lacks at
// least one identifying attribute of the class for each way of naming an
// item, and does not hold the changed attribute itself. A query that names
// the changed attribute (renaming the service of every item of the old
// service, a migration) is not reported: the items keep their other
// attributes and stay distinct. Attributes outside the primary key
// (kSecAttrLabel, kSecAttrGeneric, kSecValueData) are never reported.
//
// Example:
//
//	let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
//	                            kSecAttrService as String: service]
//	let update: [String: Any] = [kSecAttrAccount as String: newAccount]   // reported
//	SecItemUpdate(query as CFDictionary, update as CFDictionary)
//
// Use instead: name the item being renamed in the query, with its current
// value:
//
//	let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
//	                            kSecAttrService as String: service,
//	                            kSecAttrAccount as String: oldAccount]
package keychangeupdate
