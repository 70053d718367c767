package flow

import (
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// What a dictionary value's declared Swift type says, for the rules that
// check a value's type (invalidvalue): the engine tracks constants, not
// types, so a value read from a variable, a parameter or a stored
// property carries its declaration's type, and a Swift Optional boxed
// into Any is marked where it is written.

// propIndex maps "Owner.name" to the stored property the program declares
// under that name; nil when two declarations of it disagree on the type.
func propIndex(files []*model.File) map[string]*model.Prop {
	idx := map[string]*model.Prop{}
	for _, f := range files {
		for _, pr := range f.Props {
			k := pr.Owner + "." + pr.Name
			if old, seen := idx[k]; seen && (old == nil || old.Type != pr.Type) {
				idx[k] = nil
				continue
			}
			idx[k] = pr
		}
	}
	return idx
}

// prop returns the stored property name of type owner, nil when the
// program declares none (or several that disagree).
func (p *Program) prop(owner, name string) *model.Prop {
	if owner == "" || p.props == nil {
		return nil
	}
	return p.props[owner+"."+name]
}

// setDeclared records the declared type text of a local or parameter
// (conflicting when two declarations of the name disagree).
func (a *interp) setDeclared(name, t string) {
	if a.declTypes == nil {
		a.declTypes = map[string]string{}
	}
	if old, seen := a.declTypes[name]; seen && old != t {
		t = conflicting
	}
	a.declTypes[name] = t
}

// conflicting marks a name declared with different types.
const conflicting = "\x00"

// declaredProp returns the stored property an expression reads: self.x,
// x in a method of x's type (when no local is named x), v.x for a v of a
// known type.
func (a *interp) declaredProp(e model.Expr, st *state) *model.Prop {
	switch x := e.(type) {
	case *model.Ident:
		// In a nested function a bare name may be a local of the
		// enclosing one, which the analysis of the nested one does not
		// hold.
		if _, local := st.vars[x.Name]; local || a.fn.Static || a.fn.Parent != nil {
			return nil
		}
		if _, declared := a.declTypes[x.Name]; declared {
			return nil
		}
		return a.prog.prop(a.fn.Owner, x.Name)
	case *model.Member:
		if isSelf(x.X) {
			if a.fn.Static {
				return nil
			}
			return a.prog.prop(a.fn.Owner, x.Name)
		}
		return a.prog.prop(a.typeOf(x.X, st, 0), x.Name)
	}
	return nil
}

// declaredOptional reports whether e reads a variable, parameter or
// stored property declared with an Optional type.
func (a *interp) declaredOptional(e model.Expr, st *state) bool {
	if id, ok := e.(*model.Ident); ok {
		if t, declared := a.declTypes[id.Name]; declared {
			return model.OptionalType(t)
		}
	}
	pr := a.declaredProp(e, st)
	return pr != nil && model.OptionalType(pr.Type)
}

// declaredType returns the nominal type of the variable, parameter or
// stored property e reads ("Bool", "Int"), "" when unknown.
func (a *interp) declaredType(e model.Expr, st *state) string {
	if id, ok := e.(*model.Ident); ok {
		if t, declared := a.declTypes[id.Name]; declared {
			if t == conflicting {
				return ""
			}
			return typeName(t)
		}
	}
	if pr := a.declaredProp(e, st); pr != nil {
		return typeName(pr.Type)
	}
	return ""
}

// valueFacts returns, for a value written into a dictionary, where a
// Swift Optional that may be nil is boxed into Any (a literal entry, `v as
// Any`, setObject(_:forKey:), updateValue(_:forKey:); a subscript set takes
// an Optional and removes the key for nil), and the value's declared type
// when it is not a known constant.
func (a *interp) valueFacts(info writeInfo, vv Value, st *state) (nilBox Site, vtype string) {
	if info.value == nil || a.file == nil || a.file.Lang != model.Swift {
		return Site{}, ""
	}
	x, boxed := info.value, info.boxes
	if c, ok := x.(*model.Cast); ok && (c.Type == "Any" || c.Type == "AnyObject") {
		x, boxed = c.X, true
	}
	forced := false // x! (or as!) unwraps: the value is the payload
	for c, ok := x.(*model.Cast); ok; c, ok = x.(*model.Cast) {
		forced = forced || c.Kind == model.CastForced
		x = c.X
	}
	if vv.Kind != VConst {
		vtype = a.declaredType(x, st)
	}
	if boxed && !forced && !isNonNil(vv) && a.declaredOptional(x, st) {
		nilBox = a.site(x.Pos())
	}
	return nilBox, vtype
}

// isNSNull reports whether c is [NSNull null] (Objective-C) or NSNull()
// (Swift).
func isNSNull(c *model.Call) bool {
	if len(c.Args) != 0 {
		return false
	}
	switch f := c.Fun.(type) {
	case *model.Ident:
		return f.Name == "NSNull" && !c.ObjCMessage
	case *model.Member:
		id, ok := f.X.(*model.Ident)
		return ok && id.Name == "NSNull" && f.Name == "null"
	}
	return false
}
