package swiftparse

import (
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

// swiftExposed records a type whose declaration or extension may let code
// the program does not show set its stored properties: @objcMembers
// (key-value coding), or a conformance other than a few that synthesise
// nothing that stores (a Decodable conformance's synthesised init(from:)
// sets every property, and so does one of a protocol that refines
// Decodable), or a superclass (whose code may set them through a
// subclass's overrides).
func (l *lowerer) swiftExposed(n *node, name string) {
	if name == "" {
		return
	}
	exposed := false
	if m := firstNamed(n, "modifiers"); m != nil && strings.Contains(l.text(m), "@objcMembers") {
		exposed = true
	}
	for _, c := range namedChildren(n) {
		if c.Type() == "inheritance_specifier" && !inertConformance[strings.TrimSpace(l.text(c))] {
			exposed = true
		}
	}
	if exposed {
		l.file.Exposed = append(l.file.Exposed, name)
	}
}

// inertConformance are the protocols and base classes that set no stored
// property of a type that adopts them (NSObject: key-value coding reaches
// only @objc properties, which are External).
var inertConformance = map[string]bool{
	"Equatable": true, "Hashable": true, "Comparable": true, "Identifiable": true, "Sendable": true,
	"CustomStringConvertible": true, "CustomDebugStringConvertible": true, "Error": true, "LocalizedError": true,
	"NSObject": true,
}
