package flow

import (
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Call resolution. A call becomes a call of a helper of the program only
// when the callee is certain; a wrong callee invents keychain calls (a
// Set's contains read as a keychain wrapper's contains), a missing one
// only makes a dictionary incomplete. The rules, by receiver:
//
//   - no receiver (foo(x)), self, super, Self, [self class]: a method of
//     the caller's own type (any file, extensions and categories
//     included); else, for a call without receiver, a free function (the
//     only one with that signature in the caller's file, else in its
//     module, else in the program); else a method of another type in the
//     caller's module when it is the only one with that signature (an
//     inherited method or a protocol extension).
//   - a type name (Keychain.query(), [Keychain query]): a method of that
//     type.
//   - a receiver whose type is known (a local `let kc = Keychain(...)`,
//     `[[Keychain alloc] init]`, a parameter or variable with a declared
//     type, a cast, `self.x` where the property's type is known): a method
//     of that type, and nothing else (a Set, a String: no helper).
//   - a receiver of unknown type: a method with that exact signature when
//     it is the only one in the caller's module (or, with defaulted
//     parameters, in the caller's file); never a method of a type in
//     another module.
//
// Swift parameters with default values may be left out of a call; such a
// "loose" match is used when the callee's type is certain (the first
// three cases), for a free function of the caller's module, and for a
// receiver of unknown type only when the candidate is the one method of
// the caller's own file that matches (never the program's only candidate
// with defaulted parameters).
//
// Modules: when both files carry project facts naming their module
// (model.File.Project.Module), the module decides. Otherwise a
// path-based fallback applies (sameModule): a file's package-like root is
// the deepest directory of its path that starts a vendored library
// (Pods/X, Carthage/Checkouts/X, Vendor/X, ThirdParty/X, External/X,
// Packages/X, .build/checkouts/X, …) or a SwiftPM target (Sources/X,
// Tests/X). A candidate is in the caller's module when both have the same
// package-like root, or when the candidate has none and lies in the
// caller's directory or below it. An app that vendors a wrapper library
// under Pods/, Vendor/ or in a sibling directory therefore never sees its
// unknown-receiver calls resolve into the library, while the library's
// own code (same file, same directory tree, self, its type names) still
// resolves.

// recvKind classifies a call's receiver for resolution.
type recvKind int

const (
	recvNone    recvKind = iota // unqualified: foo(x)
	recvSelf                    // self, super, Self, [self class], type(of: self)
	recvType                    // a type name
	recvTyped                   // an instance of a known type
	recvUnknown                 // anything else
)

// recvInfo is what resolution knows of a receiver.
type recvInfo struct {
	kind recvKind
	// typ is the type the callee must belong to (recvType, recvTyped).
	typ string
	// static: the receiver is a type (a type name, Self, [self class]),
	// so a class method is called.
	static bool
}

// receiver classifies recv for a call made in the interpreted function.
func (a *interp) receiver(recv model.Expr, st *state) recvInfo {
	return a.receiverAt(recv, st, 0)
}

func (a *interp) receiverAt(recv model.Expr, st *state, depth int) recvInfo {
	if recv == nil {
		return recvInfo{kind: recvNone}
	}
	switch r := model.StripCasts(recv).(type) {
	case *model.Member:
		if r.Name == "class" && isSelf(r.X) {
			return recvInfo{kind: recvSelf, static: true} // self.class
		}
	case *model.Ident:
		switch r.Name {
		case "self", "super":
			return recvInfo{kind: recvSelf, static: a.fn.Static}
		case "Self":
			return recvInfo{kind: recvSelf, static: true}
		}
		if _, local := st.vars[r.Name]; !local && isTypeName(r.Name) {
			return recvInfo{kind: recvType, typ: r.Name, static: true}
		}
	case *model.Call:
		// [self class], [[self class] …], type(of: self)
		if r.Name() == "class" && len(r.Args) == 0 && isSelf(r.Receiver()) {
			return recvInfo{kind: recvSelf, static: true}
		}
		if id, ok := r.Fun.(*model.Ident); ok && id.Name == "type" && len(r.Args) == 1 && isSelf(r.Args[0].Value) {
			return recvInfo{kind: recvSelf, static: true}
		}
	}
	if t := a.typeOf(recv, st, depth); t != "" {
		if t == a.fn.Owner && a.fn.Owner != "" {
			return recvInfo{kind: recvSelf, static: false}
		}
		return recvInfo{kind: recvTyped, typ: t}
	}
	return recvInfo{kind: recvUnknown}
}

// isTypeName reports whether an identifier names a type by convention.
func isTypeName(name string) bool {
	return name != "" && name[0] >= 'A' && name[0] <= 'Z'
}

// typeOf returns the type name of an expression's value when it is
// certain from the code, "" otherwise.
func (a *interp) typeOf(e model.Expr, st *state, depth int) string {
	if depth > 4 || e == nil {
		return ""
	}
	swift := a.file != nil && a.file.Lang == model.Swift
	switch x := e.(type) {
	case *model.Cast:
		if t := typeName(x.Type); t != "" {
			return t
		}
		return a.typeOf(x.X, st, depth+1)
	case *model.Ident:
		if x.Name == "self" {
			return a.fn.Owner
		}
		if _, local := st.vars[x.Name]; local {
			return a.types[x.Name]
		}
		if a.fn.Parent != nil && capturedParams(a.fn)[x.Name] {
			return a.types[x.Name] // a parameter of the enclosing function
		}
		if !isTypeName(x.Name) && a.fn.Owner != "" {
			return a.propertyType(a.fn.Owner, x.Name, depth)
		}
	case *model.Member:
		if isSelf(x.X) && a.fn.Owner != "" {
			return a.propertyType(a.fn.Owner, x.Name, depth)
		}
		if id, ok := x.X.(*model.Ident); ok && isTypeName(id.Name) {
			if _, local := st.vars[id.Name]; !local {
				// Keychain.standard: a static property of a type.
				return a.propertyType(id.Name, x.Name, depth)
			}
		}
	case *model.Call:
		recv := x.Receiver()
		name := x.Name()
		if id, ok := x.Fun.(*model.Ident); ok && swift && isTypeName(id.Name) {
			// Keychain(service: "…"), Set(items)
			return id.Name
		}
		if id, ok := recv.(*model.Ident); ok && isTypeName(id.Name) {
			if _, local := st.vars[id.Name]; !local {
				switch {
				case name == "alloc" || name == "new" || name == "init" || (swift && strings.HasPrefix(name, "init(")):
					return id.Name
				}
			}
		}
		if recv != nil && (name == "init" || strings.HasPrefix(name, "init")) && x.ObjCMessage {
			// [[Keychain alloc] initWithService:…]
			if inner, ok := recv.(*model.Call); ok && inner.Name() == "alloc" {
				return a.typeOf(inner, st, depth+1)
			}
		}
		// A helper whose result type is declared: [Keychain sharedKeychain]
		// returning instancetype, a factory returning Keychain.
		if fn := a.prog.resolve(x, a.fn, a.receiverAt(recv, st, depth+1)); fn != nil {
			rt := strings.TrimSpace(fn.ResultType)
			if strings.Contains(rt, "instancetype") || rt == "Self" {
				return fn.Owner
			}
			return typeName(rt)
		}
	}
	return ""
}

// propertyType is the declared (or initialiser-constructed) type of a
// property of owner, "" when unknown.
func (a *interp) propertyType(owner, name string, depth int) string {
	var found *model.Func
	for _, fn := range a.prog.byName[name] {
		if fn.Kind == model.FuncProperty && fn.Owner == owner {
			if found != nil {
				return ""
			}
			found = fn
		}
	}
	if found == nil {
		return ""
	}
	if t := typeName(found.ResultType); t != "" {
		if found.Body == nil && a.prog.isInherited(t) {
			// A stored property of a protocol or base type holds one of
			// the types that inherit it: not a type to narrow calls to.
			return ""
		}
		return t
	}
	// A stored property's initialiser: `let kc = Keychain(service: …)`.
	if len(found.Body) == 1 {
		if r, ok := found.Body[0].(*model.Return); ok && r.Value != nil {
			if c, ok := r.Value.(*model.Call); ok {
				if id, ok := c.Fun.(*model.Ident); ok && found.File != nil && found.File.Lang == model.Swift && isTypeName(id.Name) {
					return id.Name
				}
			}
		}
	}
	return ""
}

// typeName reduces declared type text to a nominal type name
// ("KeychainHelper *" → "KeychainHelper", "Keychain?" → "Keychain",
// "Set<String>" → "Set"), "" for types that name no single nominal type
// (id, Any, protocols compositions, closures, tuples).
func typeName(t string) string {
	t = strings.TrimSpace(t)
	for _, q := range []string{"inout ", "__kindof ", "const ", "__strong ", "__weak ", "nonnull ", "nullable ", "_Nonnull", "_Nullable", "__nonnull", "__nullable", "some ", "any "} {
		t = strings.ReplaceAll(t, q, "")
	}
	t = strings.TrimSpace(t)
	t = strings.TrimRight(t, "?!* ")
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:] // Module.Type
	}
	t = strings.TrimSpace(t)
	if !isTypeName(t) || t == "Any" || t == "AnyObject" || t == "Self" {
		return ""
	}
	for _, r := range t {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return t
}

// resolve finds the function a call goes to (see the rules above), or
// nil.
func (p *Program) resolve(call *model.Call, caller *model.Func, ri recvInfo) *model.Func {
	lang := model.Swift
	if caller.File != nil {
		lang = caller.File.Lang
	}
	sig := call.Sig(lang)
	exact := p.bySig[sig]
	loose := func() []*model.Func {
		if lang != model.Swift || call.ObjCMessage {
			return nil
		}
		var out []*model.Func
		for _, fn := range p.byName[call.Name()] {
			if fn.Kind != model.FuncProperty && p.sigs[fn] != sig && defaultsMatch(fn, call) {
				out = append(out, fn)
			}
		}
		return out
	}
	return p.pick(exact, loose, ri, caller)
}

// resolveProperty finds a property or global constant by name.
func (p *Program) resolveProperty(name string, ri recvInfo, caller *model.Func) *model.Func {
	cands := p.propsByName[name] // read only
	if ri.kind == recvNone {
		// An unqualified name that is not a local: a property of the
		// caller's type or a global of its module (never some other
		// module's global: a closure parameter is not tracked as a local).
		if fn := p.onOwner(cands, caller.Owner, ri, caller); fn != nil {
			return fn
		}
		return p.inModule(cands, caller, func(c *model.Func) bool { return c.Owner == "" })
	}
	return p.pick(cands, nil, ri, caller)
}

func (p *Program) pick(exact []*model.Func, loose func() []*model.Func, ri recvInfo, caller *model.Func) *model.Func {
	if len(exact) == 0 && loose == nil {
		return nil
	}
	lists := [][]*model.Func{exact}
	more := func() {
		if loose != nil && len(lists) == 1 {
			lists = append(lists, loose())
		}
	}
	switch ri.kind {
	case recvNone, recvSelf, recvType, recvTyped:
		owner := ri.typ
		if ri.kind == recvNone || ri.kind == recvSelf {
			owner = caller.Owner
		}
		more()
		for _, l := range lists {
			if fn := p.onOwner(l, owner, ri, caller); fn != nil {
				return fn
			}
		}
		if ri.kind == recvNone {
			for i, l := range lists {
				if fn := p.freeFunc(l, caller, i == 0); fn != nil {
					return fn
				}
			}
		}
		if (ri.kind == recvNone || ri.kind == recvSelf) && caller.Owner != "" {
			// Inherited or protocol-extension methods: only an exact
			// match, only in the caller's module.
			return p.inModule(exact, caller, func(c *model.Func) bool { return c.Owner != "" })
		}
		return nil
	}
	// Unknown receiver: an exact signature, the only one in the module;
	// failing that, the only method of the caller's own file that
	// matches with defaulted parameters left out (a library calling its
	// own options.query()).
	method := func(c *model.Func) bool { return c.Owner != "" }
	if fn := p.inModule(exact, caller, method); fn != nil || loose == nil {
		return fn
	}
	for _, c := range exact {
		if method(c) && c.File != nil && caller.File != nil && p.sameModule(caller.File, c.File) {
			return nil // ambiguous exact matches: do not guess further
		}
	}
	var local []*model.Func
	for _, c := range loose() {
		if method(c) && c.File == caller.File {
			local = append(local, c)
		}
	}
	if len(local) == 1 {
		return local[0]
	}
	return nil
}

// onOwner picks among the candidates of one type.
func (p *Program) onOwner(cands []*model.Func, owner string, ri recvInfo, caller *model.Func) *model.Func {
	if owner == "" {
		return nil
	}
	var same []*model.Func
	for _, c := range cands {
		if c.Owner == owner {
			same = append(same, c)
		}
	}
	switch len(same) {
	case 0:
		return nil
	case 1:
		return same[0]
	}
	// An Objective-C class and instance method with one selector: self in
	// an instance method calls the instance method, a type name (or self
	// in a class method) the class method.
	wantStatic := ri.static
	if ri.kind == recvNone {
		wantStatic = caller.Static
	}
	var kind []*model.Func
	for _, c := range same {
		if c.Static == wantStatic {
			kind = append(kind, c)
		}
	}
	if len(kind) == 1 {
		return kind[0]
	}
	if len(kind) > 1 {
		same = kind
	}
	// Duplicated sources (a generated single-file copy of a library):
	// prefer the definition in the caller's own file, module, directory.
	if fn := inFile(same, caller.File); fn != nil {
		return fn
	}
	return p.inModule(same, caller, func(*model.Func) bool { return true })
}

// freeFunc picks a free function: the only one in the caller's file, else
// in its module, else (exact signatures only) in the program.
func (p *Program) freeFunc(cands []*model.Func, caller *model.Func, exact bool) *model.Func {
	var globals []*model.Func
	for _, c := range cands {
		if c.Owner == "" {
			globals = append(globals, c)
		}
	}
	if len(globals) == 0 {
		return nil
	}
	if fn := p.inModule(globals, caller, func(*model.Func) bool { return true }); fn != nil {
		return fn
	}
	if exact && len(globals) == 1 {
		return globals[0]
	}
	return nil
}

// inModule returns the only candidate that passes keep and lies in the
// caller's file, or else the only one in the caller's module, or nil.
func (p *Program) inModule(cands []*model.Func, caller *model.Func, keep func(*model.Func) bool) *model.Func {
	var inFile, inMod *model.Func
	nFile, nMod := 0, 0
	for _, c := range cands {
		if !keep(c) || c.File == nil || caller.File == nil {
			continue
		}
		if c.File == caller.File {
			inFile = c
			nFile++
		}
		if p.sameModule(caller.File, c.File) {
			inMod = c
			nMod++
		}
	}
	if nFile == 1 {
		return inFile
	}
	if nFile == 0 && nMod == 1 {
		return inMod
	}
	return nil
}

// sameModule reports whether code in file a may call, without naming its
// type, a method defined in file b (see the rules at the top of this
// file).
func (p *Program) sameModule(a, b *model.File) bool {
	if a == b {
		return true
	}
	if a.Project != nil && b.Project != nil && a.Project.Module != "" && b.Project.Module != "" {
		return a.Project.Module == b.Project.Module
	}
	ra, rb := p.root(a), p.root(b)
	if rb != "" {
		return ra == rb
	}
	base := ra
	if base == "" {
		base = p.dir(a)
	}
	dir := p.dir(b)
	return dir == base || (len(dir) > len(base) && dir[len(base)] == '/' && strings.HasPrefix(dir, base)) || base == "."
}

// dir is f's directory, slash-separated.
func (p *Program) dir(f *model.File) string {
	if d, ok := p.dirs[f]; ok {
		return d
	}
	return filepath.ToSlash(filepath.Dir(f.Path))
}

func (p *Program) root(f *model.File) string {
	if r, ok := p.roots[f]; ok {
		return r
	}
	return packageRoot(f.Path)
}

// vendorDirs are directory names under which a project keeps other
// projects' code: the next component is a library of its own.
var vendorDirs = map[string]bool{
	"pods": true, "carthage": true, "checkouts": true, "vendor": true, "vendors": true, "vendored": true,
	"thirdparty": true, "third-party": true, "third_party": true, "3rdparty": true, "external": true,
	"externals": true, "submodules": true, "deps": true, "node_modules": true, "packages": true,
}

// packageRoot returns the deepest package-like root on a file's path
// (Pods/X, Vendor/X, Sources/X, …), "" when there is none.
func packageRoot(path string) string {
	parts := strings.Split(filepath.ToSlash(filepath.Dir(path)), "/")
	root := ""
	for i, part := range parts {
		if i+1 >= len(parts) {
			if vendorDirs[strings.ToLower(part)] {
				root = strings.Join(parts[:i+1], "/")
			}
			break
		}
		if vendorDirs[strings.ToLower(part)] || part == "Sources" || part == "Tests" {
			root = strings.Join(parts[:i+2], "/")
		}
	}
	return root
}

// defaultsMatch reports whether call's labels match fn's parameters when
// some parameters with defaults are omitted.
func defaultsMatch(fn *model.Func, call *model.Call) bool {
	i := 0
	for _, p := range fn.Params {
		label := p.Label
		if label == "_" {
			label = ""
		}
		if i < len(call.Args) && call.Args[i].Label == label {
			i++
			continue
		}
		if !p.HasDefault {
			return false
		}
	}
	return i == len(call.Args)
}
