package inventory

// Inventory is the result: the items the code creates, and the queries
// that name none of them.
type Inventory struct {
	Items []*Item `json:"items"`
	// Queries are the reads, updates and deletes that neither certainly
	// nor possibly name an item this code creates: items of another app
	// or extension, of an earlier version, or added by code the engine
	// could not follow.
	Queries []*Query `json:"otherQueries"`
}

// Item is one keychain item (a row).
type Item struct {
	// ID numbers the rows from 1, in the order of their first add.
	ID int `json:"id"`
	// Class is the item class constant (kSecClassGenericPassword), or
	// unknown.
	Class Value `json:"class"`
	// Attributes are the identifying attributes of the class (service,
	// account, server, application tag, label), in a fixed order.
	Attributes []Attribute `json:"attributes"`
	// The protection of the item as added.
	Accessible     Value `json:"accessible"`
	AccessControl  Value `json:"accessControl"`
	Synchronizable Value `json:"synchronizable"`
	AccessGroup    Value `json:"accessGroup"`
	// DefaultAccessGroups are, when some path adds the item without
	// kSecAttrAccessGroup, the group it then goes to for each Xcode
	// target that builds the add: the first keychain-access-groups entry
	// of its entitlements, else its application identifier ("*" stands
	// for the app ID prefix, which signing adds), as "group (target)".
	DefaultAccessGroups []string `json:"defaultAccessGroups,omitempty"`
	// Keychain says which keychain the item goes to on macOS (see
	// macKeychain): KeychainDP, KeychainFile (the legacy file keychain:
	// the add can run on macOS without a key that chooses the
	// data-protection keychain), KeychainSome, or KeychainNoMac for code
	// that never runs on macOS.
	Keychain string `json:"keychain"`
	// The functions that add, read, update and delete the item.
	Adds    []Use `json:"add"`
	Reads   []Use `json:"read"`
	Updates []Use `json:"update"`
	Deletes []Use `json:"delete"`
	// Targets are the build units (Xcode targets, SwiftPM targets, pods)
	// that compile the adds; Platforms the platforms the adds can run on.
	Targets   []string `json:"targets"`
	Platforms string   `json:"platforms"`
	// Test is set when every add is in test code.
	Test bool `json:"test,omitempty"`
}

// Attribute is an identifying attribute of an item.
type Attribute struct {
	Key string `json:"key"` // kSecAttrService
	// Identifying is set when the key is one the class's items are told
	// apart by (RULES.md: account and service of a generic password); an
	// attribute that is neither identifying nor set is not shown.
	Identifying bool `json:"identifying,omitempty"`
	Value
}

// Value is what an attribute holds, joined over every add of the item
// and every path to it.
type Value struct {
	// Known are the constants it may hold, as written
	// (kSecAttrAccessibleAfterFirstUnlock, "com.example.app", true).
	Known []string `json:"known,omitempty"`
	// Unknown is set when it may hold a value the engine does not know;
	// From then names where the value comes from, when that helps: an
	// expression (self.service) or a parameter (parameter account of
	// save(_:account:)).
	Unknown bool     `json:"unknown,omitempty"`
	From    []string `json:"from,omitempty"`
	// Absent is set when some path adds the item without the key
	// (Known and Unknown are then what the other paths write); Absent
	// alone means no path writes it.
	Absent bool `json:"absent,omitempty"`
}

// Use is a SecItem call that adds, reads, updates or deletes an item.
type Use struct {
	// Function is the function that makes the call (Type.method(label:),
	// an Objective-C selector, a C function), and Via the wrapper that
	// makes the SecItem call for it, if any.
	Function string `json:"function"`
	Via      string `json:"via,omitempty"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	// Possible is set for a query that may name the item but not
	// certainly (a value the engine does not know, or an attribute it
	// leaves out: a broader query).
	Possible bool `json:"possible,omitempty"`
	// Sets are, for an update, the protection attributes its
	// attributesToUpdate change ("kSecAttrAccessible =
	// kSecAttrAccessibleAfterFirstUnlock"): the item then no longer has
	// the protection it was added with.
	Sets []string `json:"sets,omitempty"`
}

// Query is a read, update or delete that names no item of the inventory.
type Query struct {
	Op         string      `json:"op"` // read, update, delete
	Class      Value       `json:"class"`
	Attributes []Attribute `json:"attributes"`
	Use
}
