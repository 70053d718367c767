package rulekit

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The fixes that send a macOS call to the data-protection keychain
// (broaddelete, filekeychain) share these helpers.

// AddDataProtection inserts kSecUseDataProtectionKeychain: true after the
// kSecClass entry of a dictionary literal, spelled like that entry's key.
// When the dictionary already holds kSecUseDataProtectionKeychain it
// turns a literal false into true instead, and offers no fix for any
// other value: a second entry for the key would make a Swift dictionary
// literal trap at run time.
func AddDataProtection(call *flow.CallFact) (Fix, bool) {
	if dp, ok := call.Dict.Lookup("kSecUseDataProtectionKeychain"); ok {
		return SetDataProtection(dp)
	}
	e, ok := call.Dict.Lookup("kSecClass")
	if !ok || !KeyFirst(e) || len(e.Sites) != 1 {
		return Fix{}, false
	}
	keyText := Text(e.KeyExpr)
	if !strings.Contains(keyText, "kSecClass") {
		return Fix{}, false
	}
	key := strings.Replace(keyText, "kSecClass", "kSecUseDataProtectionKeychain", 1)
	value := "true"
	switch e.Literal.File.Lang {
	case model.ObjC:
		value = "@YES"
	case model.C:
		return Fix{}, false
	}
	end := flow.Site{File: e.Literal.File, Span: model.Span{Start: e.Literal.Span.End, End: e.Literal.Span.End}}
	return Fix{Message: "Add kSecUseDataProtectionKeychain: true",
		Edits: []Edit{{Site: end, New: ", " + key + ": " + value}}}, true
}

// KeyFirst reports whether the entry was written as "key: value" in a
// dictionary literal, so that text inserted after it is a new entry. The
// front end also lowers +dictionaryWithObjectsAndKeys: (value, key, …)
// into literal entries whose span is the value alone; those get no fix.
func KeyFirst(e *flow.Entry) bool {
	l, k := e.Literal, e.KeyExpr
	return l.File != nil && k.File == l.File && k.Span.Start == l.Span.Start && k.Span.End < l.Span.End
}

// SetDataProtection replaces a literal false value of
// kSecUseDataProtectionKeychain, written in a dictionary literal, by true.
func SetDataProtection(e *flow.Entry) (Fix, bool) {
	c, ok := e.Value()
	// The false must be written in the entry itself, not in a variable
	// the entry reads (changing that would change its other uses).
	if !ok || !e.Must || !KeyFirst(e) || len(e.Sites) != 1 || c.Site.File != e.Literal.File ||
		c.Site.Span.Start < e.KeyExpr.Span.End || c.Site.Span.End > e.Literal.Span.End {
		return Fix{}, false
	}
	repl := map[string]string{"false": "true", "NO": "YES", "@NO": "@YES", "kCFBooleanFalse": "kCFBooleanTrue"}
	if e.Literal.File.Lang == model.C {
		return Fix{}, false
	}
	v, ok := repl[Text(c.Site)]
	if !ok {
		return Fix{}, false
	}
	return Fix{Message: "Set kSecUseDataProtectionKeychain to true",
		Edits: []Edit{{Site: c.Site, New: v}}}, true
}
