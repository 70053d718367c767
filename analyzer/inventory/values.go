package inventory

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// identifying are the attributes an inventory row shows, in order: what
// the keychain finds generic and internet passwords, keys and
// certificates by.
var identifying = []string{"kSecAttrService", "kSecAttrAccount", "kSecAttrServer", "kSecAttrApplicationTag", "kSecAttrLabel"}

// constText is a constant as written: an identifier, a quoted string, a
// boolean or a number.
func constText(c flow.Const) string {
	if t := c.Text(); t != "" {
		return t
	}
	if c.IsInt {
		return strconv.FormatInt(c.Int, 10)
	}
	return ""
}

// valueOf joins what the facts' dictionaries hold for a key.
func valueOf(facts []*flow.CallFact, name string) Value {
	var v Value
	for _, f := range facts {
		addEntry(&v, f, name)
	}
	return v.sorted()
}

func addEntry(v *Value, f *flow.CallFact, name string) {
	if f.Dict == nil {
		// A dictionary the engine could not follow: every key is unknown;
		// the class says once where the dictionary comes from.
		v.Unknown = true
		if t := argText(f); t != "" && name == "kSecClass" {
			v.From = append(v.From, "the dictionary "+t)
		}
		return
	}
	e, ok := f.Dict.Lookup(name)
	if !ok {
		if f.Dict.Complete {
			v.Absent = true
		} else {
			// Something the engine could not follow (a parameter, a
			// helper) may have added it.
			v.Unknown = true
		}
		return
	}
	if !e.Must {
		v.Absent = true
	}
	for _, c := range e.Values {
		if t := constText(c); t != "" {
			v.Known = append(v.Known, t)
		} else {
			v.Unknown = true
		}
	}
	if e.UnknownValue || len(e.Values) == 0 {
		v.Unknown = true
		if o := origin(e, f); o != "" {
			v.From = append(v.From, o)
		}
	}
}

// origin says where an unknown value comes from: a parameter of the
// calling function, or the expression written.
func origin(e *flow.Entry, f *flow.CallFact) string {
	if fn := f.Func; fn != nil && e.ValueParam >= 0 && e.ValueParam < len(fn.Params) {
		return "parameter " + fn.Params[e.ValueParam].Name + " of " + FuncName(fn)
	}
	return short(e.ValueText)
}

// argText is the text of a call's dictionary argument.
func argText(f *flow.CallFact) string {
	if f.Call == nil || f.Call.Dict == nil {
		return ""
	}
	return short(rulekit.Text(flow.Site{File: f.Site.File, Span: f.Call.Dict.Pos()}))
}

// short puts an expression on one line of at most 60 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:59]) + "…"
}

func (v Value) sorted() Value {
	v.Known = uniq(v.Known)
	v.From = uniq(v.From)
	return v
}

func uniq(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	sort.Strings(ss)
	out := ss[:1]
	for _, s := range ss[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

// attributes returns the identifying attributes of a class that the
// facts' dictionaries may hold (every one of the list when the class is
// not known), in the list's order.
func attributes(facts []*flow.CallFact, class *keychain.Class) []Attribute {
	out := []Attribute{}
	for _, name := range identifying {
		a := Attribute{Key: name, Value: valueOf(facts, name), Identifying: class == nil}
		if class != nil {
			k, ok := keychain.LookupKey(name)
			if !ok {
				continue
			}
			if _, has := class.Attrs[k.Short]; !has {
				continue
			}
			for _, alt := range class.Identifying {
				a.Identifying = a.Identifying || slices.Contains(alt, name)
			}
		}
		if !a.Identifying && len(a.Known) == 0 && !a.Unknown {
			continue
		}
		out = append(out, a)
	}
	return out
}

// keychainOf says which keychain the adds reach on macOS.
func keychainOf(facts []*flow.CallFact) string {
	var mac, dp, file, some bool
	for _, f := range facts {
		if f.Platforms&model.MacOS == 0 {
			continue
		}
		mac = true
		switch macKeychain(f.Dict) {
		case KeychainDP:
			dp = true
		case KeychainFile:
			file = true
		default:
			some = true
		}
	}
	switch {
	case !mac:
		return KeychainNoMac
	case dp && !file && !some:
		return KeychainDP
	case file && !dp && !some:
		return KeychainFile
	}
	return KeychainSome
}

// macKeychain says where the macOS shim sends an add (Security,
// SecItem.cpp, as the filekeychain rule reads it): to the data-protection
// keychain for kSecUseDataProtectionKeychain or kSecAttrSynchronizable
// true, for kSecAttrAccessControl or kSecAttrTokenID, and for the token
// access group; to the file keychain otherwise. KeychainSome when a path,
// a value or a contribution the engine could not follow leaves it open.
func macKeychain(d *flow.DictState) string {
	if d == nil {
		return KeychainSome
	}
	open := !d.Complete
	for _, k := range []string{"kSecUseDataProtectionKeychain", "kSecAttrSynchronizable"} {
		if e, ok := d.Lookup(k); ok {
			if rulekit.KnownTrue(e) {
				return KeychainDP
			}
			open = open || !rulekit.KnownFalse(e)
		}
	}
	for _, k := range []string{"kSecAttrAccessControl", "kSecAttrTokenID"} {
		if e, ok := d.Lookup(k); ok {
			if e.Must {
				return KeychainDP
			}
			open = true
		}
	}
	if e, ok := d.Lookup("kSecAttrAccessGroup"); ok {
		token := false
		for _, v := range e.Values {
			if v.Ident == "kSecAttrAccessGroupToken" {
				token = true
			}
		}
		if token && e.Must && !e.UnknownValue && len(e.Values) == 1 {
			return KeychainDP
		}
		open = open || token || e.UnknownValue
	}
	if open {
		return KeychainSome
	}
	return KeychainFile
}

// The keychains an item may go to on macOS (Item.Keychain).
const (
	KeychainDP    = "data-protection"
	KeychainFile  = "file keychain on macOS"
	KeychainSome  = "data-protection on some paths"
	KeychainNoMac = "data-protection (not built for macOS)"
)
