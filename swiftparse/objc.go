package swiftparse

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// objcFile lowers an Objective-C or C translation_unit.
func (l *lowerer) objcFile(root *node) {
	l.scanComments(root)
	l.platforms = model.AllPlatforms
	l.objcTop(root)
}

// objcTop lowers top-level declarations, descending into preprocessor
// conditionals (which narrow the platform of what they contain) and
// @implementation blocks.
func (l *lowerer) objcTop(n *node) {
	if !l.enter(n) {
		return
	}
	defer l.leave()
	for i, c := range children(n) {
		if !c.IsNamed() || n.FieldNameForChild(i) == "alternative" {
			// The #else / #elif of a conditional is lowered by
			// objcTopConditional with its own platforms.
			continue
		}
		switch c.Type() {
		case "function_definition":
			l.objcFunction(c)
		case "class_implementation", "category_implementation":
			saved := l.owner
			if id := firstNamed(c, "identifier"); id != nil {
				l.owner = l.text(id)
			}
			l.objcTop(c)
			l.owner = saved
		case "implementation_definition":
			l.objcTop(c)
		case "method_definition":
			l.objcMethod(c)
		case "declaration":
			l.objcGlobal(c)
		case "preproc_def":
			l.objcDefine(c)
		case "preproc_if", "preproc_ifdef", "preproc_elif", "preproc_else", "preproc_elifdef":
			l.objcTopConditional(c)
		case "linkage_specification", "declaration_list", "namespace_definition":
			l.objcTop(c)
		case "ERROR":
			l.objcTop(c)
		}
	}
}

// objcTopConditional lowers the branches of a top-level #if with the
// platform scope of each branch.
func (l *lowerer) objcTopConditional(n *node) {
	saved := l.platforms
	defer func() { l.platforms = saved }()
	conds, bodies := l.objcConditionalChain(n)
	plats := clausePlatforms(conds)
	for i, b := range bodies {
		l.platforms = saved & plats[i]
		l.objcTop(b)
	}
}

// objcConditionalChain flattens #if / #elif / #else into the list of
// conditions ("" for #else) and the nodes that hold each branch's
// children (the branch node itself; alternatives are skipped when walking
// it because objcTop and objcStatements ignore nested alternative fields).
func (l *lowerer) objcConditionalChain(n *node) ([]string, []*node) {
	var conds []string
	var bodies []*node
	for cur := n; cur != nil; {
		switch cur.Type() {
		case "preproc_if", "preproc_elif":
			conds = append(conds, l.text(cur.ChildByFieldName("condition")))
		case "preproc_ifdef", "preproc_elifdef":
			name := l.text(cur.ChildByFieldName("name"))
			kw := ""
			if k := cur.Child(0); k != nil {
				kw = l.text(k)
			}
			if strings.Contains(kw, "ifndef") || strings.Contains(kw, "elifndef") {
				conds = append(conds, "!defined("+name+")")
			} else {
				conds = append(conds, "defined("+name+")")
			}
		case "preproc_else":
			conds = append(conds, "")
		default:
			return conds, bodies
		}
		bodies = append(bodies, cur)
		cur = cur.ChildByFieldName("alternative")
	}
	return conds, bodies
}

// objcGlobal lowers a file-scope declaration with an initialiser (static
// constants, global dictionaries) into a property body.
func (l *lowerer) objcGlobal(n *node) {
	for _, d := range fieldChildren(n, "declarator") {
		if d.Type() != "init_declarator" {
			continue
		}
		id := l.declIdent(d.ChildByFieldName("declarator"))
		v := d.ChildByFieldName("value")
		if id == nil || v == nil {
			continue
		}
		f := &model.Func{Kind: model.FuncProperty, Name: l.text(id), Static: true, Span: span(n), NameSpan: span(id)}
		f.ResultType = l.text(n.ChildByFieldName("type"))
		if dd := d.ChildByFieldName("declarator"); dd != nil && strings.Contains(dd.Type(), "pointer") {
			f.ResultType += " *"
		}
		f.Body = []model.Stmt{&model.Return{Value: l.objcExpr(v), Span: span(v)}}
		l.addFunc(f)
	}
}

// declName digs the identifier out of a (pointer, array, function)
// declarator.
func (l *lowerer) declName(d *node) string {
	return l.text(l.declIdent(d))
}

// declIdent is declName's identifier node, nil when there is none.
func (l *lowerer) declIdent(d *node) *node {
	for i := 0; d != nil && i < 16; i++ {
		switch d.Type() {
		case "identifier", "field_identifier":
			return d
		}
		next := d.ChildByFieldName("declarator")
		if next == nil {
			next = firstNamed(d, "identifier", "pointer_declarator", "array_declarator", "block_pointer_declarator",
				"parenthesized_declarator", "function_declarator")
		}
		d = next
	}
	return nil
}

func (l *lowerer) objcFunction(n *node) {
	f := &model.Func{Kind: model.FuncFunction, Static: true, Span: span(n)}
	f.ResultType = l.text(n.ChildByFieldName("type"))
	decl := n.ChildByFieldName("declarator")
	for decl != nil && decl.Type() != "function_declarator" {
		if strings.Contains(decl.Type(), "pointer") {
			f.ResultType += " *"
		}
		decl = decl.ChildByFieldName("declarator")
	}
	if decl == nil {
		return
	}
	if id := decl.ChildByFieldName("declarator"); id != nil {
		f.Name = l.declName(id)
		f.NameSpan = span(id)
	}
	if params := decl.ChildByFieldName("parameters"); params != nil {
		for _, p := range namedChildren(params) {
			if p.Type() != "parameter_declaration" {
				continue
			}
			pd := p.ChildByFieldName("declarator")
			param := &model.Param{Name: l.declName(pd), Type: l.text(p.ChildByFieldName("type")), Span: span(p)}
			if pd != nil && strings.Contains(pd.Type(), "pointer") {
				param.Type += " *"
			}
			f.Params = append(f.Params, param)
		}
	}
	f.Body = l.objcBlock(n.ChildByFieldName("body"))
	l.addFunc(f)
}

// objcMethod lowers `- (T)sel:(A)a part:(B)b { … }`.
func (l *lowerer) objcMethod(n *node) {
	f := &model.Func{Kind: model.FuncMethod, Owner: l.owner, Span: span(n)}
	if c := n.Child(0); c != nil && l.text(c) == "+" {
		f.Static = true
	}
	var sel strings.Builder
	var pendingPart string
	var body *node
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "method_type":
			if f.ResultType == "" && sel.Len() == 0 && pendingPart == "" {
				f.ResultType = strings.Trim(l.text(c), "() ")
			}
		case "identifier":
			if pendingPart != "" {
				sel.WriteString(pendingPart)
			}
			pendingPart = l.text(c)
			if !f.NameSpan.Valid() {
				f.NameSpan = span(c)
			}
		case "method_parameter":
			sel.WriteString(pendingPart + ":")
			p := &model.Param{Label: pendingPart, Span: span(c)}
			pendingPart = ""
			if id := firstNamed(c, "identifier"); id != nil {
				p.Name = l.text(id)
			}
			if mt := firstNamed(c, "method_type"); mt != nil {
				p.Type = strings.Trim(l.text(mt), "() ")
			}
			f.Params = append(f.Params, p)
		case "compound_statement":
			body = c
		}
	}
	sel.WriteString(pendingPart)
	f.Name = sel.String()
	if strings.HasPrefix(f.Name, "init") {
		f.Kind = model.FuncInit
	}
	f.Body = l.objcBlock(body)
	l.addFunc(f)
}

// objcBlock lowers a compound statement's statements.
func (l *lowerer) objcBlock(n *node) []model.Stmt {
	if n == nil {
		return nil
	}
	if n.Type() != "compound_statement" {
		if s := l.objcStmt(n); s != nil {
			return []model.Stmt{s}
		}
		return nil
	}
	return l.objcStatements(n)
}

func (l *lowerer) objcStatements(n *node) []model.Stmt {
	if !l.enter(n) {
		return nil
	}
	defer l.leave()
	var out []model.Stmt
	for i, c := range children(n) {
		if !c.IsNamed() {
			continue
		}
		switch n.FieldNameForChild(i) {
		case "condition", "alternative", "name":
			// Parts of a preprocessor conditional, handled by the caller.
			continue
		}
		if s := l.objcStmt(c); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func (l *lowerer) objcStmt(n *node) model.Stmt {
	if !l.enter(n) {
		return nil
	}
	defer l.leave()
	sp := span(n)
	switch n.Type() {
	case "comment", "preproc_include", "preproc_def", "preproc_function_def", "preproc_call", ";":
		return nil
	case "compound_statement", "ERROR":
		body := l.objcStatements(n)
		if len(body) == 0 {
			return nil
		}
		return &model.Block{Body: body, Span: sp}
	case "declaration":
		return l.objcDecl(n)
	case "expression_statement":
		if n.NamedChildCount() == 0 {
			return nil
		}
		e := n.NamedChild(0)
		if e.Type() == "assignment_expression" {
			return l.objcAssign(e, sp)
		}
		if e.Type() == "comma_expression" {
			var body []model.Stmt
			for _, part := range namedChildren(e) {
				if part.Type() == "assignment_expression" {
					body = append(body, l.objcAssign(part, span(part)))
				} else {
					body = append(body, &model.ExprStmt{X: l.objcExpr(part), Span: span(part)})
				}
			}
			return &model.Block{Body: body, Span: sp}
		}
		return &model.ExprStmt{X: l.objcExpr(e), Span: sp}
	case "if_statement":
		s := &model.If{Cond: l.objcExpr(n.ChildByFieldName("condition")), Span: sp}
		s.Then = l.objcBlock(n.ChildByFieldName("consequence"))
		if alt := n.ChildByFieldName("alternative"); alt != nil {
			if alt.Type() == "else_clause" && alt.NamedChildCount() > 0 {
				alt = alt.NamedChild(0)
			}
			s.Else = l.objcBlock(alt)
		}
		return s
	case "switch_statement":
		return l.objcSwitch(n)
	case "while_statement":
		return &model.Loop{Kind: model.LoopWhile, Cond: l.objcExpr(n.ChildByFieldName("condition")),
			Body: l.objcBlock(n.ChildByFieldName("body")), Span: sp}
	case "do_statement":
		return &model.Loop{Kind: model.LoopDoWhile, Cond: l.objcExpr(n.ChildByFieldName("condition")),
			Body: l.objcBlock(n.ChildByFieldName("body")), Span: sp}
	case "for_statement", "for_in_statement":
		loop := &model.Loop{Kind: model.LoopWhile, Span: sp}
		var pre []model.Stmt
		if init := n.ChildByFieldName("initializer"); init != nil {
			if init.Type() == "declaration" {
				pre = append(pre, l.objcDecl(init))
			} else if init.Type() == "assignment_expression" {
				pre = append(pre, l.objcAssign(init, span(init)))
			}
		}
		if c := n.ChildByFieldName("condition"); c != nil {
			loop.Cond = l.objcExpr(c)
		} else if !objcForIn(n) {
			// for (;;) runs until a break, return or throw; a for-in loop
			// (Cond nil) ends with its collection.
			loop.Cond = &model.BoolLit{Value: true, Span: sp}
		}
		body := n.ChildByFieldName("body")
		if body == nil {
			body = firstNamed(n, "compound_statement")
		}
		loop.Body = l.objcBlock(body)
		if objcForIn(n) {
			l.objcForInVar(n, loop)
		}
		if len(pre) > 0 {
			return &model.Block{Body: append(pre, loop), Span: sp}
		}
		return loop
	case "return_statement":
		r := &model.Return{Span: sp}
		if n.NamedChildCount() > 0 {
			r.Value = l.objcExpr(n.NamedChild(0))
		}
		return r
	case "break_statement":
		return &model.Break{Span: sp}
	case "continue_statement":
		return &model.Continue{Span: sp}
	case "throw_statement":
		t := &model.Throw{Span: sp}
		if n.NamedChildCount() > 0 {
			t.Value = l.objcExpr(n.NamedChild(0))
		}
		return t
	case "try_statement":
		t := &model.Try{Span: sp}
		for _, c := range namedChildren(n) {
			switch c.Type() {
			case "compound_statement":
				t.Body = l.objcBlock(c)
			case "catch_clause":
				t.Catches = append(t.Catches, l.objcBlock(firstNamed(c, "compound_statement")))
			case "finally_clause":
				t.Finally = l.objcBlock(firstNamed(c, "compound_statement"))
			}
		}
		return t
	case "labeled_statement":
		if k := namedChildren(n); len(k) > 0 {
			return l.objcStmt(k[len(k)-1])
		}
		return nil
	case "preproc_if", "preproc_ifdef":
		conds, bodies := l.objcConditionalChain(n)
		plats := clausePlatforms(conds)
		cfg := &model.IfConfig{Span: sp}
		for i, b := range bodies {
			cfg.Clauses = append(cfg.Clauses, &model.ConfigClause{Cond: conds[i], Platforms: plats[i], Body: l.objcStatements(b), Span: span(b)})
		}
		return cfg
	case "function_definition":
		l.objcFunction(n)
		return nil
	case "goto_statement":
		return nil
	}
	if e := l.objcExpr(n); e != nil {
		if u, ok := e.(*model.Unknown); ok && len(u.Sub) == 0 {
			return nil
		}
		return &model.ExprStmt{X: e, Span: sp}
	}
	return nil
}

func (l *lowerer) objcAssign(e *node, sp model.Span) model.Stmt {
	op := "="
	if o := e.ChildByFieldName("operator"); o != nil {
		op = l.text(o)
	}
	return recognizeAssign(l.objcExpr(e.ChildByFieldName("left")), op, l.objcExpr(e.ChildByFieldName("right")), sp)
}

// objcDecl lowers `T *a = e, b;` into Decls.
func (l *lowerer) objcDecl(n *node) model.Stmt {
	typ := l.text(n.ChildByFieldName("type"))
	var out []model.Stmt
	for _, d := range fieldChildren(n, "declarator") {
		decl := &model.Decl{Type: typ, Mutable: true, Span: span(n)}
		inner := d
		if d.Type() == "init_declarator" {
			inner = d.ChildByFieldName("declarator")
			if v := d.ChildByFieldName("value"); v != nil {
				decl.Value = l.objcExpr(v)
			}
		}
		decl.Name = l.declName(inner)
		if inner != nil {
			decl.NameSpan = span(inner)
			if strings.Contains(inner.Type(), "pointer") {
				decl.Type += " *"
			}
			if strings.Contains(inner.Type(), "array") || (inner.Type() == "pointer_declarator" && firstNamed(inner, "array_declarator") != nil) {
				decl.Type += "[]"
			}
		}
		if decl.Name != "" {
			out = append(out, decl)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return &model.Block{Body: out, Span: span(n)}
}

func (l *lowerer) objcSwitch(n *node) model.Stmt {
	s := &model.Switch{Tag: l.objcExpr(n.ChildByFieldName("condition")), CStyle: true, Span: span(n)}
	body := n.ChildByFieldName("body")
	if body == nil {
		return s
	}
	// A C switch body is a statement list with case labels. The grammar
	// nests the statements after a label in its case_statement, but a
	// preprocessor conditional ends that: the conditional and the
	// statements after it are siblings of the case, and a conditional may
	// hold whole cases (#if TARGET_OS_OSX case 1: … #endif). Walk the body
	// in order: a label starts a case (narrowed to the platforms of the
	// #if branches it is in), any other statement belongs to the current
	// case (statements before the first case are unreachable).
	var cur *model.Case
	var curPlat model.Platform
	var item func(c *node, plat model.Platform, cond string)
	items := func(c *node, skipFields bool, plat model.Platform, cond string) {
		for i, k := range children(c) {
			if !k.IsNamed() {
				continue
			}
			if skipFields {
				switch c.FieldNameForChild(i) {
				case "condition", "alternative", "name", "value":
					continue
				}
			}
			item(k, plat, cond)
		}
	}
	item = func(c *node, plat model.Platform, cond string) {
		if !l.enter(c) {
			return
		}
		defer l.leave()
		switch {
		case c.Type() == "case_statement":
			cur = &model.Case{Span: span(c)}
			curPlat = plat
			if plat != model.AllPlatforms {
				cur.Platforms = plat
			}
			if v := c.ChildByFieldName("value"); v != nil {
				cur.Values = append(cur.Values, l.objcExpr(v))
			} else {
				cur.Default = true
			}
			if plat != 0 {
				s.Cases = append(s.Cases, cur)
			}
			items(c, true, plat, cond)
		case (c.Type() == "preproc_if" || c.Type() == "preproc_ifdef") && objcHoldsCase(c):
			conds, bodies := l.objcConditionalChain(c)
			plats := clausePlatforms(conds)
			for i, b := range bodies {
				items(b, true, plat&plats[i], conds[i])
			}
		case cur != nil:
			st := l.objcStmt(c)
			if st == nil {
				return
			}
			if plat != curPlat {
				// A statement of the case in an #if branch that also
				// holds case labels.
				st = &model.IfConfig{Clauses: []*model.ConfigClause{{Cond: cond, Platforms: plat, Body: []model.Stmt{st}, Span: span(c)}}, Span: span(c)}
			}
			cur.Body = append(cur.Body, st)
		}
	}
	items(body, false, model.AllPlatforms, "")
	return s
}

// objcHoldsCase tells whether a preprocessor conditional holds a case
// label in one of its branches (nested conditionals included).
func objcHoldsCase(n *node) bool {
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "case_statement":
			return true
		case "preproc_if", "preproc_ifdef", "preproc_elif", "preproc_elifdef", "preproc_else":
			if objcHoldsCase(c) {
				return true
			}
		}
	}
	return false
}

func (l *lowerer) objcExpr(n *node) model.Expr {
	if n == nil {
		return nil
	}
	sp := span(n)
	if !l.enter(n) {
		return &model.Unknown{Span: sp}
	}
	defer l.leave()
	switch n.Type() {
	case "identifier", "field_identifier":
		return identExpr(l.text(n), sp)
	case "self":
		return &model.Ident{Name: "self", Span: sp}
	case "null", "nil":
		return &model.NilLit{Span: sp}
	case "true":
		return &model.BoolLit{Value: true, Span: sp}
	case "false":
		return &model.BoolLit{Value: false, Span: sp}
	case "number_literal":
		return numberLit(strings.TrimRight(l.text(n), "uUlLfF"), sp)
	case "string_literal":
		return l.objcString(n)
	case "concatenated_string":
		var b strings.Builder
		for _, c := range namedChildren(n) {
			s, ok := l.objcString(c).(*model.StringLit)
			if !ok {
				return &model.Unknown{Span: sp}
			}
			b.WriteString(s.Value)
		}
		return &model.StringLit{Value: b.String(), Span: sp}
	case "at_expression":
		// @YES, @(expr), @1: the boxed value.
		if n.NamedChildCount() == 1 {
			return l.objcExpr(n.NamedChild(0))
		}
	case "parenthesized_expression":
		if n.NamedChildCount() == 1 {
			return l.objcExpr(n.NamedChild(0))
		}
	case "dictionary_literal":
		d := &model.DictLit{Span: sp}
		for _, p := range namedChildren(n) {
			if p.Type() != "dictionary_pair" {
				continue
			}
			kv := namedChildren(p)
			if len(kv) != 2 {
				continue
			}
			d.Entries = append(d.Entries, &model.DictEntry{Key: l.objcExpr(kv[0]), Value: l.objcExpr(kv[1]), Span: span(p)})
		}
		if n.HasError() {
			return &model.Unknown{Sub: []model.Expr{d}, Span: sp}
		}
		return d
	case "array_literal", "initializer_list":
		a := &model.ArrayLit{Span: sp}
		for _, c := range namedChildren(n) {
			a.Elems = append(a.Elems, l.objcExpr(c))
		}
		return a
	case "cast_expression":
		return &model.Cast{X: l.objcExpr(n.ChildByFieldName("value")), Type: l.text(n.ChildByFieldName("type")), Span: sp}
	case "call_expression":
		c := &model.Call{Fun: l.objcExpr(n.ChildByFieldName("function")), Span: sp}
		if args := n.ChildByFieldName("arguments"); args != nil {
			for _, a := range namedChildren(args) {
				if a.Type() == "comment" {
					continue
				}
				c.Args = append(c.Args, &model.Arg{Value: l.objcExpr(a), Span: span(a)})
			}
		}
		// CFSTR("x") is a constant CFString with the literal's value.
		if id, ok := c.Fun.(*model.Ident); ok && id.Name == "CFSTR" && len(c.Args) == 1 {
			if s, ok := c.Args[0].Value.(*model.StringLit); ok {
				return &model.StringLit{Value: s.Value, Span: sp}
			}
		}
		return recognizeCall(c, l.file.Lang)
	case "message_expression":
		return l.objcMessage(n)
	case "subscript_expression":
		return &model.Index{X: l.objcExpr(n.ChildByFieldName("argument")), Index: l.objcExpr(n.ChildByFieldName("index")), Span: sp}
	case "field_expression":
		f := n.ChildByFieldName("field")
		return &model.Member{X: l.objcExpr(n.ChildByFieldName("argument")), Name: l.text(f), NameSpan: span(f), Span: sp}
	case "pointer_expression", "unary_expression":
		op := ""
		if o := n.ChildByFieldName("operator"); o != nil {
			op = l.text(o)
		}
		x := l.objcExpr(n.ChildByFieldName("argument"))
		if num, ok := x.(*model.NumberLit); ok && op == "-" && num.IsInt {
			return &model.NumberLit{Text: "-" + num.Text, Int: -num.Int, IsInt: true, Span: sp}
		}
		return &model.Unary{Op: op, X: x, Span: sp}
	case "binary_expression":
		op := ""
		if o := n.ChildByFieldName("operator"); o != nil {
			op = l.text(o)
		}
		return recognizeCompare(op, l.objcExpr(n.ChildByFieldName("left")), l.objcExpr(n.ChildByFieldName("right")), sp)
	case "conditional_expression":
		return &model.Ternary{Cond: l.objcExpr(n.ChildByFieldName("condition")), Then: l.objcExpr(n.ChildByFieldName("consequence")),
			Else: l.objcExpr(n.ChildByFieldName("alternative")), Span: sp}
	case "assignment_expression":
		// An assignment inside an expression, e.g.
		// if ((status = SecItemAdd(…)) == noErr): the flow engine treats
		// a Binary "=" as an assignment that yields its value.
		op := "="
		if o := n.ChildByFieldName("operator"); o != nil {
			op = l.text(o)
		}
		return &model.Binary{Op: op, L: l.objcExpr(n.ChildByFieldName("left")), R: l.objcExpr(n.ChildByFieldName("right")), Span: sp}
	case "block_literal":
		fn := &model.Func{Kind: model.FuncClosure, Owner: l.owner, Span: sp, NameSpan: sp}
		fn.File = l.file
		if params := firstNamed(n, "parameter_list"); params != nil {
			for _, p := range namedChildren(params) {
				fn.Params = append(fn.Params, &model.Param{Name: l.declName(p.ChildByFieldName("declarator")), Span: span(p)})
			}
		}
		fn.Body = l.objcBlock(firstNamed(n, "compound_statement"))
		return &model.Closure{Fn: fn, Span: sp}
	}
	u := &model.Unknown{Span: sp}
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "comment", "type_descriptor", "type_identifier", "primitive_type":
			continue
		}
		if e := l.objcExpr(c); e != nil {
			u.Sub = append(u.Sub, e)
		}
	}
	return u
}

func (l *lowerer) objcString(n *node) model.Expr {
	var b strings.Builder
	for _, c := range namedChildren(n) {
		switch c.Type() {
		case "string_content":
			b.WriteString(l.text(c))
		case "escape_sequence":
			b.WriteString(unescape(l.text(c)))
		}
	}
	return &model.StringLit{Value: b.String(), Span: span(n)}
}

// objcMessage lowers [receiver part:arg part:arg …].
func (l *lowerer) objcMessage(n *node) model.Expr {
	sp := span(n)
	c := &model.Call{ObjCMessage: true, Span: sp}
	var recv model.Expr
	var sel strings.Builder
	var nameSpan model.Span
	part := ""
	kids := children(n)
	for i, k := range kids {
		field := n.FieldNameForChild(i)
		switch {
		case field == "receiver":
			recv = l.objcExpr(k)
		case field == "method":
			part = l.text(k)
			if !nameSpan.Valid() {
				nameSpan = span(k)
			}
			if i+1 >= len(kids) || kids[i+1].Type() != ":" {
				sel.WriteString(part)
			}
		case k.Type() == ":":
			sel.WriteString(part + ":")
		case k.IsNamed() && k.Type() != "comment":
			c.Args = append(c.Args, &model.Arg{Label: part, Value: l.objcExpr(k), Span: span(k)})
			part = ""
		}
	}
	c.Fun = &model.Member{X: recv, Name: sel.String(), NameSpan: nameSpan, Span: sp}
	return recognizeCall(c, l.file.Lang)
}

// objcForIn reports whether a for statement is a fast enumeration
// (for (id x in items)), which the grammar parses as a for_statement with
// an `in` token instead of the two semicolons of a C for.
func objcForIn(n *node) bool {
	if n.Type() == "for_in_statement" {
		return true
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		if c := n.Child(i); !c.IsNamed() && c.Type() == "in" {
			return true
		}
	}
	return false
}
