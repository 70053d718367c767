// Package inventory lists the keychain items a program creates
// (`keychainlint inventory`): one row per item, with its class, its
// identifying attributes, its protection (accessibility, access control,
// synchronizable, access group, data-protection keychain), the functions
// that add, read, update and delete it, and the targets and platforms that
// build them.
//
// The rows come from the flow engine's call facts, the same dictionary
// states the rules read. Each SecItemAdd is an item, seen where its
// dictionary is most precise: at the callers of a wrapper or of a helper
// that names the item from its parameters, where the engine substituted
// the arguments (build.go). Adds that certainly name the same item
// (rulekit.SameItem, or one dictionary object retried) are one row. A
// read, update or delete belongs to a row when it certainly names the
// same item, and is listed as "possible" when it only may: its class is
// the item's, and every attribute the keychain finds items by that both
// set is linked by the code (the same constant, the same expression, or
// unknown values of one type's code; group.go). The inventory never
// guesses that two unrelated unknown values are equal. A value the
// engine does not know is printed as unknown, with the expression or
// parameter it comes from.
//
// Everything is sorted by file path and offset, so the output does not
// depend on the order files were parsed in or on the number of workers.
package inventory
