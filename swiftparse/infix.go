package swiftparse

import (
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The tree-sitter Swift grammar nests chains of infix operators without
// regard to precedence: `status == errSecSuccess || status == noErr`
// parses as status == (errSecSuccess || (status == noErr)), `a ?? b == c`
// as a ?? (b == c), and a prefix operator goes above the whole chain
// (`-a + b` as -(a + b)). The lowering flattens such a chain into its
// operands and operators, in source order (parenthesised subexpressions
// are separate nodes and stay operands), and rebuilds it with Swift's
// precedence and associativity.

// swiftInfixKinds are the node kinds of infix operator expressions.
var swiftInfixKinds = map[string]bool{
	"equality_expression": true, "comparison_expression": true, "conjunction_expression": true,
	"disjunction_expression": true, "infix_expression": true, "additive_expression": true,
	"multiplicative_expression": true, "nil_coalescing_expression": true, "bitwise_operation": true,
}

// maxInfixOperands bounds the chains that are rebuilt; longer chains
// (generated code) are lowered as the grammar nests them, under the depth
// limit.
const maxInfixOperands = 64

// swiftInfixPrec returns the precedence of a Swift infix operator (higher
// binds tighter) and whether it is right-associative.
func swiftInfixPrec(op string) (int, bool) {
	switch op {
	case "||":
		return 1, false
	case "&&":
		return 2, false
	case "==", "!=", "===", "!==", "<", "<=", ">", ">=", "~=":
		return 3, false
	case "??":
		return 4, true
	case "..<", "...":
		return 6, false
	case "+", "-", "|", "^", "&+", "&-":
		return 7, false
	case "*", "/", "%", "&", "&*":
		return 8, false
	case "<<", ">>", "&<<", "&>>":
		return 9, false
	}
	return 5, false // custom operators
}

// infixOperand is one operand of a flattened chain, with the prefix
// operators (outermost first) that apply to it.
type infixOperand struct {
	n        *node
	prefixes []*node
}

// swiftBinary lowers an infix chain rooted at n (an infix expression, or a
// prefix expression over one) with the right precedence. It returns nil
// when n is not such a chain or the chain is too long.
func (l *lowerer) swiftBinary(n *node) model.Expr {
	operands, ops, ok := l.flattenInfix(n)
	if !ok {
		return nil
	}
	// The rebuilt chain nests up to len(operands)-1 deep: count that
	// against the depth limit while lowering the operands.
	extra := len(operands) - 1
	l.depth += extra
	defer func() { l.depth -= extra }()
	vals := make([]model.Expr, 0, len(operands))
	var opStack []int // indexes into ops
	reduce := func() {
		op := ops[opStack[len(opStack)-1]]
		opStack = opStack[:len(opStack)-1]
		lhs, rhs := vals[len(vals)-2], vals[len(vals)-1]
		vals = vals[:len(vals)-2]
		sp := model.Span{Start: lhs.Pos().Start, End: rhs.Pos().End}
		vals = append(vals, recognizeCompare(op, lhs, rhs, sp))
	}
	for i, o := range operands {
		if i > 0 {
			p, right := swiftInfixPrec(ops[i-1])
			for len(opStack) > 0 {
				tp, _ := swiftInfixPrec(ops[opStack[len(opStack)-1]])
				if tp > p || (tp == p && !right) {
					reduce()
				} else {
					break
				}
			}
			opStack = append(opStack, i-1)
		}
		x := l.swiftExpr(o.n)
		if x == nil {
			x = &model.Unknown{Span: span(o.n)}
		}
		for j := len(o.prefixes) - 1; j >= 0; j-- {
			pn := o.prefixes[j]
			op := ""
			if on := pn.ChildByFieldName("operation"); on != nil {
				op = l.text(on)
			}
			x = swiftPrefixExpr(op, x, model.Span{Start: int(pn.StartByte()), End: x.Pos().End})
		}
		vals = append(vals, x)
	}
	for len(opStack) > 0 {
		reduce()
	}
	return vals[0]
}

// flattenInfix lists the operands and operators of the chain rooted at n
// in source order, without recursion.
func (l *lowerer) flattenInfix(n *node) ([]infixOperand, []string, bool) {
	type item struct {
		n  *node
		op string // an operator when n is nil
	}
	var operands []infixOperand
	var ops []string
	var pending []*node // prefix operators waiting for their operand
	stack := []item{{n: n}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.n == nil {
			ops = append(ops, it.op)
			continue
		}
		c := it.n
		if c.Type() == "prefix_expression" {
			if t := c.ChildByFieldName("target"); t != nil && swiftInfixKinds[t.Type()] {
				pending = append(pending, c)
				stack = append(stack, item{n: t})
				continue
			}
		}
		if swiftInfixKinds[c.Type()] {
			if lhs, op, rhs := l.infixParts(c); lhs != nil {
				if len(operands)+len(stack) > maxInfixOperands {
					return nil, nil, false
				}
				stack = append(stack, item{n: rhs}, item{op: op}, item{n: lhs})
				continue
			}
		}
		operands = append(operands, infixOperand{n: c, prefixes: pending})
		pending = nil
	}
	if len(operands) < 2 || len(ops) != len(operands)-1 {
		return nil, nil, false
	}
	return operands, ops, true
}

// infixParts returns the operands and the operator of an infix
// expression node, or nils.
func (l *lowerer) infixParts(n *node) (lhs *node, op string, rhs *node) {
	lhs, rhs = n.ChildByFieldName("lhs"), n.ChildByFieldName("rhs")
	if o := n.ChildByFieldName("op"); o != nil {
		op = l.text(o)
	}
	if n.Type() == "nil_coalescing_expression" {
		lhs, rhs, op = n.ChildByFieldName("value"), n.ChildByFieldName("if_nil"), "??"
	}
	if lhs == nil || rhs == nil || op == "" {
		return nil, "", nil
	}
	return lhs, op, rhs
}
