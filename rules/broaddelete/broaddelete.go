package broaddelete

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports deletes of a whole item class.
var Analyzer = &analysis.Analyzer{
	Name:     "broaddelete",
	Doc:      rulekit.ExtractDoc(doc, "broaddelete"),
	URL:      rulekit.URL("broaddelete"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpDelete || call.Indirect || call.Dict == nil || !call.Dict.Complete {
			continue
		}
		// A loop over a literal array of classes deletes each in turn.
		classes, ok := call.Dict.Classes()
		if !ok {
			continue
		}
		var nouns []string
		for _, c := range classes {
			nouns = append(nouns, rulekit.ClassNoun(c))
		}
		noun := nouns[len(nouns)-1]
		if len(nouns) > 1 {
			noun = strings.Join(nouns[:len(nouns)-1], ", ") + " and " + noun
		}
		only := true
		for _, e := range call.Dict.Keys() {
			switch name(e) {
			case "kSecClass", "kSecUseDataProtectionKeychain", "kSecAttrSynchronizable":
			default:
				only = false
			}
		}
		if !only {
			continue
		}
		// kSecAttrSynchronizable: true sends a macOS query to the
		// data-protection keychain only, like kSecUseDataProtectionKeychain
		// (secitem-facts.md §1.7, SecItem.cpp:4187-4190).
		dp := isTrue(call.Dict, "kSecUseDataProtectionKeychain") || isTrue(call.Dict, "kSecAttrSynchronizable")
		f := rulekit.Finding{Site: call.NameSite}
		if call.Platforms.Has(model.MacOS) && !dp {
			f.Severity = rulekit.Error
			f.Message = fmt.Sprintf("SecItemDelete with only kSecClass deletes every one of the app's %s, and on macOS, without kSecUseDataProtectionKeychain: true, it also reaches the user's file keychains and can delete other apps' items; add kSecUseDataProtectionKeychain: true and name the items to delete (kSecAttrService, kSecAttrAccount)",
				noun)
			if fix, ok := addDataProtection(call); ok {
				f.Fixes = append(f.Fixes, fix)
			}
		} else {
			f.Severity = rulekit.Warning
			f.Message = fmt.Sprintf("SecItemDelete with only kSecClass deletes every one of the app's %s in every access group it can see; name the items to delete (kSecAttrService, kSecAttrAccount)",
				noun)
		}
		p.Report(f)
	}
	return nil, nil
}

// isTrue reports whether key is true on every path.
func isTrue(d *flow.DictState, key string) bool {
	e, ok := d.Lookup(key)
	return ok && rulekit.KnownTrue(e)
}

func name(e *flow.Entry) string {
	if e.Key != nil {
		return e.Key.Name
	}
	return e.Name
}

// addDataProtection inserts kSecUseDataProtectionKeychain: true after the
// kSecClass entry of a dictionary literal, spelled like that entry's key.
// When the dictionary already holds kSecUseDataProtectionKeychain it
// turns a literal false into true instead, and offers no fix for any
// other value: a second entry for the key would make a Swift dictionary
// literal trap at run time.
func addDataProtection(call *flow.CallFact) (rulekit.Fix, bool) {
	if dp, ok := call.Dict.Lookup("kSecUseDataProtectionKeychain"); ok {
		return setDataProtection(dp)
	}
	e, ok := call.Dict.Lookup("kSecClass")
	if !ok || !keyFirst(e) || len(e.Sites) != 1 {
		return rulekit.Fix{}, false
	}
	keyText := rulekit.Text(e.KeyExpr)
	if !strings.Contains(keyText, "kSecClass") {
		return rulekit.Fix{}, false
	}
	key := strings.Replace(keyText, "kSecClass", "kSecUseDataProtectionKeychain", 1)
	value := "true"
	switch e.Literal.File.Lang {
	case model.ObjC:
		value = "@YES"
	case model.C:
		return rulekit.Fix{}, false
	}
	end := flow.Site{File: e.Literal.File, Span: model.Span{Start: e.Literal.Span.End, End: e.Literal.Span.End}}
	return rulekit.Fix{Message: "Add kSecUseDataProtectionKeychain: true",
		Edits: []rulekit.Edit{{Site: end, New: ", " + key + ": " + value}}}, true
}

// keyFirst reports whether the entry was written as "key: value" in a
// dictionary literal, so that text inserted after it is a new entry. The
// front end also lowers +dictionaryWithObjectsAndKeys: (value, key, …)
// into literal entries whose span is the value alone; those get no fix.
func keyFirst(e *flow.Entry) bool {
	l, k := e.Literal, e.KeyExpr
	return l.File != nil && k.File == l.File && k.Span.Start == l.Span.Start && k.Span.End < l.Span.End
}

// setDataProtection replaces a literal false value of
// kSecUseDataProtectionKeychain, written in a dictionary literal, by true.
func setDataProtection(e *flow.Entry) (rulekit.Fix, bool) {
	c, ok := e.Value()
	// The false must be written in the entry itself, not in a variable
	// the entry reads (changing that would change its other uses).
	if !ok || !e.Must || !keyFirst(e) || len(e.Sites) != 1 || c.Site.File != e.Literal.File ||
		c.Site.Span.Start < e.KeyExpr.Span.End || c.Site.Span.End > e.Literal.Span.End {
		return rulekit.Fix{}, false
	}
	repl := map[string]string{"false": "true", "NO": "YES", "@NO": "@YES", "kCFBooleanFalse": "kCFBooleanTrue"}
	if e.Literal.File.Lang == model.C {
		return rulekit.Fix{}, false
	}
	v, ok := repl[rulekit.Text(c.Site)]
	if !ok {
		return rulekit.Fix{}, false
	}
	return rulekit.Fix{Message: "Set kSecUseDataProtectionKeychain to true",
		Edits: []rulekit.Edit{{Site: c.Site, New: v}}}, true
}
