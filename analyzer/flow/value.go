package flow

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// ValueKind says what an abstract value is.
type ValueKind uint8

const (
	VUnknown ValueKind = iota
	VConst             // one of a few constants
	VDict              // a dictionary object (or one of several)
	VStatus            // the status of SecItem calls
	VArray             // an array literal (CFDictionaryCreate key/value arrays)
	VNil               // nil, NULL
	VResult            // the result out-parameter of SecItem calls (Status: the calls), nil when they failed
)

// Const is a constant value: an identifier such as
// kSecClassGenericPassword, a string, a boolean or an integer.
type Const struct {
	Ident string // identifier name, "" when a literal
	Str   string // string literal value
	IsStr bool
	Bool  int8 // 0 not a bool, 1 true, -1 false
	Int   int64
	IsInt bool
	// Site is where the constant was written.
	Site Site
}

// Text is the constant as a developer would write it.
func (c Const) Text() string {
	switch {
	case c.Ident != "":
		return c.Ident
	case c.IsStr:
		return `"` + c.Str + `"`
	case c.Bool == 1:
		return "true"
	case c.Bool == -1:
		return "false"
	}
	return ""
}

func (c Const) same(d Const) bool {
	return c.Ident == d.Ident && c.Str == d.Str && c.IsStr == d.IsStr && c.Bool == d.Bool && c.Int == d.Int && c.IsInt == d.IsInt
}

// Site is a place in a source file.
type Site struct {
	File *model.File
	Span model.Span
}

// Value is an abstract value.
type Value struct {
	Kind   ValueKind
	Consts []Const  // VConst
	Objs   []objID  // VDict: the objects it may be
	Status []callID // VStatus: the calls whose status it may be
	Elems  []Value  // VArray
	Sites  []Site   // VArray: where each element was written
	// NonNil: the value is certainly not nil (a Swift value of a
	// non-optional type, a literal, a binding of `if let`).
	NonNil bool
	// Derived describes a value a pure helper computed (see Derived).
	Derived *Derived
}

var unknown = Value{}

// maxConsts bounds the constants a value tracks before it becomes unknown.
const maxConsts = 8

func constValue(c Const) Value { return Value{Kind: VConst, Consts: []Const{c}} }

func dictValue(id objID) Value { return Value{Kind: VDict, Objs: []objID{id}} }

func joinValues(a, b Value) Value {
	v := joinKinds(a, b)
	v.NonNil = isNonNil(a) && isNonNil(b)
	return v
}

// isNonNil reports whether a value is certainly not nil.
func isNonNil(v Value) bool {
	return v.NonNil || (v.Kind == VConst && len(v.Consts) > 0)
}

// selfJoinKeeps reports whether joining v with itself gives v back, as far
// as anything can tell (NonNil of a constant is read only through
// isNonNil), so that a join may keep a value both paths share.
func selfJoinKeeps(v Value) bool {
	switch v.Kind {
	case VConst:
		return len(v.Consts) <= maxConsts
	case VDict:
		return strictlySorted(v.Objs)
	case VStatus, VResult:
		return strictlySorted(v.Status)
	case VNil:
		return true
	case VUnknown:
		return len(v.Consts)+len(v.Objs)+len(v.Status)+len(v.Elems)+len(v.Sites) == 0
	}
	return false
}

func strictlySorted[T ~int](ids []T) bool {
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			return false
		}
	}
	return true
}

// sameValue reports whether two values are the same value: equal fields
// and the same slices (values are never changed in place).
func sameValue(a, b Value) bool {
	return a.Kind == b.Kind && a.NonNil == b.NonNil && sameSlice(a.Consts, b.Consts) && sameSlice(a.Objs, b.Objs) &&
		sameSlice(a.Status, b.Status) && sameSlice(a.Elems, b.Elems) && sameSlice(a.Sites, b.Sites)
}

func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func joinKinds(a, b Value) Value {
	if a.Kind != b.Kind {
		return unknown
	}
	if a.Derived != nil || b.Derived != nil {
		if a.Kind == VUnknown && a.Derived.Equal(b.Derived) {
			return Value{Derived: a.Derived}
		}
		return unknown
	}
	switch a.Kind {
	case VNil:
		return a
	case VConst:
		out := append([]Const(nil), a.Consts...)
		for _, c := range b.Consts {
			found := false
			for _, d := range out {
				if c.same(d) {
					found = true
					break
				}
			}
			if !found {
				out = append(out, c)
			}
		}
		if len(out) > maxConsts {
			return unknown
		}
		return Value{Kind: VConst, Consts: out}
	case VDict:
		return Value{Kind: VDict, Objs: unionIDs(a.Objs, b.Objs)}
	case VStatus, VResult:
		return Value{Kind: a.Kind, Status: unionIDs(a.Status, b.Status)}
	case VArray:
		if len(a.Elems) != len(b.Elems) {
			return unknown
		}
		out := Value{Kind: VArray, Sites: a.Sites}
		for i := range a.Elems {
			out.Elems = append(out.Elems, joinValues(a.Elems[i], b.Elems[i]))
		}
		return out
	}
	return unknown
}

func unionIDs[T ~int](a, b []T) []T {
	out := append([]T(nil), a...)
	for _, x := range b {
		found := false
		for _, y := range out {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// StatusSet is the set of outcomes a SecItem call's status may have.
type StatusSet uint8

const (
	Success StatusSet = 1 << iota
	NotFound
	InteractionNotAllowed
	OtherFailure

	AnyStatus = Success | NotFound | InteractionNotAllowed | OtherFailure

	// Tested is not an outcome: it marks a program point inside a branch
	// whose condition tested the status (the else of `guard status ==
	// errSecSuccess`), as opposed to code after the branches merged again.
	Tested StatusSet = 1 << 7

	// Excluded and SuccessCompared are not outcomes either: they mark a
	// point reached (on some path) after the status was found unequal to
	// one failure code (`status != errSecItemNotFound`, the else of
	// `status == errSecDuplicateItem`), and after it was compared with
	// errSecSuccess (the code tells success from failure), for StatusExit.
	Excluded        StatusSet = 1 << 6
	SuccessCompared StatusSet = 1 << 5

	// Escaped is not an outcome: it marks a status given to code the
	// engine does not follow (an argument of a function other than a
	// logger, a comparison kept as a value), which may have checked it.
	Escaped StatusSet = 1 << 4
)

// Outcomes returns the outcomes of s without the Tested mark.
func (s StatusSet) Outcomes() StatusSet { return s & AnyStatus }

// IsTested reports whether the point is inside a branch that tested the
// status.
func (s StatusSet) IsTested() bool { return s&Tested != 0 }

// outcome maps a status code to its outcome class. precise reports
// whether the class holds just that code (so that `!= code` excludes it).
func outcome(code int) (s StatusSet, precise bool) {
	switch code {
	case 0:
		return Success, true
	case -25300:
		return NotFound, true
	case -25308:
		return InteractionNotAllowed, true
	}
	return OtherFailure, false
}

// Has reports whether s may be any outcome in t.
func (s StatusSet) Has(t StatusSet) bool { return s&t != 0 }

func (s StatusSet) String() string {
	s &= AnyStatus
	if s == 0 {
		return "none"
	}
	var parts []string
	for _, p := range []struct {
		s    StatusSet
		name string
	}{{Success, "success"}, {NotFound, "not found"}, {InteractionNotAllowed, "interaction not allowed"}, {OtherFailure, "other failure"}} {
		if s&p.s != 0 {
			parts = append(parts, p.name)
		}
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += ", " + p
	}
	return out
}
