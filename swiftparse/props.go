package swiftparse

import (
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// swiftStoredProps records the stored properties a property declaration
// declares (model.Prop): every name of `var a: T?, b = 1`, with the type
// annotation and initial value that follow it. A declaration with
// accessors or observers declares none (its value comes from code).
func (l *lowerer) swiftStoredProps(n *node, static bool) {
	if n.ChildByFieldName("computed_value") != nil || firstNamed(n, "willset_didset_block", "computed_property") != nil {
		return
	}
	external := false
	if m := firstNamed(n, "modifiers"); m != nil {
		// An attribute (@objc, @IBOutlet, @NSManaged, @Published, a
		// property wrapper) or `dynamic` lets code the program does not
		// show set the property.
		text := l.text(m)
		external = strings.Contains(text, "@") || strings.Contains(text, "dynamic")
	}
	var cur *model.Prop
	for i, c := range children(n) {
		switch n.FieldNameForChild(i) {
		case "name":
			cur = nil
			if id := c.ChildByFieldName("bound_identifier"); id != nil {
				cur = &model.Prop{Owner: l.owner, Name: l.text(id), Static: static || l.owner == "", External: external,
					NameSpan: span(id), Span: span(n)}
				l.file.Props = append(l.file.Props, cur)
			}
		case "value":
			if cur != nil {
				cur.HasInit = true
			}
		default:
			if cur != nil && c.Type() == "type_annotation" {
				if t := c.ChildByFieldName("name"); t != nil {
					cur.Type = l.text(t)
				}
			}
		}
	}
}

// swiftExposed records a type whose declaration or extension makes its
// stored properties settable by code the program does not show: a
// Decodable conformance (the synthesised init(from:) sets every one) or
// @objcMembers (key-value coding).
func (l *lowerer) swiftExposed(n *node, name string) {
	if name == "" {
		return
	}
	exposed := false
	if m := firstNamed(n, "modifiers"); m != nil && strings.Contains(l.text(m), "@objcMembers") {
		exposed = true
	}
	for _, c := range namedChildren(n) {
		if c.Type() == "inheritance_specifier" {
			t := l.text(c)
			if strings.Contains(t, "Codable") || strings.Contains(t, "Decodable") {
				exposed = true
			}
		}
	}
	if exposed {
		l.file.Exposed = append(l.file.Exposed, name)
	}
}

// noteForceUnwrap records that the expression at sp was written `x!`.
func (l *lowerer) noteForceUnwrap(sp model.Span) {
	l.file.ForceUnwraps = append(l.file.ForceUnwraps, sp)
}

// sortForceUnwraps orders the spans for model.File.ForceUnwrapped.
func sortForceUnwraps(f *model.File) {
	sort.Slice(f.ForceUnwraps, func(i, j int) bool {
		a, b := f.ForceUnwraps[i], f.ForceUnwraps[j]
		return a.Start < b.Start || a.Start == b.Start && a.End < b.End
	})
}
