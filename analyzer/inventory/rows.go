package inventory

import (
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// newItem makes the row of a group of adds.
func newItem(id int, adds []*flow.CallFact) *Item {
	it := &Item{
		ID:             id,
		Class:          valueOf(adds, "kSecClass"),
		Accessible:     valueOf(adds, "kSecAttrAccessible"),
		AccessControl:  valueOf(adds, "kSecAttrAccessControl"),
		Synchronizable: valueOf(adds, "kSecAttrSynchronizable"),
		AccessGroup:    valueOf(adds, "kSecAttrAccessGroup"),
		Keychain:       keychainOf(adds),
		Adds:           []Use{},
		Reads:          []Use{},
		Updates:        []Use{},
		Deletes:        []Use{},
		Targets:        []string{},
		Test:           true,
	}
	var class *keychain.Class
	if c, ok := classOf(adds[0]); ok {
		class = c
	}
	for _, a := range adds[1:] {
		if c, ok := classOf(a); !ok || class == nil || c.Short != class.Short {
			class = nil
		}
	}
	it.Attributes = attributes(adds, class)
	var plat model.Platform
	for _, a := range adds {
		it.Adds = append(it.Adds, use(a))
		plat |= a.Platforms
		it.Targets = append(it.Targets, targets(a.Site.File)...)
		it.Test = it.Test && isTest(a)
	}
	if it.AccessGroup.Absent {
		it.DefaultAccessGroups = defaultGroups(adds)
	}
	it.Targets = uniq(it.Targets)
	if it.Targets == nil {
		it.Targets = []string{}
	}
	it.Platforms = plat.String()
	return it
}

// newQuery makes the entry of a query that names no item.
func newQuery(q *flow.CallFact) *Query {
	var class *keychain.Class
	if c, ok := classOf(q); ok {
		class = c
	}
	facts := []*flow.CallFact{q}
	u := use(q)
	u.Sets = protectionSets(q)
	return &Query{Op: q.Op.String(), Class: valueOf(facts, "kSecClass"), Attributes: attributes(facts, class), Use: u}
}

// use is where a fact's call happens.
func use(f *flow.CallFact) Use {
	u := Use{Function: FuncName(f.Func), File: f.Site.File.Path, Line: rulekit.Line(f.Site)}
	if f.Via != nil && f.Via != f.Func {
		u.Via = FuncName(f.Via)
	}
	return u
}

// protection are the attributes that decide who can read an item and
// when, which an update may change.
var protection = []string{"kSecAttrAccessible", "kSecAttrAccessControl", "kSecAttrSynchronizable", "kSecAttrAccessGroup"}

// protectionSets lists what an update's attributesToUpdate write of
// the protection attributes.
func protectionSets(q *flow.CallFact) []string {
	if q.Op != model.OpUpdate || q.Update == nil {
		return nil
	}
	var out []string
	for _, name := range protection {
		if _, ok := q.Update.Lookup(name); ok {
			out = append(out, name+" = "+valueOf([]*flow.CallFact{{Dict: q.Update, Func: q.Func, Call: q.Call, Site: q.Site}}, name).text(unset))
		}
	}
	return out
}

// defaultGroups lists the default access group of each Xcode target that
// builds one of the adds (see Item.DefaultAccessGroups); an entitlements
// file that could not be read says nothing.
func defaultGroups(adds []*flow.CallFact) []string {
	var out []string
	for _, a := range adds {
		p := a.Site.File.Project
		if p == nil {
			continue
		}
		for _, t := range p.Targets {
			if t == nil {
				continue
			}
			for _, e := range t.Entitlements {
				switch {
				case e == nil || e.Unread != "":
				case len(e.KeychainAccessGroups) > 0:
					out = append(out, e.KeychainAccessGroups[0]+" ("+t.Target+")")
				default:
					for _, id := range t.BundleIDs {
						// "*" stands for the prefix and for what could not
						// be expanded: one is enough.
						out = append(out, oneStar("*"+id)+" ("+t.Target+")")
					}
				}
			}
		}
	}
	return uniq(out)
}

func oneStar(s string) string {
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	return s
}

// targets names the build units that compile a file: its Xcode targets,
// else its module (a SwiftPM target, a pod).
func targets(f *model.File) []string {
	p := f.Project
	if p == nil {
		return nil
	}
	var out []string
	for _, t := range p.Targets {
		if t != nil && t.Target != "" {
			out = append(out, t.Target)
		}
	}
	if len(out) == 0 && p.Module != "" {
		out = append(out, p.Module)
	}
	return out
}

// FuncName names a function for a developer: Type.method(label:), the
// Objective-C selector after its class, a C function's name; a closure
// by the function around it.
func FuncName(fn *model.Func) string {
	if fn == nil {
		return "(unknown)"
	}
	if fn.Kind == model.FuncClosure {
		if fn.Parent != nil {
			return "closure in " + FuncName(fn.Parent)
		}
		return "closure"
	}
	if fn.Kind == model.FuncTopLevel {
		return "top-level code"
	}
	return report.FuncName(fn) // the name findings give it
}

// dedupeUses sorts uses by position and keeps one per function and line
// (a certain use wins over a possible one).
func dedupeUses(us []Use) []Use {
	sort.SliceStable(us, func(i, j int) bool {
		a, b := us[i], us[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		if a.Via != b.Via {
			return a.Via < b.Via
		}
		return !a.Possible && b.Possible
	})
	out := us[:0]
	for _, u := range us {
		if n := len(out); n > 0 {
			p := out[n-1]
			if p.File == u.File && p.Line == u.Line && p.Function == u.Function && p.Via == u.Via {
				continue
			}
		}
		out = append(out, u)
	}
	return out
}
