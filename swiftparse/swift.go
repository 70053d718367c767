package swiftparse

import (
	"strconv"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// swiftFile lowers a Swift source_file.
func (l *lowerer) swiftFile(root *node) {
	t := l.swiftBegin(span(root))
	l.swiftDecls(t, root, 0, len(l.src))
	l.swiftEnd(t)
}

// swiftTop is the file-scope state of lowering a Swift file: its
// top-level code and the open #if regions, carried across the trees of a
// file parsed one declaration at a time (reparse.go).
type swiftTop struct {
	top *model.Func
	cfg configStack
}

func (l *lowerer) swiftBegin(sp model.Span) *swiftTop {
	return &swiftTop{top: &model.Func{Kind: model.FuncTopLevel, Static: true, Span: sp}}
}

// swiftDecls lowers the declarations of root, the tree of the bytes
// [lo, hi) of the file.
func (l *lowerer) swiftDecls(t *swiftTop, root *node, lo, hi int) {
	l.scanComments(root)
	l.dropCommentedDirectives()
	l.platforms = model.AllPlatforms
	top, cfg := t.top, &t.cfg
	t.top.Span.End = max(t.top.Span.End, int(root.EndByte()))
	for _, it := range l.withDirectives(namedChildren(root), lo, hi) {
		if d := l.directive(it); d != nil {
			l.swiftDirective(d, cfg, &top.Body)
			continue
		}
		n := it.n
		l.platforms = model.AllPlatforms & cfg.platforms()
		switch n.Type() {
		case "import_declaration", "comment", "multiline_comment", "protocol_declaration", "typealias_declaration",
			"operator_declaration", "precedence_group_declaration":
			continue
		case "class_declaration":
			l.swiftType(n)
			continue
		case "function_declaration":
			l.swiftFunc(n, model.FuncFunction, true, nil)
			continue
		case "property_declaration":
			// A global: usable by name from everywhere, and also run as
			// top-level code.
			l.swiftProperty(n, true)
		}
		l.platforms = model.AllPlatforms
		l.appendStmts(&top.Body, cfg, l.swiftStmt(n))
	}
}

// swiftEnd closes the file scope.
func (l *lowerer) swiftEnd(t *swiftTop) {
	// An #if without #endif at file scope is a syntax error the grammar
	// does not report (directives are not part of its tree).
	for _, f := range t.cfg.frames {
		l.file.Errors = append(l.file.Errors, f.cfg.Span)
	}
	t.cfg.closeAll(len(l.src))
	l.platforms = model.AllPlatforms
	if len(t.top.Body) > 0 {
		l.addFunc(t.top)
	}
}

// appendStmts appends to the innermost open #if branch, or to list.
func (l *lowerer) appendStmts(list *[]model.Stmt, cfg *configStack, s ...model.Stmt) {
	dst := cfg.target()
	if dst == nil {
		dst = list
	}
	for _, st := range s {
		if st != nil {
			*dst = append(*dst, st)
		}
	}
}

// swiftDirective applies an #if/#elseif/#else/#endif found among
// statements or declarations.
func (l *lowerer) swiftDirective(d *swiftDirective, cfg *configStack, list *[]model.Stmt) {
	switch d.kw {
	case "#if":
		outer := cfg.target()
		if outer == nil {
			outer = list
		}
		cfg.open(d.cond, d.span, outer)
	case "#elseif":
		cfg.branch(d.cond)
	case "#else":
		cfg.branch("")
	case "#endif":
		cfg.close(d.span.End)
	}
}

// swiftType lowers the members of a class, struct, enum, actor or
// extension.
func (l *lowerer) swiftType(n *node) {
	if !l.enter(n) {
		return
	}
	defer l.leave()
	name := l.text(n.ChildByFieldName("name"))
	if i := strings.IndexAny(name, "<"); i >= 0 {
		name = name[:i]
	}
	savedOwner, savedPlat, savedFn, savedEnum := l.owner, l.platforms, l.fn, l.stringEnum
	defer func() { l.owner, l.platforms, l.fn, l.stringEnum = savedOwner, savedPlat, savedFn, savedEnum }()
	l.owner, l.fn, l.stringEnum = name, nil, false
	l.swiftExposed(n, name)
	if k := n.ChildByFieldName("declaration_kind"); k != nil && name != "" {
		switch l.text(k) {
		case "struct":
			l.file.Structs = append(l.file.Structs, name)
		case "class", "actor":
			l.file.Classes = append(l.file.Classes, name)
		case "enum":
			// The raw type is the first inherited type: enum K: String.
			if is := firstNamed(n, "inheritance_specifier"); is != nil {
				l.stringEnum = strings.TrimSpace(l.text(is)) == "String"
			}
		}
	}
	l.swiftInherits(n, name)
	body := n.ChildByFieldName("body")
	if body == nil {
		return
	}
	l.swiftMembers(body)
}

// swiftInherits records the supertypes and protocols a type declaration or
// extension names (model.TypeDecl).
func (l *lowerer) swiftInherits(n *node, name string) {
	if name == "" {
		return
	}
	var inherits []string
	eachChild(n, func(c *node, _ string) {
		if c.IsNamed() && c.Type() == "inheritance_specifier" {
			if t := model.InheritedName(l.text(c)); t != "" {
				inherits = append(inherits, t)
			}
		}
	})
	if len(inherits) > 0 {
		l.file.Types = append(l.file.Types, model.TypeDecl{Name: model.InheritedName(name), Inherits: inherits, Span: span(n)})
	}
}

// swiftMembers lowers the declarations of a type body, following #if
// regions around members.
func (l *lowerer) swiftMembers(body *node) {
	var stack []model.Platform
	var conds [][]string
	for _, it := range l.withDirectives(namedChildren(body), int(body.StartByte()), int(body.EndByte())) {
		if d := l.directive(it); d != nil {
			kw, rest := d.kw, d.cond
			switch kw {
			case "#if":
				stack = append(stack, l.platforms)
				conds = append(conds, []string{rest})
			case "#elseif", "#else":
				if len(conds) > 0 {
					conds[len(conds)-1] = append(conds[len(conds)-1], rest)
				}
			case "#endif":
				if len(stack) > 0 {
					l.platforms = stack[len(stack)-1]
					stack, conds = stack[:len(stack)-1], conds[:len(conds)-1]
				}
				continue
			}
			if len(conds) > 0 {
				c := conds[len(conds)-1]
				p := clausePlatforms(c)
				l.platforms = stack[len(stack)-1] & p[len(p)-1]
			}
			continue
		}
		l.swiftMember(it.n)
	}
}

func (l *lowerer) swiftMember(m *node) {
	switch m.Type() {
	case "function_declaration":
		l.swiftFunc(m, model.FuncMethod, l.hasModifier(m, "static", "class"), nil)
	case "init_declaration":
		l.swiftFunc(m, model.FuncInit, false, nil)
	case "property_declaration":
		l.swiftProperty(m, l.hasModifier(m, "static", "class"))
	case "class_declaration":
		l.swiftType(m)
	case "enum_entry":
		if l.stringEnum {
			l.swiftEnumCases(m)
		}
	case "subscript_declaration", "deinit_declaration":
		// Bodies of subscripts and deinit are analysed as methods.
		if body := firstNamed(m, "function_body", "computed_property"); body != nil {
			kind := "deinit"
			if m.Type() == "subscript_declaration" {
				kind = "subscript"
			}
			f := &model.Func{Kind: model.FuncMethod, Name: kind, Owner: l.owner, Span: span(m), NameSpan: span(m)}
			f.Body = l.swiftAccessorBody(body)
			l.addFunc(f)
		}
	}
}

func (l *lowerer) hasModifier(n *node, mods ...string) bool {
	for _, c := range children(n) {
		var words []string
		switch {
		case c.Type() == "modifiers":
			words = strings.Fields(l.text(c))
		case !c.IsNamed():
			// `class func f()` has its `class` as a token of the
			// declaration, not among the modifiers.
			words = []string{c.Type()}
		default:
			continue
		}
		for _, w := range words {
			for _, mod := range mods {
				if w == mod {
					return true
				}
			}
		}
	}
	return false
}

// swiftFunc lowers a function, method or initialiser declaration.
func (l *lowerer) swiftFunc(n *node, kind model.FuncKind, static bool, parent *model.Func) {
	f := &model.Func{Kind: kind, Owner: l.owner, Static: static || l.owner == "", Span: span(n), Parent: parent}
	savedFn := l.fn
	l.fn = f
	defer func() { l.fn = savedFn }()
	if kind == model.FuncInit {
		f.Name = "init"
		f.NameSpan = span(n)
	} else if name := n.ChildByFieldName("name"); name != nil {
		f.Name = l.text(name)
		f.NameSpan = span(name)
	}
	var lastParam *model.Param
	for i, c := range children(n) {
		switch c.Type() {
		case "parameter":
			lastParam = l.swiftParam(c)
			f.Params = append(f.Params, lastParam)
		case "function_body":
			f.Body = l.swiftBlock(c, true)
		default:
			if n.FieldNameForChild(i) == "default_value" && lastParam != nil {
				lastParam.HasDefault = true
			}
			if n.FieldNameForChild(i) == "return_type" || (n.FieldNameForChild(i) == "name" && c.IsNamed() && c.Type() != "simple_identifier") {
				f.ResultType = l.text(c)
			}
		}
	}
	l.addFunc(f)
}

func (l *lowerer) swiftParam(c *node) *model.Param {
	p := &model.Param{Span: span(c)}
	var names []string
	for i, ch := range children(c) {
		switch c.FieldNameForChild(i) {
		case "external_name":
			p.Label = l.text(ch)
		case "name":
			if ch.Type() == "simple_identifier" {
				names = append(names, l.text(ch))
			} else {
				p.Type = l.text(ch)
			}
		}
		if ch.Type() == "parameter_modifiers" && strings.Contains(l.text(ch), "inout") {
			p.InOut = true
		}
	}
	if len(names) > 0 {
		p.Name = names[len(names)-1]
	}
	if p.Label == "" {
		p.Label = p.Name
	}
	return p
}

// swiftProperty lowers a property: a computed property or accessor body,
// or the initialiser of a stored property (static let, lazy var, global
// constant) as a body that returns it.
func (l *lowerer) swiftProperty(n *node, static bool) {
	l.swiftStoredProps(n, static)
	for _, pat := range fieldChildren(n, "name") {
		id := pat.ChildByFieldName("bound_identifier")
		if id == nil {
			continue
		}
		f := &model.Func{Kind: model.FuncProperty, Name: l.text(id), Owner: l.owner, Static: static || l.owner == "",
			Span: span(n), NameSpan: span(id)}
		if ta := firstNamed(n, "type_annotation"); ta != nil {
			if t := ta.ChildByFieldName("name"); t != nil {
				f.ResultType = l.text(t)
			}
		}
		if cv := n.ChildByFieldName("computed_value"); cv != nil {
			f.Body = l.swiftAccessorBody(cv)
		} else if v := n.ChildByFieldName("value"); v != nil {
			val := l.swiftExpr(v)
			f.Body = []model.Stmt{&model.Return{Value: val, Span: span(v)}}
		} else if f.ResultType == "" || l.owner == "" {
			continue
		}
		// A stored property without an initial value is kept, bodiless,
		// for its declared type: a call on it (`userDefaults.data(forKey:)`
		// with `let userDefaults: AuthUserDefaults`) then resolves only to
		// a method of that type, never to another type's method of the
		// same name.
		l.addFunc(f)
		break
	}
}

// swiftEnumCases lowers the cases of an enum with String raw values as
// static properties that return the raw value (the case name when none is
// written), so that K.account.rawValue evaluates to the string the
// keychain receives. The flow engine reads X.rawValue of a string as the
// string.
func (l *lowerer) swiftEnumCases(n *node) {
	var f *model.Func
	for i, c := range children(n) {
		switch n.FieldNameForChild(i) {
		case "name":
			f = &model.Func{Kind: model.FuncProperty, Name: l.text(c), Owner: l.owner, Static: true,
				Span: span(c), NameSpan: span(c), ResultType: l.owner}
			f.Body = []model.Stmt{&model.Return{Value: &model.StringLit{Value: l.text(c), Span: span(c)}, Span: span(c)}}
			l.addFunc(f)
		case "raw_value":
			if f != nil {
				f.Body = []model.Stmt{&model.Return{Value: l.swiftExpr(c), Span: span(c)}}
			}
		}
	}
}

// swiftAccessorBody returns the getter's statements of a computed
// property (or its only body).
func (l *lowerer) swiftAccessorBody(n *node) []model.Stmt {
	if n.Type() == "function_body" {
		return l.swiftBlock(n, true)
	}
	if g := firstNamed(n, "computed_getter"); g != nil {
		if st := firstNamed(g, "statements"); st != nil {
			return l.swiftStatements(st, true)
		}
		return nil
	}
	if st := firstNamed(n, "statements"); st != nil {
		return l.swiftStatements(st, true)
	}
	return nil
}

// swiftBlock lowers a node that holds a `statements` child (function
// body, if branch, closure). implicitReturn turns a single expression into
// a return, as Swift does for single-expression bodies.
func (l *lowerer) swiftBlock(n *node, implicitReturn bool) []model.Stmt {
	if n == nil {
		return nil
	}
	if st := firstNamed(n, "statements"); st != nil {
		return l.swiftStatements(st, implicitReturn)
	}
	return nil
}

func (l *lowerer) swiftStatements(n *node, implicitReturn bool) []model.Stmt {
	if !l.enter(n) {
		return nil
	}
	defer l.leave()
	var out []model.Stmt
	var cfg configStack
	lo, hi := int(n.StartByte()), int(n.EndByte())
	if len(l.dirs) > 0 {
		// Only directives need the range around the statements (and the
		// sibling and parent look-ups cost time in the depth of n).
		lo, hi = statementsRange(n)
	}
	for _, it := range l.withDirectives(namedChildren(n), lo, hi) {
		if d := l.directive(it); d != nil {
			l.swiftDirective(d, &cfg, &out)
			continue
		}
		l.appendStmts(&out, &cfg, l.swiftStmt(it.n))
	}
	cfg.closeAll(int(n.EndByte()))
	if implicitReturn && len(out) == 1 {
		if es, ok := out[0].(*model.ExprStmt); ok {
			if _, isOp := es.X.(*model.DictOp); !isOp {
				out[0] = &model.Return{Value: es.X, Span: es.Span}
			}
		}
	}
	return out
}

// swiftStmt lowers one statement (nil when there is nothing to model).
func (l *lowerer) swiftStmt(n *node) model.Stmt {
	if !l.enter(n) {
		return nil
	}
	defer l.leave()
	sp := span(n)
	switch n.Type() {
	case "comment", "multiline_comment", "import_declaration":
		return nil
	case "ERROR":
		// Keep what parsed inside a broken region.
		var out []model.Stmt
		for _, c := range namedChildren(n) {
			if s := l.swiftStmt(c); s != nil {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return &model.Block{Body: out, Span: sp}
	case "property_declaration":
		return l.swiftLocalDecl(n)
	case "function_declaration":
		l.swiftFunc(n, model.FuncFunction, true, l.fn)
		return nil
	case "class_declaration":
		l.swiftType(n)
		return nil
	case "assignment":
		target := n.ChildByFieldName("target")
		if target != nil && target.Type() == "directly_assignable_expression" && target.NamedChildCount() == 1 {
			target = target.NamedChild(0)
		}
		op := "="
		if o := n.ChildByFieldName("operator"); o != nil {
			op = l.text(o)
		}
		return recognizeAssign(l.swiftExpr(target), op, l.swiftExpr(n.ChildByFieldName("result")), sp)
	case "if_statement":
		return l.swiftIf(n)
	case "guard_statement":
		g := &model.Guard{Cond: l.swiftConditions(n), Span: sp}
		g.Else = l.swiftBlock(n, false)
		return g
	case "switch_statement":
		return l.swiftSwitch(n)
	case "for_statement":
		loop := &model.Loop{Kind: model.LoopWhile, Body: l.swiftBlock(n, false), Span: sp}
		l.swiftForIn(n, loop)
		return loop
	case "while_statement":
		return &model.Loop{Kind: model.LoopWhile, Cond: l.swiftConditions(n), Body: l.swiftBlock(n, false), Span: sp}
	case "repeat_while_statement":
		return &model.Loop{Kind: model.LoopDoWhile, Cond: l.swiftConditions(n), Body: l.swiftBlock(n, false), Span: sp}
	case "do_statement":
		t := &model.Try{Body: l.swiftBlock(n, false), Span: sp}
		for _, c := range namedChildren(n) {
			if c.Type() == "catch_block" {
				t.Catches = append(t.Catches, l.swiftBlock(c, false))
			}
		}
		if len(t.Catches) == 0 {
			return &model.Block{Body: t.Body, Span: sp}
		}
		return t
	case "control_transfer_statement":
		return l.swiftTransfer(n)
	case "simple_identifier":
		if l.text(n) == "fallthrough" {
			return &model.Fallthrough{Span: sp}
		}
	case "statements":
		// (The pinned grammar has no defer statement: `defer { … }` parses
		// as a call of defer with a trailing closure, a closure that may
		// run.)
		return &model.Block{Body: l.swiftBlock(n, false), Span: sp}
	}
	e := l.swiftExpr(n)
	if e == nil {
		return nil
	}
	if _, ok := e.(*model.Unknown); ok && len(e.(*model.Unknown).Sub) == 0 {
		return nil
	}
	return &model.ExprStmt{X: e, Span: sp}
}

func (l *lowerer) swiftTransfer(n *node) model.Stmt {
	sp := span(n)
	var kw string
	if c := n.Child(0); c != nil {
		kw = c.Type()
	}
	var val model.Expr
	if r := n.ChildByFieldName("result"); r != nil {
		val = l.swiftExpr(r)
	} else if n.NamedChildCount() > 0 {
		last := n.NamedChild(int(n.NamedChildCount()) - 1)
		if last.Type() != "throw_keyword" {
			val = l.swiftExpr(last)
		}
	}
	switch kw {
	case "return":
		return &model.Return{Value: val, Span: sp}
	case "throw_keyword", "throw":
		return &model.Throw{Value: val, Span: sp}
	case "break":
		return &model.Break{Span: sp}
	case "continue":
		return &model.Continue{Span: sp}
	}
	return nil
}

// swiftLocalDecl lowers `let x = e` / `var x: T = e` (possibly several
// bindings) into Decls.
func (l *lowerer) swiftLocalDecl(n *node) model.Stmt {
	mutable := false
	if vb := firstNamed(n, "value_binding_pattern"); vb != nil && strings.HasPrefix(l.text(vb), "var") {
		mutable = true
	}
	var decls []model.Stmt
	var pending []*model.Decl
	for i, c := range children(n) {
		switch n.FieldNameForChild(i) {
		case "name":
			id := c.ChildByFieldName("bound_identifier")
			if id == nil {
				// Tuple pattern: bind each name to an unknown value, but keep
				// the initialiser's effects.
				for _, sub := range namedChildren(c) {
					if s := firstNamed(sub, "simple_identifier"); s != nil {
						d := &model.Decl{Name: l.text(s), NameSpan: span(s), Mutable: mutable, Span: span(n)}
						pending = append(pending, d)
					}
				}
				continue
			}
			d := &model.Decl{Name: l.text(id), NameSpan: span(id), Mutable: mutable, Span: span(n)}
			pending = append(pending, d)
			decls = append(decls, d)
		case "value":
			if len(pending) == 1 {
				pending[0].Value = l.swiftExpr(c)
			} else if len(pending) > 1 {
				decls = append(decls, &model.ExprStmt{X: l.swiftExpr(c), Span: span(c)})
				for _, d := range pending {
					decls = append(decls, d)
				}
			}
			pending = nil
		case "computed_value":
			pending = nil
		}
		if c.Type() == "type_annotation" && len(pending) > 0 {
			if t := c.ChildByFieldName("name"); t != nil {
				pending[len(pending)-1].Type = l.text(t)
			}
		}
	}
	if len(decls) == 1 {
		return decls[0]
	}
	return &model.Block{Body: decls, Span: span(n)}
}

// swiftConditions lowers the condition list of if/guard/while: several
// conditions are joined with &&; `let x = e` becomes an OptionalBind.
func (l *lowerer) swiftConditions(n *node) model.Expr {
	var conds []model.Expr
	kids := children(n)
	for i := 0; i < len(kids); i++ {
		c := kids[i]
		field := n.FieldNameForChild(i)
		if field != "condition" && field != "bound_identifier" {
			continue
		}
		switch {
		case c.Type() == "value_binding_pattern" || (c.Type() == "case" && !c.IsNamed()):
			// let x = e / case .some(let v) = e: find the name and the value.
			name := ""
			j := i + 1
			isCase := c.Type() == "case"
			for ; j < len(kids); j++ {
				if kids[j].Type() == "=" {
					break
				}
				if n.FieldNameForChild(j) == "bound_identifier" && name == "" {
					name = l.text(kids[j])
				}
			}
			if j+1 < len(kids) {
				val := l.swiftExpr(kids[j+1])
				if isCase {
					conds = append(conds, &model.Unknown{Sub: []model.Expr{val}, Span: span(c)})
				} else {
					conds = append(conds, &model.OptionalBind{Name: name, Value: val, Span: model.Span{Start: int(c.StartByte()), End: int(kids[j+1].EndByte())}})
				}
			}
			i = j + 1
		case !c.IsNamed():
			continue
		default:
			conds = append(conds, l.swiftExpr(c))
		}
	}
	if len(conds) == 0 {
		return nil
	}
	e := conds[0]
	for _, c := range conds[1:] {
		e = &model.Binary{Op: "&&", L: e, R: c, Span: model.Span{Start: e.Pos().Start, End: c.Pos().End}}
	}
	return e
}

func (l *lowerer) swiftIf(n *node) model.Stmt {
	s := &model.If{Cond: l.swiftConditions(n), Span: span(n)}
	seenElse := false
	for _, c := range children(n) {
		switch {
		case c.Type() == "else":
			seenElse = true
		case c.Type() == "statements":
			if seenElse {
				s.Else = l.swiftStatements(c, false)
			} else {
				s.Then = l.swiftStatements(c, false)
			}
		case c.Type() == "if_statement" && seenElse:
			if st := l.swiftStmt(c); st != nil {
				s.Else = []model.Stmt{st}
			}
		}
	}
	return s
}

func (l *lowerer) swiftSwitch(n *node) model.Stmt {
	s := &model.Switch{Tag: l.swiftExpr(n.ChildByFieldName("expr")), Span: span(n)}
	var entries []*node
	for _, e := range namedChildren(n) {
		if e.Type() == "switch_entry" {
			entries = append(entries, e)
		}
	}
	// #if around whole case clauses narrows them to their platforms.
	dirs := l.swiftCaseDirectives(n, entries)
	for _, d := range dirs {
		if l.caseDirs == nil {
			l.caseDirs = map[int]bool{}
		}
		l.caseDirs[d.span.Start] = true
	}
	var conds [][]string // the open #if chains around the cases
	for _, e := range entries {
		for len(dirs) > 0 && dirs[0].span.Start < int(e.StartByte()) {
			switch d := dirs[0]; d.kw {
			case "#if":
				conds = append(conds, []string{d.cond})
			case "#elseif", "#else":
				if len(conds) > 0 {
					conds[len(conds)-1] = append(conds[len(conds)-1], d.cond)
				}
			case "#endif":
				if len(conds) > 0 {
					conds = conds[:len(conds)-1]
				}
			}
			dirs = dirs[1:]
		}
		plat := model.AllPlatforms
		for _, cs := range conds {
			ps := clausePlatforms(cs)
			plat &= ps[len(ps)-1]
		}
		if plat == 0 {
			continue // compiled on no Apple platform (os(Linux))
		}
		c := &model.Case{Span: span(e)}
		if plat != model.AllPlatforms {
			c.Platforms = plat
		}
		for _, ch := range children(e) {
			if !ch.IsNamed() {
				// The grammar gives a `fallthrough` that ends a case of
				// several statements as a keyword of the case, after its
				// statements (alone, it is a statement).
				if ch.Type() == "fallthrough" {
					c.Body = append(c.Body, &model.Fallthrough{Span: span(ch)})
				}
				continue
			}
			switch ch.Type() {
			case "default_keyword":
				c.Default = true
			case "switch_pattern":
				c.Values = append(c.Values, l.swiftPattern(ch))
			case "statements":
				c.Body = l.swiftStatements(ch, false)
			case "where_keyword", "ERROR":
				// A where clause makes the case conditional: it no longer
				// covers its values for certain.
				c.Values = append(c.Values, &model.Unknown{Span: span(ch)})
			}
		}
		s.Cases = append(s.Cases, c)
	}
	return s
}

// swiftPattern lowers a case pattern: expression patterns keep their
// expression; binding patterns (`let x`) match anything.
func (l *lowerer) swiftPattern(n *node) model.Expr {
	p := n
	if p.Type() == "switch_pattern" && p.NamedChildCount() == 1 {
		p = p.NamedChild(0)
	}
	if p.Type() == "pattern" && p.NamedChildCount() == 1 {
		inner := p.NamedChild(0)
		if inner.Type() == "value_binding_pattern" {
			return &model.Ident{Name: "_", Span: span(p)}
		}
		return l.swiftExpr(inner)
	}
	if p.Type() == "pattern" {
		if firstNamed(p, "value_binding_pattern") != nil {
			return &model.Ident{Name: "_", Span: span(p)}
		}
		if e := l.swiftBoolCasePattern(p); e != nil {
			return e
		}
	}
	return &model.Unknown{Span: span(n)}
}

// swiftBoolCasePattern lowers an enum case pattern with one Bool literal
// payload (`.success(true)`, whose pattern is a name followed by a pattern
// holding the literal) as the call `.success(true)`, so that a switch over
// a Result of Bool tells the two successes apart; nil for other patterns.
func (l *lowerer) swiftBoolCasePattern(p *node) model.Expr {
	if p.NamedChildCount() != 2 {
		return nil
	}
	name, payload := p.NamedChild(0), p.NamedChild(1)
	if name.Type() != "simple_identifier" || payload.Type() != "pattern" || payload.NamedChildCount() != 1 ||
		payload.NamedChild(0).Type() != "boolean_literal" {
		return nil
	}
	lit := payload.NamedChild(0)
	return &model.Call{
		Fun:  &model.Member{Name: l.text(name), NameSpan: span(name), Span: span(name)},
		Args: []*model.Arg{{Value: &model.BoolLit{Value: l.text(lit) == "true", Span: span(lit)}, Span: span(payload)}},
		Span: span(p),
	}
}

// swiftExpr lowers an expression.
func (l *lowerer) swiftExpr(n *node) model.Expr {
	if n == nil {
		return nil
	}
	sp := span(n)
	if !l.enter(n) {
		return &model.Unknown{Span: sp}
	}
	defer l.leave()
	if e := l.swiftHoistPrefix(n); e != nil {
		return e
	}
	switch n.Type() {
	case "simple_identifier":
		return identExpr(l.text(n), sp)
	case "self_expression":
		return &model.Ident{Name: "self", Span: sp}
	case "super_expression":
		return &model.Ident{Name: "super", Span: sp}
	case "nil":
		return &model.NilLit{Span: sp}
	case "boolean_literal":
		return &model.BoolLit{Value: l.text(n) == "true", Span: sp}
	case "integer_literal", "hex_literal", "oct_literal", "bin_literal", "real_literal":
		return numberLit(l.text(n), sp)
	case "line_string_literal", "multi_line_string_literal", "raw_string_literal":
		return l.swiftString(n)
	case "dictionary_literal":
		d := &model.DictLit{Span: sp}
		keys, vals := fieldChildren(n, "key"), fieldChildren(n, "value")
		for i := range keys {
			e := &model.DictEntry{Key: l.swiftExpr(keys[i]), Span: span(keys[i])}
			if i < len(vals) {
				e.Value = l.swiftExpr(vals[i])
				e.Span.End = int(vals[i].EndByte())
			}
			d.Entries = append(d.Entries, e)
		}
		if n.HasError() {
			// A literal tree-sitter could not fully parse may have lost
			// entries: its key set is not known.
			return &model.Unknown{Sub: []model.Expr{d}, Span: sp}
		}
		return d
	case "array_literal":
		a := &model.ArrayLit{Span: sp}
		for _, c := range namedChildren(n) {
			a.Elems = append(a.Elems, l.swiftExpr(c))
		}
		return a
	case "as_expression":
		t := n.ChildByFieldName("name")
		x := n.ChildByFieldName("expr")
		return &model.Cast{X: l.swiftExpr(x), Type: l.text(t), Kind: l.swiftCastKind(x, t), Span: sp}
	case "try_expression", "await_expression":
		if e := n.ChildByFieldName("expr"); e != nil {
			return l.swiftExpr(e)
		}
		if k := namedChildren(n); len(k) > 0 {
			return l.swiftExpr(k[len(k)-1])
		}
	case "tuple_expression", "parenthesized_expression":
		vals := namedChildren(n)
		if len(vals) == 1 {
			return l.swiftExpr(vals[0])
		}
	case "postfix_expression":
		// x! and x? keep the value.
		if t := n.ChildByFieldName("target"); t != nil {
			op := ""
			if o := n.ChildByFieldName("operation"); o != nil {
				op = l.text(o)
			}
			if op == "!" {
				// The force unwrap stops the program when x is nil.
				return &model.Cast{X: l.swiftExpr(t), Kind: model.CastForced, Span: sp}
			}
			if op == "?" {
				return l.swiftExpr(t)
			}
		}
	case "prefix_expression":
		if l.hoisted != nil && sameNode(n, l.hoisted) {
			l.hoisted = nil
			return l.swiftExpr(n.ChildByFieldName("target"))
		}
		return l.swiftPrefix(n)
	case "navigation_expression":
		target := n.ChildByFieldName("target")
		suffix := n.ChildByFieldName("suffix")
		var name *node
		if suffix != nil {
			name = suffix.ChildByFieldName("suffix")
		}
		if name == nil {
			break
		}
		var x model.Expr
		if target != nil {
			x = l.swiftExpr(target)
		}
		return &model.Member{X: x, Name: l.text(name), NameSpan: span(name), Span: sp}
	case "call_expression":
		return l.swiftCall(n)
	case "equality_expression", "comparison_expression", "conjunction_expression", "disjunction_expression",
		"infix_expression", "additive_expression", "multiplicative_expression", "nil_coalescing_expression",
		"bitwise_operation":
		if e := l.swiftBinary(n); e != nil {
			return e
		}
		// A chain too long to rebuild: lower it as the grammar nests it.
		if lhs, op, rhs := l.infixParts(n); lhs != nil {
			return recognizeCompare(op, l.swiftExpr(lhs), l.swiftExpr(rhs), sp)
		}
	case "constructor_expression":
		// Dictionary<String, Any>(): a generic type's initialiser.
		if t, suf := n.ChildByFieldName("constructed_type"), firstNamed(n, "constructor_suffix"); t != nil && suf != nil {
			name := l.text(t)
			if i := strings.IndexByte(name, '<'); i >= 0 {
				name = name[:i]
			}
			args, _, _, _ := l.swiftCallSuffix(suf)
			fun := &model.Ident{Name: strings.TrimSpace(name), Span: span(t)}
			return recognizeCall(&model.Call{Fun: fun, Args: args, Span: sp}, model.Swift)
		}
	case "ternary_expression":
		return &model.Ternary{Cond: l.swiftExpr(n.ChildByFieldName("condition")), Then: l.swiftExpr(n.ChildByFieldName("if_true")),
			Else: l.swiftExpr(n.ChildByFieldName("if_false")), Span: sp}
	case "lambda_literal":
		return l.swiftClosure(n)
	}
	// Anything else: keep the modelled subexpressions for their effects.
	u := &model.Unknown{Span: sp}
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "comment", "multiline_comment", "type_identifier", "user_type":
			continue
		case "statements":
			// An if/switch expression: lower its statements into a closure
			// that runs in place.
			fn := &model.Func{Kind: model.FuncClosure, Span: span(c), Body: l.swiftStatements(c, false)}
			fn.File = l.file
			u.Sub = append(u.Sub, &model.Call{Fun: &model.Closure{Fn: fn, Span: span(c)}, Span: span(c)})
			continue
		}
		if e := l.swiftExpr(c); e != nil {
			u.Sub = append(u.Sub, e)
		}
	}
	return u
}

func numberLit(text string, sp model.Span) model.Expr {
	t := strings.ReplaceAll(text, "_", "")
	if v, err := strconv.ParseInt(t, 0, 64); err == nil {
		return &model.NumberLit{Text: text, Int: v, IsInt: true, Span: sp}
	}
	return &model.NumberLit{Text: text, Span: sp}
}

func (l *lowerer) swiftString(n *node) model.Expr {
	var b strings.Builder
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "line_str_text", "multi_line_str_text", "raw_str_part", "raw_str_end_part":
			b.WriteString(l.text(c))
		case "str_escaped_char":
			b.WriteString(unescape(l.text(c)))
		case "interpolated_expression", "raw_str_interpolation":
			u := &model.Unknown{Span: span(n)}
			for _, ic := range namedChildren(n) {
				if ic.Type() == "interpolated_expression" {
					if v := ic.ChildByFieldName("value"); v != nil {
						u.Sub = append(u.Sub, l.swiftExpr(v))
					}
				}
			}
			return u
		}
	}
	return &model.StringLit{Value: b.String(), Span: span(n)}
}

func unescape(s string) string {
	switch s {
	case `\n`:
		return "\n"
	case `\t`:
		return "\t"
	case `\"`:
		return `"`
	case `\\`:
		return `\`
	case `\0`:
		return "\x00"
	}
	return s
}

func (l *lowerer) swiftPrefix(n *node) model.Expr {
	sp := span(n)
	op := ""
	if o := n.ChildByFieldName("operation"); o != nil {
		op = l.text(o)
	}
	t := n.ChildByFieldName("target")
	if t == nil {
		return &model.Unknown{Span: sp}
	}
	if swiftInfixKinds[t.Type()] {
		// The grammar puts a prefix operator above an infix chain
		// (`-a + b` as -(a + b)); prefix operators bind tighter than any
		// infix operator, so it applies to the chain's first operand.
		if e := l.swiftBinary(n); e != nil {
			return e
		}
		// A chain too long to rebuild: lower it as the grammar nests it.
		if lhs, op, rhs := l.infixParts(n); lhs != nil {
			return recognizeCompare(op, l.swiftExpr(lhs), l.swiftExpr(rhs), sp)
		}
	}
	return swiftPrefixExpr(op, l.swiftExpr(t), sp)
}

// swiftCastKind reads the operator of an as_expression between its
// operand x and its type t: `as?` is conditional, `as!` forced.
func (l *lowerer) swiftCastKind(x, t *node) model.CastKind {
	if x == nil || t == nil || x.EndByte() > t.StartByte() || int(t.StartByte()) > len(l.src) {
		return model.CastPlain
	}
	op := strings.TrimSpace(string(l.src[x.EndByte():t.StartByte()]))
	switch {
	case strings.HasSuffix(op, "as?"):
		return model.CastConditional
	case strings.HasSuffix(op, "as!"):
		return model.CastForced
	}
	return model.CastPlain
}

// maxHoistChain bounds the postfix chains swiftHoistPrefix walks down
// from each of their nodes (a longer chain is lowered as the grammar
// nests it): the walk from every node would otherwise take time
// quadratic in the chain.
const maxHoistChain = 64

// swiftHoistPrefix lowers a postfix chain (member accesses, calls,
// subscripts, `x!`, `x?`) whose base the grammar gives a prefix operator:
// `!x.contains(k)` parses as `(!x).contains(k)` and `!f(x)` as a call of
// `!f`. Prefix operators bind looser than postfix expressions, so the
// operator applies to the whole chain: !(x.contains(k)). It returns nil
// for any other node. The implicit member `.foo` is not an operator.
func (l *lowerer) swiftHoistPrefix(n *node) model.Expr {
	base := n
	for depth := 0; ; depth++ {
		var next *node
		switch base.Type() {
		case "navigation_expression", "postfix_expression":
			next = base.ChildByFieldName("target")
		case "call_expression":
			if k := namedChildren(base); len(k) >= 2 && k[len(k)-1].Type() == "call_suffix" {
				next = k[0]
			}
		}
		if next == nil || depth > maxHoistChain {
			return nil
		}
		base = next
		if base.Type() == "prefix_expression" {
			break
		}
	}
	if l.hoisted != nil && sameNode(base, l.hoisted) {
		return nil // the chain of the prefix being hoisted
	}
	op := ""
	if o := base.ChildByFieldName("operation"); o != nil {
		op = l.text(o)
	}
	t := base.ChildByFieldName("target")
	if t == nil || swiftInfixKinds[t.Type()] {
		return nil
	}
	switch op {
	case "!", "-", "+", "~":
	default:
		return nil
	}
	saved := l.hoisted
	l.hoisted = base
	x := l.swiftExpr(n)
	l.hoisted = saved
	return swiftPrefixExpr(op, x, span(n))
}

// sameNode tells whether a and b are the same syntax node.
func sameNode(a, b *node) bool {
	return a.StartByte() == b.StartByte() && a.EndByte() == b.EndByte() && a.Type() == b.Type()
}

// swiftPrefixExpr applies the prefix operator op to x.
func swiftPrefixExpr(op string, x model.Expr, sp model.Span) model.Expr {
	switch op {
	case "-":
		if num, ok := x.(*model.NumberLit); ok && num.IsInt {
			return &model.NumberLit{Text: "-" + num.Text, Int: -num.Int, IsInt: true, Span: sp}
		}
	case ".":
		// Implicit member expression (.foo): a name without a receiver.
		if id, ok := x.(*model.Ident); ok {
			return &model.Member{Name: id.Name, NameSpan: id.Span, Span: sp}
		}
	}
	return &model.Unary{Op: op, X: x, Span: sp}
}

// swiftCall lowers call_expression: a call, a subscript (q[k]), or a call
// with trailing closures.
func (l *lowerer) swiftCall(n *node) model.Expr {
	sp := span(n)
	if e := l.swiftPrefixCall(n); e != nil {
		return e
	}
	callee, args, subscript, ok := l.swiftCallParts(n)
	if !ok {
		return &model.Unknown{Span: sp}
	}
	if subscript {
		var idx model.Expr = &model.Unknown{Span: sp}
		if len(args) == 1 {
			idx = args[0].Value
		}
		return &model.Index{X: callee, Index: idx, Span: sp}
	}
	return recognizeCall(&model.Call{Fun: callee, Args: args, Span: sp}, model.Swift)
}

// swiftCallParts lowers the callee and the arguments of a call_expression
// and tells whether it is a subscript.
func (l *lowerer) swiftCallParts(n *node) (callee model.Expr, args []*model.Arg, subscript, ok bool) {
	kids := namedChildren(n)
	if len(kids) < 2 {
		return nil, nil, false, false
	}
	fn, suffix := kids[0], kids[len(kids)-1]
	if suffix.Type() != "call_suffix" {
		return nil, nil, false, false
	}
	return l.swiftCallOf(fn, suffix)
}

// swiftPrefixCall lowers a shape the grammar gives a prefix operator in
// front of a parenthesised expression: `!(a || b)` parses as a call of the
// operator `!`; it is the operator applied to the expression. It returns
// nil for other calls. (`!f(x)`, a call of `!f`, is swiftHoistPrefix's.)
func (l *lowerer) swiftPrefixCall(n *node) model.Expr {
	all := children(n)
	if len(all) < 2 {
		return nil
	}
	first, suffix := all[0], all[len(all)-1]
	if suffix.Type() != "call_suffix" {
		return nil
	}
	isOp := func(op string) bool { return op == "!" || op == "-" || op == "+" || op == "~" }
	switch {
	case len(all) == 2 && (first.Type() == "bang" || (!first.IsNamed() && isOp(first.Type()))):
		op := first.Type()
		if op == "bang" {
			op = "!"
		}
		if sub, parens, closures := swiftCallSuffixShape(suffix); sub || !parens || closures > 0 {
			return nil
		}
		args, _, _, _ := l.swiftCallSuffix(suffix)
		if len(args) != 1 || args[0].Label != "" {
			return nil
		}
		return swiftPrefixExpr(op, args[0].Value, span(n))
	}
	return nil
}

// swiftCallOf lowers the call of fn with the arguments of suffix.
func (l *lowerer) swiftCallOf(fn, suffix *node) (callee model.Expr, args []*model.Arg, subscript, ok bool) {
	args, subscript, parens, closures := l.swiftCallSuffix(suffix)
	// In an initialiser (`let s = f(x) { … }`) the grammar nests a call
	// with a trailing closure as a call of `f(x)` whose only argument is
	// the closure: it is one call, f(x, { … }).
	if !parens && !subscript && closures > 0 && fn.Type() == "call_expression" {
		if ik := namedChildren(fn); len(ik) >= 2 && ik[len(ik)-1].Type() == "call_suffix" && l.enter(fn) {
			defer l.leave()
			inner := ik[len(ik)-1]
			if sub, p, c := swiftCallSuffixShape(inner); !sub && p && c == 0 {
				innerCallee, innerArgs, innerSub, innerOK := l.swiftCallParts(fn)
				if innerOK && !innerSub {
					return innerCallee, append(innerArgs, args...), false, true
				}
			}
		}
	}
	return l.swiftExpr(fn), args, subscript, true
}

// swiftCallSuffixShape reports, without lowering anything, whether a
// call_suffix is a subscript, has parenthesised arguments, and how many
// trailing closures it has.
func swiftCallSuffixShape(suffix *node) (subscript, parens bool, closures int) {
	for _, part := range namedChildren(suffix) {
		switch part.Type() {
		case "value_arguments":
			if c := part.Child(0); c != nil && c.Type() == "[" {
				subscript = true
			} else {
				parens = true
			}
		case "lambda_literal", "annotated_lambda":
			closures++
		}
	}
	return subscript, parens, closures
}

// swiftCallSuffix lowers the arguments of a call_suffix: parenthesised or
// bracketed arguments, then trailing closures.
func (l *lowerer) swiftCallSuffix(suffix *node) (args []*model.Arg, subscript, parens bool, closures int) {
	for _, part := range namedChildren(suffix) {
		switch part.Type() {
		case "value_arguments":
			if c := part.Child(0); c != nil && c.Type() == "[" {
				subscript = true
			} else {
				parens = true
			}
			for _, va := range namedChildren(part) {
				if va.Type() != "value_argument" {
					continue
				}
				a := &model.Arg{Span: span(va)}
				if lbl := va.ChildByFieldName("name"); lbl != nil {
					a.Label = strings.TrimSpace(l.text(lbl))
				}
				if v := va.ChildByFieldName("value"); v != nil {
					a.Value = l.swiftExpr(v)
				} else if k := namedChildren(va); len(k) > 0 {
					a.Value = l.swiftExpr(k[len(k)-1])
				}
				if a.Value == nil {
					a.Value = &model.Unknown{Span: a.Span}
				}
				args = append(args, a)
			}
		case "lambda_literal":
			closures++
			args = append(args, &model.Arg{Value: l.swiftClosure(part), Span: span(part)})
		case "annotated_lambda":
			closures++
			if lam := firstNamed(part, "lambda_literal"); lam != nil {
				args = append(args, &model.Arg{Value: l.swiftClosure(lam), Span: span(part)})
			}
		}
	}
	return args, subscript, parens, closures
}

func (l *lowerer) swiftClosure(n *node) model.Expr {
	fn := &model.Func{Kind: model.FuncClosure, Owner: l.owner, Span: span(n), NameSpan: span(n)}
	fn.File = l.file
	if t := n.ChildByFieldName("type"); t != nil {
		for _, p := range namedChildren(t) {
			if p.Type() == "lambda_function_type_parameters" {
				for _, lp := range namedChildren(p) {
					if name := lp.ChildByFieldName("name"); name != nil {
						fn.Params = append(fn.Params, &model.Param{Name: l.text(name), Label: "_", Span: span(lp)})
					}
				}
			}
		}
	}
	fn.Body = l.swiftBlock(n, true)
	return &model.Closure{Fn: fn, Span: span(n)}
}
