package model

// Inspect calls f for n and, when f returns true, for every node below n
// in source order: statements, expressions, dictionary entries, arguments,
// switch cases and the bodies of closures. It uses an explicit stack, so
// deep nesting cannot exhaust the goroutine stack.
func Inspect(n Node, f func(Node) bool) {
	stack := []Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if isNil(n) || !f(n) {
			continue
		}
		kids := Children(n)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

func isNil(n Node) bool {
	if n == nil {
		return true
	}
	switch x := n.(type) {
	case *Ident:
		return x == nil
	case *Call:
		return x == nil
	}
	return false
}

// InspectFunc inspects every statement of a function body.
func InspectFunc(fn *Func, f func(Node) bool) {
	for _, s := range fn.Body {
		Inspect(s, f)
	}
}

// Children returns the direct children of n in source order.
func Children(n Node) []Node {
	var out []Node
	add := func(ns ...Node) {
		for _, c := range ns {
			if c == nil {
				continue
			}
			if e, ok := c.(Expr); ok && e == nil {
				continue
			}
			out = append(out, c)
		}
	}
	addE := func(es ...Expr) {
		for _, e := range es {
			if e != nil {
				out = append(out, e)
			}
		}
	}
	addS := func(ss []Stmt) {
		for _, s := range ss {
			if s != nil {
				out = append(out, s)
			}
		}
	}
	switch x := n.(type) {
	case *Decl:
		addE(x.Value)
	case *Assign:
		addE(x.Target, x.Value)
	case *ExprStmt:
		addE(x.X)
	case *If:
		addE(x.Cond)
		addS(x.Then)
		addS(x.Else)
	case *Guard:
		addE(x.Cond)
		addS(x.Else)
	case *Switch:
		addE(x.Tag)
		for _, c := range x.Cases {
			add(c)
		}
	case *Case:
		addE(x.Values...)
		addS(x.Body)
	case *Loop:
		addE(x.Cond)
		addS(x.Body)
	case *Return:
		addE(x.Value)
	case *Throw:
		addE(x.Value)
	case *Block:
		addS(x.Body)
	case *Try:
		addS(x.Body)
		for _, c := range x.Catches {
			addS(c)
		}
		addS(x.Finally)
	case *IfConfig:
		for _, c := range x.Clauses {
			addS(c.Body)
		}
	case *DictLit:
		for _, e := range x.Entries {
			add(e)
		}
	case *DictEntry:
		addE(x.Key, x.Value)
	case *ArrayLit:
		addE(x.Elems...)
	case *Call:
		addE(x.Fun)
		for _, a := range x.Args {
			add(a)
		}
	case *Arg:
		addE(x.Value)
	case *Member:
		addE(x.X)
	case *Index:
		addE(x.X, x.Index)
	case *Cast:
		addE(x.X)
	case *Unary:
		addE(x.X)
	case *Binary:
		addE(x.L, x.R)
	case *Ternary:
		addE(x.Cond, x.Then, x.Else)
	case *Closure:
		if x.Fn != nil {
			addS(x.Fn.Body)
		}
	case *OptionalBind:
		addE(x.Value)
	case *Unknown:
		addE(x.Sub...)
	case *SecItemCall:
		addE(x.Dict, x.Update, x.Result)
	case *DictOp:
		addE(x.Dict, x.Key, x.Value, x.Other)
	case *NewDict:
		addE(x.Copy, x.Merge, x.Keys, x.Values)
	case *StatusCmp:
		addE(x.X)
	}
	return out
}
