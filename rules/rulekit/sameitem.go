package rulekit

import (
	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// SameItem reports whether two dictionaries certainly name the same item
// of class: for one of the class's sets of identifying attributes, each
// attribute is the same in both, and at least one of them is present.
//
// An attribute is the same when it is present on every path in both with
// the same value: the same constant, the same entry of one dictionary
// object, the same expression text (a variable such as `account`)
// inside fn, or the same pure helper applied to the same parameters or
// constants (flow.Derived: `keyWithPrefix(key)` in a delete helper called
// with `key` and in the caller). It is also the same when it is absent from both complete
// dictionaries (the first call, a query, then matches any value of it,
// so also the value the add stores: its default, or for a certificate's
// issuer the certificate's own), and when both dictionaries
// were made the same way (one object, or the same helper call with the
// same arguments in one function, see flow.Build) and hold it only on
// some paths, written at the same sites with the same value: the same
// condition in the helper (`if (self.account)`) decides both. Anything
// less certain is "not the same": rules built on this stay silent.
func SameItem(a, b *flow.DictState, class *keychain.Class, fn *model.Func) bool {
	if a == nil || b == nil || class == nil {
		return false
	}
	if ac, ok := a.Class(); !ok || ac.Short != class.Short {
		return false
	}
	if bc, ok := b.Class(); !ok || bc.Short != class.Short {
		return false
	}
	shared := sharesObject(a, b)
	built := a.Build.Known() && a.Build == b.Build && a.Complete && b.Complete
	for _, alt := range class.Identifying {
		all, named := true, false
		for _, name := range alt {
			ea, oka := a.Lookup(name)
			eb, okb := b.Lookup(name)
			switch {
			case !oka && !okb && a.Complete && b.Complete:
				continue
			case oka && okb && ea.Must && eb.Must && sameValue(ea, eb, shared, fn):
			case oka && okb && built && !ea.Must && !eb.Must && sameSites(ea, eb) && sameValue(ea, eb, shared, fn):
			default:
				all = false
			}
			if !all {
				break
			}
			named = true
		}
		if all && named {
			return true
		}
	}
	return false
}

// sameSites reports whether two entries were written at the same sites.
func sameSites(a, b *flow.Entry) bool {
	if len(a.Sites) != len(b.Sites) {
		return false
	}
	for _, s := range a.Sites {
		found := false
		for _, t := range b.Sites {
			if s == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func sharesObject(a, b *flow.DictState) bool {
	for _, x := range a.Objs {
		for _, y := range b.Objs {
			if x == y && x != 0 {
				return true
			}
		}
	}
	return false
}

func sameValue(a, b *flow.Entry, shared bool, fn *model.Func) bool {
	ca, oka := a.Value()
	cb, okb := b.Value()
	if oka && okb {
		return ca.Text() != "" && ca.Text() == cb.Text()
	}
	if oka != okb {
		return false
	}
	// Computed by the same pure helper from the same parameters or
	// constants (keyWithPrefix(key) in a delete helper and in the caller).
	if a.ValueDerived != nil && a.ValueDerived.Equal(b.ValueDerived) {
		return true
	}
	if !stable(a.ValueText) || a.ValueText != b.ValueText {
		return false
	}
	// The same expression in a helper (self.service in baseQuery) reads
	// the same value each time, unless it comes from a parameter.
	if a.ValueSite == b.ValueSite && (shared || (a.ValueParam < 0 && b.ValueParam < 0)) {
		return true
	}
	return within(a.ValueSite, fn) && within(b.ValueSite, fn)
}

// stable reports whether an expression reads a value rather than computing
// a new one: a name or a chain of member accesses (account, self.service,
// Config.shared.group), not a call such as UUID().uuidString.
func stable(text string) bool {
	if text == "" {
		return false
	}
	for i, r := range text {
		switch {
		case r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

func within(s flow.Site, fn *model.Func) bool {
	return fn != nil && s.File == fn.File && s.Span.Start >= fn.Span.Start && s.Span.End <= fn.Span.End
}

// InsideOneHelperCall reports whether two call facts are both calls a
// helper makes inside the same call of that helper: the helper's own
// analysis reports their relation, once, where it is.
func InsideOneHelperCall(a, b *flow.CallFact) bool {
	return a.Via != nil && b.Via != nil && a.Site == b.Site
}

// WrittenBy reports whether every write of entry e happened inside fn (a
// wrapper that adds the key to its own copy of the dictionary).
func WrittenBy(e *flow.Entry, fn *model.Func) bool {
	if fn == nil || len(e.Sites) == 0 {
		return false
	}
	for _, s := range e.Sites {
		if !within(s, fn) {
			return false
		}
	}
	return true
}

// DirectCall reports whether the SecItem call of a fact certainly happens
// at its site: made there directly, or by a helper called there that
// makes it on every path (deleteItem(account:)), not by a helper that only
// sometimes does (a getter that deletes an expired item).
func DirectCall(f *flow.CallFact) bool {
	return f.Via == nil || f.Always
}

// CalledAt names the function called at a helper call fact's site (the
// helper called there, not the wrapper deep inside it that makes the
// SecItem call).
func CalledAt(f *flow.CallFact) string {
	if f.Callee != nil {
		return f.Callee.Name
	}
	if f.Via != nil {
		return f.Via.Name
	}
	return f.Op.Func()
}
