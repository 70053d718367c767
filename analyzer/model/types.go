package model

// Prop is a stored property a Swift type declares (one without accessors):
// what the flow engine needs to know of a value read from it without a
// body to run. Computed properties and stored ones with an initial value
// are Funcs (FuncProperty) as well; a Prop is recorded for every stored
// property, with or without an initial value.
type Prop struct {
	Owner string // the declaring type ("" at file scope)
	Name  string
	// Type is the declared type text ("String?", "Int"), "" when inferred.
	Type string
	// HasInit marks an initial value (`var x: Int? = nil`, `let k = "a"`).
	HasInit bool
	Static  bool
	// External marks a property that code the program does not show may
	// set: declared with an attribute or modifier (@objc, dynamic,
	// @IBOutlet, @NSManaged, a property wrapper such as @Published) that
	// exposes it to the Objective-C runtime, to Interface Builder or to a
	// wrapper's storage.
	External bool
	NameSpan Span
	Span     Span
}

// OptionalType reports whether declared type text is a Swift Optional
// (`String?`, `Optional<Data>`): not an implicitly unwrapped one (`T!`,
// whose value Swift unwraps where a non-optional is needed), and not an
// inferred type ("").
func OptionalType(t string) bool {
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		t = t[:len(t)-1]
	}
	return len(t) > 1 && t[len(t)-1] == '?' || len(t) > 9 && t[:9] == "Optional<"
}
