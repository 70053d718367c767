package model

// Span is a half-open byte range [Start, End) in a file's source.
type Span struct{ Start, End int }

// Valid reports whether the span points at source text.
func (s Span) Valid() bool { return s.End > s.Start || s.Start > 0 }

// File is one lowered source file.
type File struct {
	Path string
	Lang Lang
	Src  []byte
	// Funcs lists every analysable body: functions, methods, initialisers,
	// computed properties and accessors, property initialisers (static let,
	// global constants) and top-level code. Closures are not listed: they
	// are Closure expressions inside the body that defines them.
	Funcs []*Func
	// Errors are the byte ranges tree-sitter could not parse; the rest of
	// the file was lowered normally.
	Errors []Span
	// Comments are every comment in the file (for inline suppressions).
	Comments []Comment
	// Truncated reports that lowering stopped descending somewhere because
	// the syntax nested deeper than the front end's depth limit; Cut are
	// the byte ranges it did not descend into.
	Truncated bool
	Cut       []Span
	// TimedOut reports that the parser gave up at its time limit, and
	// TimedOutRegions the byte ranges lost to it: the whole file, or, when
	// parsing the file again one top-level declaration at a time recovered
	// the rest, the declarations whose own parse gave up too.
	TimedOut        bool
	TimedOutRegions []Span
	// AnalysisCut are the functions (their spans) whose analysis by the
	// flow engine ran out of its step budget: set by the driver after the
	// analysis; their findings are missing.
	AnalysisCut []Span
	// Platforms is the platform scope of the whole file, inferred by the
	// flow engine (0 until then): a file that uses macOS-only APIs outside
	// any #if compiles only for macOS, one in an ios/ directory only for
	// iOS.
	Platforms Platform
	// Project holds the project's facts about the file (module, platforms,
	// deployment targets, test code); nil when none were read.
	Project *ProjectInfo
	// Availability lists the regions that availability checks govern
	// (see AvailabilityAt); DeprecationAllowed the regions where the
	// compiler's deprecation warnings are switched off (see
	// DeprecationAllowedAt).
	Availability       []Availability
	DeprecationAllowed []Span
	// Structs names the Swift value types (struct declarations) the file
	// declares: a copy of such a value does not alias the original.
	// Classes names its Swift classes and actors (reference types).
	Structs []string
	Classes []string
	// Props are the stored properties the file's Swift types declare
	// (see Prop); Exposed names the types whose stored properties code
	// the program does not show may set: a type that is Decodable or
	// Codable (its synthesised init(from:)), or @objcMembers (key-value
	// coding), in its declaration or an extension.
	Props   []*Prop
	Exposed []string
	// Types are the file's type declarations and extensions that name
	// supertypes or protocols (see TypeDecl).
	Types []TypeDecl
}

// Comment is one source comment, text included (// or /* */ markers too).
type Comment struct {
	Text string
	Span Span
}

// FuncKind says what kind of body a Func is.
type FuncKind int

const (
	FuncFunction FuncKind = iota // free function (Swift func, C function)
	FuncMethod                   // Swift method or Objective-C method
	FuncInit                     // Swift init / Objective-C -init…
	FuncProperty                 // computed property, accessor, or initialiser of a stored property / global constant
	FuncTopLevel                 // top-level statements of a Swift file
	FuncClosure                  // Swift closure or Objective-C block
)

func (k FuncKind) String() string {
	return [...]string{"function", "method", "initializer", "property", "top-level code", "closure"}[k]
}

// Func is one body of code.
type Func struct {
	Kind FuncKind
	// Name is the function or property name; for Objective-C methods the
	// full selector ("queryForAccount:service:").
	Name string
	// Owner is the enclosing type (class, struct, enum, extension,
	// @implementation), "" at file scope.
	Owner string
	// Static marks type members (static, class, +methods) and file-scope
	// declarations: they are used without an instance.
	Static bool
	Params []*Param
	// ResultType is the declared result type text ("[String: Any]",
	// "NSMutableDictionary *"), "" when not declared.
	ResultType string
	Body       []Stmt
	// Platforms is the platform scope of the definition itself: narrowed
	// when the whole function sits inside an #if region.
	Platforms Platform
	Span      Span
	NameSpan  Span
	File      *File
	// Parent is the function whose body declares this one (a Swift
	// function nested in another: its body may use the enclosing
	// function's parameters); nil otherwise.
	Parent *Func
}

// Sig is the name under which calls resolve to this function:
// "baseQuery(account:)" for Swift functions, the selector for Objective-C
// methods, the plain name for C functions and properties.
func (f *Func) Sig() string {
	if f.File != nil && f.File.Lang == Swift && (f.Kind == FuncFunction || f.Kind == FuncMethod || f.Kind == FuncInit) {
		labels := make([]string, len(f.Params))
		for i, p := range f.Params {
			labels[i] = p.Label
		}
		return SwiftSig(f.Name, labels)
	}
	return f.Name
}

// SwiftSig builds "name(a:_:)" from a base name and argument labels ("" or
// "_" for an unlabelled argument).
func SwiftSig(name string, labels []string) string {
	s := name + "("
	for _, l := range labels {
		if l == "" {
			l = "_"
		}
		s += l + ":"
	}
	return s + ")"
}

// Param is a function parameter.
type Param struct {
	Label string // external label (Swift; "_" for none) or selector part (Objective-C)
	Name  string // internal name
	Type  string // declared type text
	InOut bool   // Swift inout or a pointer parameter written through
	// HasDefault marks a Swift parameter with a default value (calls may
	// omit it).
	HasDefault bool
	Span       Span
}

// Stmt is a statement.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression.
type Expr interface {
	Node
	expr()
}

// Node is any model node.
type Node interface {
	Pos() Span
}
