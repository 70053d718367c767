package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// Build says how a dictionary object was made, so that rules can tell
// that two dictionaries are the same one, or made the same way, even where
// a key is present on some paths only (`if (self.account) { … }` in a
// query helper): the same allocation (one object, or a Swift copy of it),
// or the dictionary returned by the same helper called with the same text
// in the same function, whose arguments only read values (names, member
// chains, literals). Two such dictionaries hold a key written at the same
// sites under the same conditions. A change the engine cannot follow (a
// key removed, an unknown callee given the object) forgets the build: a
// removal on some paths leaves the other entries looking the same.
type Build struct {
	// At is the allocation site (a literal, NSMutableDictionary), zero for
	// a helper's result.
	At Site
	// Helper is the helper called, In the function that calls it, Call the
	// call's source text.
	Helper, In *model.Func
	Call       string
}

// Known reports whether the build names an allocation or a helper call.
func (b Build) Known() bool { return b.At.File != nil || b.Helper != nil }

// callBuild is the build of the dictionary that fn returns at call: none
// when an argument or the receiver computes a value (UUID().uuidString,
// a closure) rather than reading one, since two calls may then differ.
func (a *interp) callBuild(fn *model.Func, call *model.Call) Build {
	if call == nil || a.file == nil || call.Span.Start < 0 || call.Span.End > len(a.file.Src) || call.Span.Start >= call.Span.End {
		return Build{}
	}
	if recv := call.Receiver(); recv != nil && !readsValue(recv) {
		return Build{}
	}
	for _, arg := range call.Args {
		if !readsValue(arg.Value) {
			return Build{}
		}
	}
	return Build{Helper: fn, In: a.fn, Call: string(a.file.Src[call.Span.Start:call.Span.End])}
}

// readsValue reports whether an expression only reads a value: a name, a
// chain of member accesses, or a literal.
func readsValue(e model.Expr) bool {
	switch x := model.StripCasts(e).(type) {
	case *model.Ident, *model.StringLit, *model.NumberLit, *model.BoolLit, *model.NilLit:
		return true
	case *model.Member:
		return readsValue(x.X)
	}
	return false
}

// forgetBuild marks an object changed in a way its entries do not show.
func forgetBuild(o *Obj) { o.Build = Build{} }
