package swiftparse

import "github.com/keychainlint/keychainlint/analyzer/model"

// swiftForIn records the element variable and sequence of a Swift
// `for x in seq` loop whose pattern is one name, so that the engine can
// bind x to the elements of a literal sequence (issue 11, item 8).
func (l *lowerer) swiftForIn(n *node, loop *model.Loop) {
	pat, seq := n.ChildByFieldName("item"), n.ChildByFieldName("collection")
	if pat == nil || seq == nil || pat.NamedChildCount() != 1 {
		return
	}
	id := pat.ChildByFieldName("bound_identifier")
	if id == nil {
		return
	}
	loop.Var, loop.Seq = l.text(id), l.swiftExpr(seq)
}

// objcForInVar does the same for Objective-C fast enumeration,
// `for (id x in seq)` or `for (NSString *x in seq)`: the name is the
// identifier before the `in` token, the sequence the expression after it.
func (l *lowerer) objcForInVar(n *node, loop *model.Loop) {
	var name string
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if !c.IsNamed() && c.Type() == "in" {
			if name == "" {
				return
			}
			for j := i + 1; j < int(n.ChildCount()); j++ {
				if s := n.Child(j); s.IsNamed() {
					loop.Var, loop.Seq = name, l.objcExpr(s)
					return
				}
			}
			return
		}
		switch c.Type() {
		case "identifier":
			name = l.text(c)
		case "pointer_declarator":
			if id := firstNamed(c, "identifier"); id != nil {
				name = l.text(id)
			}
		}
	}
}
