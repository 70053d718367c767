package model

import (
	"fmt"
	"strings"
)

// Dump renders a function compactly, one statement per line, for tests
// and for debugging the front end (`keychainlint dump FILE`).
func Dump(f *Func) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", f.Kind, f.Name)
	if f.Owner != "" {
		fmt.Fprintf(&b, " of %s", f.Owner)
	}
	if f.Static {
		b.WriteString(" static")
	}
	var ps []string
	for _, p := range f.Params {
		s := p.Label + " " + p.Name
		if p.InOut {
			s += " inout"
		}
		ps = append(ps, strings.TrimSpace(s))
	}
	fmt.Fprintf(&b, "(%s)", strings.Join(ps, ", "))
	if f.ResultType != "" {
		fmt.Fprintf(&b, " -> %s", f.ResultType)
	}
	b.WriteString("\n")
	dumpStmts(&b, f.Body, 1)
	return b.String()
}

func dumpStmts(b *strings.Builder, ss []Stmt, depth int) {
	for _, s := range ss {
		dumpStmt(b, s, depth)
	}
}

func dumpStmt(b *strings.Builder, s Stmt, depth int) {
	ind := strings.Repeat("  ", depth)
	switch x := s.(type) {
	case *Decl:
		fmt.Fprintf(b, "%sdecl %s", ind, x.Name)
		if x.Type != "" {
			fmt.Fprintf(b, ": %s", x.Type)
		}
		if x.Value != nil {
			fmt.Fprintf(b, " = %s", DumpExpr(x.Value))
		}
		b.WriteString("\n")
	case *Assign:
		fmt.Fprintf(b, "%s%s %s %s\n", ind, DumpExpr(x.Target), x.Op, DumpExpr(x.Value))
	case *ExprStmt:
		fmt.Fprintf(b, "%s%s\n", ind, DumpExpr(x.X))
	case *If:
		fmt.Fprintf(b, "%sif %s\n", ind, DumpExpr(x.Cond))
		dumpStmts(b, x.Then, depth+1)
		if x.Else != nil {
			fmt.Fprintf(b, "%selse\n", ind)
			dumpStmts(b, x.Else, depth+1)
		}
	case *Guard:
		fmt.Fprintf(b, "%sguard %s else\n", ind, DumpExpr(x.Cond))
		dumpStmts(b, x.Else, depth+1)
	case *Switch:
		fmt.Fprintf(b, "%sswitch %s", ind, DumpExpr(x.Tag))
		if x.CStyle {
			b.WriteString(" (c)")
		}
		b.WriteString("\n")
		for _, c := range x.Cases {
			plat := ""
			if c.Platforms != 0 {
				plat = fmt.Sprintf(" [%s]", c.Platforms)
			}
			if c.Default {
				fmt.Fprintf(b, "%s  default:%s\n", ind, plat)
			} else {
				var vs []string
				for _, v := range c.Values {
					vs = append(vs, DumpExpr(v))
				}
				fmt.Fprintf(b, "%s  case %s:%s\n", ind, strings.Join(vs, ", "), plat)
			}
			dumpStmts(b, c.Body, depth+2)
		}
	case *Loop:
		kind := "loop"
		if x.Kind == LoopDoWhile {
			kind = "do-loop"
		}
		fmt.Fprintf(b, "%s%s %s\n", ind, kind, DumpExpr(x.Cond))
		dumpStmts(b, x.Body, depth+1)
	case *Return:
		fmt.Fprintf(b, "%sreturn %s\n", ind, DumpExpr(x.Value))
	case *Throw:
		fmt.Fprintf(b, "%sthrow %s\n", ind, DumpExpr(x.Value))
	case *Break:
		fmt.Fprintf(b, "%sbreak\n", ind)
	case *Continue:
		fmt.Fprintf(b, "%scontinue\n", ind)
	case *Fallthrough:
		fmt.Fprintf(b, "%sfallthrough\n", ind)
	case *Block:
		fmt.Fprintf(b, "%sblock\n", ind)
		dumpStmts(b, x.Body, depth+1)
	case *Try:
		fmt.Fprintf(b, "%stry\n", ind)
		dumpStmts(b, x.Body, depth+1)
		for _, c := range x.Catches {
			fmt.Fprintf(b, "%scatch\n", ind)
			dumpStmts(b, c, depth+1)
		}
		if x.Finally != nil {
			fmt.Fprintf(b, "%sfinally\n", ind)
			dumpStmts(b, x.Finally, depth+1)
		}
	case *IfConfig:
		for i, c := range x.Clauses {
			kw := "#if"
			if i > 0 {
				kw = "#elseif"
			}
			if c.Cond == "" {
				kw = "#else"
			}
			fmt.Fprintf(b, "%s%s %s [%s]\n", ind, kw, c.Cond, c.Platforms)
			dumpStmts(b, c.Body, depth+1)
		}
		fmt.Fprintf(b, "%s#endif\n", ind)
	default:
		fmt.Fprintf(b, "%s?%T\n", ind, s)
	}
}

// DumpExpr renders an expression on one line.
func DumpExpr(e Expr) string {
	if e == nil {
		return "<nil>"
	}
	switch x := e.(type) {
	case *Ident:
		return x.Name
	case *StringLit:
		return fmt.Sprintf("%q", x.Value)
	case *NumberLit:
		return x.Text
	case *BoolLit:
		return fmt.Sprint(x.Value)
	case *NilLit:
		return "nil"
	case *DictLit:
		var es []string
		for _, en := range x.Entries {
			es = append(es, DumpExpr(en.Key)+": "+DumpExpr(en.Value))
		}
		return "[" + strings.Join(es, ", ") + "]"
	case *ArrayLit:
		var es []string
		for _, el := range x.Elems {
			es = append(es, DumpExpr(el))
		}
		return "array(" + strings.Join(es, ", ") + ")"
	case *Call:
		var as []string
		for _, a := range x.Args {
			s := DumpExpr(a.Value)
			if a.Label != "" {
				s = a.Label + ": " + s
			}
			as = append(as, s)
		}
		return dumpPostfixBase(x.Fun) + "(" + strings.Join(as, ", ") + ")"
	case *Member:
		if x.X == nil {
			return "." + x.Name
		}
		return dumpPostfixBase(x.X) + "." + x.Name
	case *Index:
		return dumpPostfixBase(x.X) + "[" + DumpExpr(x.Index) + "]"
	case *Cast:
		switch {
		case x.Kind == CastForced && x.Type == "":
			return DumpExpr(x.X) + "!"
		case x.Kind == CastForced:
			return "(" + DumpExpr(x.X) + " as! " + x.Type + ")"
		case x.Kind == CastConditional:
			return "(" + DumpExpr(x.X) + " as? " + x.Type + ")"
		}
		return "(" + DumpExpr(x.X) + " as " + x.Type + ")"
	case *Unary:
		return x.Op + DumpExpr(x.X)
	case *Binary:
		return "(" + DumpExpr(x.L) + " " + x.Op + " " + DumpExpr(x.R) + ")"
	case *Ternary:
		return "(" + DumpExpr(x.Cond) + " ? " + DumpExpr(x.Then) + " : " + DumpExpr(x.Else) + ")"
	case *Closure:
		var b strings.Builder
		b.WriteString("closure{")
		for i, s := range x.Fn.Body {
			if i > 0 {
				b.WriteString("; ")
			}
			var sb strings.Builder
			dumpStmt(&sb, s, 0)
			b.WriteString(strings.TrimSpace(strings.ReplaceAll(sb.String(), "\n", "; ")))
		}
		b.WriteString("}")
		return b.String()
	case *OptionalBind:
		return "let " + x.Name + " = " + DumpExpr(x.Value)
	case *Unknown:
		var es []string
		for _, s := range x.Sub {
			es = append(es, DumpExpr(s))
		}
		return "unknown(" + strings.Join(es, ", ") + ")"
	case *SecItemCall:
		s := x.Op.Func() + "(" + DumpExpr(x.Dict)
		if x.Update != nil {
			s += ", update: " + DumpExpr(x.Update)
		}
		if x.Result != nil {
			s += ", result: " + DumpExpr(x.Result)
		}
		return s + ")"
	case *DictOp:
		switch x.Kind {
		case DictSet:
			return "set(" + DumpExpr(x.Dict) + ", " + DumpExpr(x.Key) + ", " + DumpExpr(x.Value) + ")"
		case DictAdd:
			return "addIfAbsent(" + DumpExpr(x.Dict) + ", " + DumpExpr(x.Key) + ", " + DumpExpr(x.Value) + ")"
		case DictRemove:
			return "remove(" + DumpExpr(x.Dict) + ", " + DumpExpr(x.Key) + ")"
		case DictRemoveAll:
			return "removeAll(" + DumpExpr(x.Dict) + ")"
		case DictMerge:
			return "merge(" + DumpExpr(x.Dict) + ", " + DumpExpr(x.Other) + ")"
		}
	case *NewDict:
		s := "newdict"
		if x.Ref {
			s += "/ref"
		}
		var parts []string
		if x.Copy != nil {
			parts = append(parts, "copy: "+DumpExpr(x.Copy))
		}
		if x.Merge != nil {
			parts = append(parts, "merge: "+DumpExpr(x.Merge))
		}
		if x.Keys != nil {
			parts = append(parts, "keys: "+DumpExpr(x.Keys), "values: "+DumpExpr(x.Values))
		}
		return s + "(" + strings.Join(parts, ", ") + ")"
	case *StatusCmp:
		op := "=="
		if !x.Equal {
			op = "!="
		}
		return fmt.Sprintf("status(%s %s %s=%d)", DumpExpr(x.X), op, x.CodeName, x.Code)
	}
	return fmt.Sprintf("?%T", e)
}

// dumpPostfixBase renders the receiver of a member access, call or
// subscript; a prefix operator there is parenthesised, so that
// (!x).contains(k) and !x.contains(k) read differently.
func dumpPostfixBase(x Expr) string {
	if _, ok := x.(*Unary); ok {
		return "(" + DumpExpr(x) + ")"
	}
	return DumpExpr(x)
}
