package model

// Ident is a name: a variable, a constant such as kSecClass, a type, self.
type Ident struct {
	Name string
	Span Span
}

// StringLit is a string literal without interpolation ("acct", @"acct").
// Interpolated literals are Unknown.
type StringLit struct {
	Value string
	Span  Span
}

// NumberLit is an integer or floating-point literal; Int is valid when
// IsInt.
type NumberLit struct {
	Text  string
	Int   int64
	IsInt bool
	Span  Span
}

// BoolLit is true/false, YES/NO, kCFBooleanTrue/False, @YES/@NO, @(YES).
type BoolLit struct {
	Value bool
	Span  Span
}

// NilLit is nil, NULL, Nil or nullptr.
type NilLit struct{ Span Span }

// DictLit is a dictionary literal: Swift [k: v], Objective-C @{k: v}.
// Swift's empty literal [:] has no entries.
type DictLit struct {
	Entries []*DictEntry
	Span    Span
}

// DictEntry is one key-value pair of a DictLit.
type DictEntry struct {
	Key   Expr
	Value Expr
	Span  Span
}

// ArrayLit is an array literal or a C initialiser list.
type ArrayLit struct {
	Elems []Expr
	Span  Span
}

// Call is a function call, a method call or an Objective-C message send.
// Fun is an *Ident for a free function and a *Member for a method; for a
// message send Member.Name is the full selector ("setObject:forKey:") and
// each Arg.Label the selector part before its argument.
type Call struct {
	Fun         Expr
	Args        []*Arg
	ObjCMessage bool
	Span        Span
}

// Arg is one argument of a Call.
type Arg struct {
	Label string // Swift argument label or Objective-C selector part, "" when unlabelled
	Value Expr
	Span  Span
}

// Name returns the called function's or method's name: the identifier of a
// free function, the member name (selector) of a method.
func (c *Call) Name() string {
	switch f := c.Fun.(type) {
	case *Ident:
		return f.Name
	case *Member:
		return f.Name
	}
	return ""
}

// Receiver returns the receiver of a method call or message send, nil for
// a free function.
func (c *Call) Receiver() Expr {
	if m, ok := c.Fun.(*Member); ok {
		return m.X
	}
	return nil
}

// Sig returns the name calls resolve under (see Func.Sig): for Swift calls
// "name(label:)", for message sends the selector, for C calls the name.
func (c *Call) Sig(lang Lang) string {
	if lang == Swift && !c.ObjCMessage {
		labels := make([]string, len(c.Args))
		for i, a := range c.Args {
			labels[i] = a.Label
		}
		return SwiftSig(c.Name(), labels)
	}
	return c.Name()
}

// Member is X.Name (Swift member access, Objective-C property access), or
// the callee of a method call.
type Member struct {
	X        Expr
	Name     string
	NameSpan Span
	Span     Span
}

// Index is a subscript X[Index].
type Index struct {
	X     Expr
	Index Expr
	Span  Span
}

// Cast is a type conversion that keeps the value: Swift `as`, `as!`,
// `as?`, Objective-C and C casts including (__bridge id), and Swift's
// force unwrap `x!` (Kind CastForced, Type ""). Type is the target type's
// source text.
type Cast struct {
	X    Expr
	Type string
	Kind CastKind
	Span Span
}

// CastKind says what a cast does with a value that is nil or not of its
// type.
type CastKind uint8

const (
	// CastPlain keeps the value as it is (Swift `as`, C and Objective-C
	// casts and bridges: nil stays nil).
	CastPlain CastKind = iota
	// CastConditional gives nil (Swift `as?`).
	CastConditional
	// CastForced stops the program (Swift `as!` and the force unwrap
	// `x!`: "unexpectedly found nil").
	CastForced
)

// Unary is a prefix operator: !, -, & (address of / inout), *.
type Unary struct {
	Op   string
	X    Expr
	Span Span
}

// Binary is an infix operator, comparisons and && / || included.
type Binary struct {
	Op   string
	L, R Expr
	Span Span
}

// Ternary is Cond ? Then : Else.
type Ternary struct {
	Cond, Then, Else Expr
	Span             Span
}

// Closure is a Swift closure or an Objective-C block.
type Closure struct {
	Fn   *Func
	Span Span
}

// OptionalBind is a Swift optional binding condition, `let x = e` inside
// if, guard or while: true when e is not nil, binding Name.
type OptionalBind struct {
	Name  string
	Value Expr
	Span  Span
}

// Unknown is an expression the model does not represent. Sub holds the
// modelled subexpressions (their effects, such as SecItem calls inside an
// unmodelled construct, still count).
type Unknown struct {
	Sub  []Expr
	Span Span
}

func (*Ident) expr()        {}
func (*StringLit) expr()    {}
func (*NumberLit) expr()    {}
func (*BoolLit) expr()      {}
func (*NilLit) expr()       {}
func (*DictLit) expr()      {}
func (*ArrayLit) expr()     {}
func (*Call) expr()         {}
func (*Member) expr()       {}
func (*Index) expr()        {}
func (*Cast) expr()         {}
func (*Unary) expr()        {}
func (*Binary) expr()       {}
func (*Ternary) expr()      {}
func (*Closure) expr()      {}
func (*OptionalBind) expr() {}
func (*Unknown) expr()      {}

func (e *Ident) Pos() Span        { return e.Span }
func (e *StringLit) Pos() Span    { return e.Span }
func (e *NumberLit) Pos() Span    { return e.Span }
func (e *BoolLit) Pos() Span      { return e.Span }
func (e *NilLit) Pos() Span       { return e.Span }
func (e *DictLit) Pos() Span      { return e.Span }
func (e *DictEntry) Pos() Span    { return e.Span }
func (e *ArrayLit) Pos() Span     { return e.Span }
func (e *Call) Pos() Span         { return e.Span }
func (e *Arg) Pos() Span          { return e.Span }
func (e *Member) Pos() Span       { return e.Span }
func (e *Index) Pos() Span        { return e.Span }
func (e *Cast) Pos() Span         { return e.Span }
func (e *Unary) Pos() Span        { return e.Span }
func (e *Binary) Pos() Span       { return e.Span }
func (e *Ternary) Pos() Span      { return e.Span }
func (e *Closure) Pos() Span      { return e.Span }
func (e *OptionalBind) Pos() Span { return e.Span }
func (e *Unknown) Pos() Span      { return e.Span }

// StripCasts removes casts and parentheses-free wrappers around e:
// `kSecClass as String`, `(__bridge id)kSecClass`, `query as CFDictionary`.
func StripCasts(e Expr) Expr {
	for {
		c, ok := e.(*Cast)
		if !ok {
			return e
		}
		e = c.X
	}
}
