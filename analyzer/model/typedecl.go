package model

import "strings"

// TypeDecl is a type declaration's inheritance clause: what a Swift class,
// struct, enum, actor or extension names after its colon (a superclass
// and protocols), so that rules can tell which framework callbacks a
// type's methods implement (a UNNotificationServiceExtension subclass, a
// WidgetKit TimelineProvider). An extension records the conformances it
// adds under the extended type's name.
type TypeDecl struct {
	Name string
	// Inherits are the named types, without module qualification or
	// generic arguments ("UNNotificationServiceExtension",
	// "TimelineProvider").
	Inherits []string
	Span     Span
}

// InheritedName normalises one inheritance clause entry: the last
// component of a qualified name, without generic arguments or
// attributes ("WidgetKit.TimelineProvider" → "TimelineProvider",
// "@unchecked Sendable" → "Sendable").
func InheritedName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.IndexAny(s, "<("); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	return s
}
