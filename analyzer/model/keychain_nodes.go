package model

// The nodes in this file are the keychain idioms the front end recognises
// on top of the generic syntax, so that the flow engine sees one shape per
// idiom whatever the language and spelling.

// Op is a SecItem operation.
type Op int

const (
	OpAdd    Op = iota // SecItemAdd
	OpRead             // SecItemCopyMatching
	OpUpdate           // SecItemUpdate
	OpDelete           // SecItemDelete
)

func (o Op) String() string {
	return [...]string{"add", "read", "update", "delete"}[o]
}

// Func returns the SecItem function name of the operation.
func (o Op) Func() string {
	return [...]string{"SecItemAdd", "SecItemCopyMatching", "SecItemUpdate", "SecItemDelete"}[o]
}

// SecItemOps maps the SecItem function names to their operation.
var SecItemOps = map[string]Op{
	"SecItemAdd":          OpAdd,
	"SecItemCopyMatching": OpRead,
	"SecItemUpdate":       OpUpdate,
	"SecItemDelete":       OpDelete,
}

// Role is the role a dictionary plays in a SecItem call.
type Role int

const (
	RoleQuery      Role = iota // the query (read, update, delete)
	RoleAttributes             // the attributes to add (SecItemAdd)
	RoleUpdate                 // attributesToUpdate (SecItemUpdate)
)

func (r Role) String() string {
	return [...]string{"query", "attributes", "attributesToUpdate"}[r]
}

// SecItemCall is a call of SecItemAdd, SecItemCopyMatching, SecItemUpdate
// or SecItemDelete.
type SecItemCall struct {
	Op Op
	// Dict is the first dictionary argument: the attributes of an add, the
	// query of a read, update or delete.
	Dict Expr
	// Update is attributesToUpdate (SecItemUpdate only).
	Update Expr
	// Result is the result pointer argument of SecItemAdd and
	// SecItemCopyMatching; nil when absent or nil/NULL.
	Result Expr
	// Call is the call as written.
	Call     *Call
	NameSpan Span
	Span     Span
}

// DictOpKind is what a DictOp does to a dictionary.
type DictOpKind int

const (
	DictSet       DictOpKind = iota // q[k] = v, setObject:forKey:, updateValue(_:forKey:), CFDictionarySetValue
	DictAdd                         // CFDictionaryAddValue: set only when absent
	DictRemove                      // q[k] = nil, removeValue(forKey:), removeObjectForKey:, CFDictionaryRemoveValue
	DictRemoveAll                   // removeAll(), removeAllObjects, CFDictionaryRemoveAllValues
	DictMerge                       // merge(_:), addEntries(from:), addEntriesFromDictionary:
)

// DictOp is a mutation of the dictionary Dict.
type DictOp struct {
	Kind  DictOpKind
	Dict  Expr
	Key   Expr // DictSet, DictAdd, DictRemove
	Value Expr // DictSet, DictAdd
	Other Expr // DictMerge: the dictionary merged in
	// Boxes marks a set whose value parameter is a non-optional Any
	// (Swift setObject(_:forKey:), updateValue(_:forKey:)): a Swift
	// Optional passed there is boxed into Any, nil included, where a
	// subscript set or setValue(_:forKey:) takes an Optional and removes
	// the key for nil.
	Boxes bool
	Span  Span
}

// NewDict creates a dictionary that is not a literal: an empty one
// (`[String: Any]()`, `[NSMutableDictionary dictionary]`,
// `CFDictionaryCreateMutable`), a copy (`mutableCopy`,
// `dictionaryWithDictionary:`, `merging`, `NSMutableDictionary(dictionary:)`),
// or one made from parallel key and value arrays (`CFDictionaryCreate`).
type NewDict struct {
	// Ref marks reference-type results (NSMutableDictionary,
	// CFMutableDictionaryRef): assigning them aliases rather than copies.
	Ref bool
	// Copy is the dictionary copied, nil for an empty dictionary.
	Copy Expr
	// Merge is a dictionary merged into the copy (`a.merging(b)`).
	Merge Expr
	// Keys and Values are the array arguments of CFDictionaryCreate.
	Keys, Values Expr
	Span         Span
}

// StatusCmp compares a status with an error constant: X == Code or
// X != Code. CodeName is the constant as written ("errSecItemNotFound",
// "noErr", "-25300").
type StatusCmp struct {
	X        Expr
	Equal    bool
	Code     int
	CodeName string
	Span     Span
}

func (*SecItemCall) expr() {}
func (*DictOp) expr()      {}
func (*NewDict) expr()     {}
func (*StatusCmp) expr()   {}

func (e *SecItemCall) Pos() Span { return e.Span }
func (e *DictOp) Pos() Span      { return e.Span }
func (e *NewDict) Pos() Span     { return e.Span }
func (e *StatusCmp) Pos() Span   { return e.Span }
