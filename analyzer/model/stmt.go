package model

// Decl declares a variable or constant: Swift let/var, an Objective-C or C
// declaration. Value is nil when there is no initialiser.
type Decl struct {
	Name     string
	NameSpan Span
	Type     string // declared type text, "" when inferred
	Value    Expr
	Mutable  bool
	Span     Span
}

// Assign is `Target Op Value` with Op "=", "+=", "??=" and so on.
type Assign struct {
	Target Expr
	Op     string
	Value  Expr
	Span   Span
}

// ExprStmt evaluates an expression for its effect.
type ExprStmt struct {
	X    Expr
	Span Span
}

// If is if/else; an else-if chain is an Else holding one If.
type If struct {
	Cond Expr
	Then []Stmt
	Else []Stmt
	Span Span
}

// Guard is Swift's guard: when Cond is false, Else runs and must leave the
// scope; otherwise execution continues after the guard.
type Guard struct {
	Cond Expr
	Else []Stmt
	Span Span
}

// Switch is switch/case. In C-family switches (CStyle) control falls from
// one case into the next unless a break or return intervenes; in Swift
// only an explicit Fallthrough does that.
type Switch struct {
	Tag    Expr
	Cases  []*Case
	CStyle bool
	Span   Span
}

// Case is one case of a Switch; Default marks `default:` (Values empty).
// Platforms, when not zero, is the set of platforms on which the case is
// compiled (a Swift `case` clause inside #if): elsewhere the switch has
// no such case, and its values go on to the later cases.
type Case struct {
	Values    []Expr
	Default   bool
	Body      []Stmt
	Platforms Platform
	Span      Span
}

// LoopKind distinguishes loops whose body may run zero times from
// do-while / repeat-while loops that run it at least once.
type LoopKind int

const (
	LoopWhile   LoopKind = iota // while, for, for-in: zero or more times
	LoopDoWhile                 // repeat-while, do-while: at least once
)

// Loop is any loop. Cond is nil for a for-in loop, which ends with its
// sequence (after any number of iterations, zero included); a loop without
// an exit condition (C for(;;)) has Cond true.
type Loop struct {
	Kind LoopKind
	Cond Expr
	// Var and Seq are a for-in loop's element variable and sequence, when
	// the variable is one name ("" and nil otherwise): the engine binds
	// the variable to the elements of a literal sequence.
	Var  string
	Seq  Expr
	Body []Stmt
	Span Span
}

// Return leaves the function; Value may be nil.
type Return struct {
	Value Expr
	Span  Span
}

// Throw leaves the function with an error (Swift throw, @throw).
type Throw struct {
	Value Expr
	Span  Span
}

// Break leaves the innermost loop or switch.
type Break struct{ Span Span }

// Continue starts the next iteration of the innermost loop.
type Continue struct{ Span Span }

// Fallthrough continues into the next Swift case.
type Fallthrough struct{ Span Span }

// Block is a nested scope: a plain block, @autoreleasepool, Swift do
// without catch.
type Block struct {
	Body []Stmt
	Span Span
}

// Try is do/catch or @try/@catch/@finally: each catch may run after any
// statement of Body; Finally always runs.
type Try struct {
	Body    []Stmt
	Catches [][]Stmt
	Finally []Stmt
	Span    Span
}

// IfConfig is conditional compilation: #if/#elseif/#else/#endif in Swift,
// #if/#ifdef/#elif/#else/#endif in Objective-C and C.
type IfConfig struct {
	Clauses []*ConfigClause
	Span    Span
}

// ConfigClause is one branch of an IfConfig. Cond is the condition's
// source text ("os(macOS)", "TARGET_OS_OSX", "" for #else); Platforms is
// the set of platforms on which this branch can be compiled (AllPlatforms
// when the condition does not depend on the platform).
type ConfigClause struct {
	Cond      string
	Platforms Platform
	Body      []Stmt
	Span      Span
}

func (*Decl) stmt()        {}
func (*Assign) stmt()      {}
func (*ExprStmt) stmt()    {}
func (*If) stmt()          {}
func (*Guard) stmt()       {}
func (*Switch) stmt()      {}
func (*Loop) stmt()        {}
func (*Return) stmt()      {}
func (*Throw) stmt()       {}
func (*Break) stmt()       {}
func (*Continue) stmt()    {}
func (*Fallthrough) stmt() {}
func (*Block) stmt()       {}
func (*Try) stmt()         {}
func (*IfConfig) stmt()    {}

func (s *Decl) Pos() Span        { return s.Span }
func (s *Assign) Pos() Span      { return s.Span }
func (s *ExprStmt) Pos() Span    { return s.Span }
func (s *If) Pos() Span          { return s.Span }
func (s *Guard) Pos() Span       { return s.Span }
func (s *Switch) Pos() Span      { return s.Span }
func (s *Case) Pos() Span        { return s.Span }
func (s *Loop) Pos() Span        { return s.Span }
func (s *Return) Pos() Span      { return s.Span }
func (s *Throw) Pos() Span       { return s.Span }
func (s *Break) Pos() Span       { return s.Span }
func (s *Continue) Pos() Span    { return s.Span }
func (s *Fallthrough) Pos() Span { return s.Span }
func (s *Block) Pos() Span       { return s.Span }
func (s *Try) Pos() Span         { return s.Span }
func (s *IfConfig) Pos() Span    { return s.Span }
