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
			if fix, ok := rulekit.AddDataProtection(call); ok {
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
