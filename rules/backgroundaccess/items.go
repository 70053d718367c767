package backgroundaccess

import (
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// whileUnlocked are the protection classes whose items can be read only
// while the device is unlocked.
var whileUnlocked = map[string]bool{
	"kSecAttrAccessibleWhenUnlocked":                  true,
	"kSecAttrAccessibleWhenUnlockedThisDeviceOnly":    true,
	"kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly": true,
}

// lockable are the platforms whose devices lock, with their keychain's
// data-protection classes: the Mac's keychains do not lock items away
// with the screen, and an Apple TV has no passcode.
const lockable = model.IOS | model.WatchOS | model.VisionOS

// added is an add whose item is protected only while the device is
// unlocked.
type added struct {
	fact  *flow.CallFact
	class *keychain.Class
	// protection is the constant the add names; "" when it names none
	// and the item gets securityd's default, kSecAttrAccessibleWhenUnlocked
	// (Security: keychain/securityd/SecDbQuery.c:928-940,
	// query_infer_keyclass: "The rest defaults to ak", certificates aside,
	// applied by query_ensure_access_control, :942-946, from
	// SecItemServer.c:2738).
	protection string
	site       flow.Site
}

// unlockedOnly reports how an add protects its item, when that is a
// class readable only while the device is unlocked.
func unlockedOnly(f *flow.CallFact) (*added, bool) {
	if f.Op != model.OpAdd || f.Indirect || f.Dict == nil || f.Platforms&lockable == 0 {
		return nil, false
	}
	class, ok := f.Dict.Class()
	if !ok || class.Name == "kSecClassCertificate" || class.Name == "kSecClassIdentity" {
		// A certificate's default is kSecAttrAccessibleAlways
		// (query_infer_keyclass); an identity stores one.
		return nil, false
	}
	if _, ok := f.Dict.Lookup("kSecAttrAccessControl"); ok {
		return nil, false // the protection is in the access control object
	}
	a := &added{fact: f, class: class, site: f.NameSite}
	e, ok := f.Dict.Lookup("kSecAttrAccessible")
	if !ok {
		// Absent on every path only when nothing unknown went into
		// the dictionary.
		return a, f.Dict.Complete
	}
	names, ok := protections(e)
	if !ok || !e.Must {
		return nil, false
	}
	for _, n := range names {
		if !whileUnlocked[n] {
			return nil, false
		}
	}
	a.protection = strings.Join(names, " or ")
	if len(e.Values) > 0 && e.Values[0].Site.File != nil {
		a.site = e.Values[0].Site
	}
	return a, true
}

// protections returns the accessibility constants an entry may hold
// (constants or their short strings), false when it may hold anything
// else.
func protections(e *flow.Entry) ([]string, bool) {
	if e.UnknownValue || len(e.Values) == 0 {
		return nil, false
	}
	var out []string
	for _, v := range e.Values {
		name := v.Ident
		if v.IsStr {
			val, ok := keychain.LookupValueShort("kSecAttrAccessible", v.Str)
			if !ok {
				return nil, false
			}
			name = val.Name
		}
		if _, ok := keychain.LookupValue(name); !ok {
			return nil, false
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out, true
}

// reprotections returns the queries of the program's updates that may
// change an item's protection (kSecAttrAccessible or kSecAttrAccessControl
// in the attributes to update, or attributes not all known): an item
// added while-unlocked-only that such an update may match may be migrated
// there.
func reprotections(facts []*flow.CallFact) []*flow.DictState {
	var out []*flow.DictState
	for _, f := range facts {
		if f.Op != model.OpUpdate || f.Update == nil {
			continue
		}
		_, acc := f.Update.Lookup("kSecAttrAccessible")
		_, ac := f.Update.Lookup("kSecAttrAccessControl")
		if acc || ac || !f.Update.Complete {
			out = append(out, f.Dict)
		}
	}
	return out
}

// migrated reports whether one of the updates changes the protection of
// the add's item: its query names the same item (sameItem), or names the
// class and none of its identifying attributes (a migration of every item
// of the class). An update of other items of the class, or of items whose
// attributes come from other code, is not this item's migration.
func migrated(a *added, updates []*flow.DictState) bool {
	for _, q := range updates {
		if q == nil {
			continue
		}
		if c, ok := q.Class(); ok && c.Name != a.class.Name {
			continue
		}
		if sameItem(a.fact.Dict, q, a.class) || !namesAny(q, a.class) {
			return true
		}
	}
	return false
}

// namesAny reports whether a query may hold one of the class's
// identifying attributes.
func namesAny(q *flow.DictState, class *keychain.Class) bool {
	for _, alt := range class.Identifying {
		for _, name := range alt {
			if _, ok := q.Lookup(name); ok {
				return true
			}
		}
	}
	return false
}

// sameItem reports whether a read certainly reaches the item an add
// stores: the same item by rulekit.SameItem, or a read that names some of
// the class's identifying attributes, each with the value the add gives
// it, written by the same code (a helper that builds both queries) or the
// same constant.
func sameItem(add, read *flow.DictState, class *keychain.Class) bool {
	if rulekit.SameItem(add, read, class, nil) {
		return true
	}
	for _, alt := range class.Identifying {
		named, all := 0, true
		for _, name := range alt {
			er, ok := read.Lookup(name)
			if !ok {
				continue
			}
			ea, ok := add.Lookup(name)
			if !ok || !er.Must || !ea.Must || !sameValue(ea, er) {
				all = false
				break
			}
			named++
		}
		if all && named > 0 {
			return true
		}
	}
	return false
}

func sameValue(a, b *flow.Entry) bool {
	ca, oka := a.Value()
	cb, okb := b.Value()
	if oka && okb {
		return ca.Text() != "" && ca.Text() == cb.Text()
	}
	// The same write of the key in a helper both queries come from
	// (query(for: key) in a wrapper's set and get), with a value the add
	// does not fix: the wrapper adds every item so, the one read here
	// ("feed-cursor" at the caller) included.
	if !oka && sameSites(a.Sites, b.Sites) {
		return true
	}
	return !oka && !okb && a.ValueSite.File != nil && a.ValueSite == b.ValueSite
}

func sameSites(a, b []flow.Site) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] || a[i].File == nil {
			return false
		}
	}
	return true
}

// readsOtherProtection reports whether a read's query itself filters on a
// protection class readable while locked: it cannot find the item.
func readsOtherProtection(read *flow.DictState) bool {
	e, ok := read.Lookup("kSecAttrAccessible")
	if !ok || !e.Must {
		return false
	}
	names, ok := protections(e)
	if !ok {
		return false
	}
	for _, n := range names {
		if whileUnlocked[n] {
			return false
		}
	}
	return true
}
