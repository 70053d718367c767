// Package inventory lists the keychain items a program creates
// (`keychainlint inventory`): one row per item, with its class, its
// identifying attributes, its protection (accessibility, access control,
// synchronizable, access group, data-protection keychain), the functions
// that add, read, update and delete it, and the targets and platforms that
// build them.
//
// The rows come from the flow engine's call facts, the same dictionary
// states the rules read. Each SecItemAdd is an item; adds that certainly
// name the same item (rulekit.SameItem) are one row. A read, update or
// delete belongs to a row when it certainly names the same item, and is
// listed as "possible" when it only may (its class is the item's, and no
// attribute the keychain finds items by holds a constant that differs
// from the item's): the inventory never guesses that two unknown values
// are equal. A value the engine does not know is printed as unknown, with
// the expression or parameter it comes from.
//
// Everything is sorted by file path and offset, so the output does not
// depend on the order files were parsed in or on the number of workers.
package inventory
