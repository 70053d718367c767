package deprecatedkey

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports deprecated keychain constants.
var Analyzer = &analysis.Analyzer{
	Name:     "deprecatedkey",
	Doc:      rulekit.ExtractDoc(doc, "deprecatedkey"),
	URL:      rulekit.URL("deprecatedkey"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// reported are the deprecated constants this rule reports (the reference
// also lists documentation-only deprecations such as kSecAttrKeyTypeEC,
// which the compiler does not warn about; they are left out).
var reported = map[string]bool{
	"kSecAttrAccessibleAlways": true, "kSecAttrAccessibleAlwaysThisDeviceOnly": true, "kSecUseOperationPrompt": true,
	"kSecUseNoAuthenticationUI": true, "kSecUseAuthenticationUIAllow": true, "kSecUseAuthenticationUIFail": true,
	"kSecUseItemList": true,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue
		}
		for _, d := range []*flow.DictState{call.Dict, call.Update} {
			for _, e := range d.Keys() {
				if e.Key != nil {
					sites := e.Sites
					if dep, ok := keychain.LookupDeprecated(e.Key.Name); ok && dep.IOSFamilyOnly {
						sites = rulekit.IOSSites(e, call)
					}
					check(p, call, e.Key.Name, e.Name, sites, e.Platforms)
				}
				for _, v := range e.Values {
					if v.Ident != "" {
						check(p, call, v.Ident, v.Ident, []flow.Site{v.Site}, e.Platforms)
					}
				}
			}
		}
	}
	return nil, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')) {
			return false
		}
	}
	return true
}

func check(p *rulekit.Pass, call *flow.CallFact, name, written string, sites []flow.Site, plat model.Platform) {
	if !reported[name] || written != name {
		return
	}
	dep, ok := keychain.LookupDeprecated(name)
	if !ok {
		return
	}
	if dep.IOSFamilyOnly && !rulekit.PlatformScopeIOS(plat, call.Platforms) {
		return
	}
	msg := fmt.Sprintf("%s is deprecated (%s): %s", name, dep.Since, dep.Advice)
	for _, s := range sites {
		text := rulekit.Text(s)
		f := rulekit.Finding{Severity: rulekit.Warning, Site: s, Message: msg}
		if text != name {
			// The constant reached the dictionary through an alias
			// (`let UseNoAuthenticationUI = String(kSecUseNoAuthenticationUI)`):
			// report the alias, without a fix. The constant is matched by
			// identity, never by a part of its name.
			if !isIdentifier(text) {
				continue
			}
			f.Message = fmt.Sprintf("%s (%s) %s", text, name, strings.TrimPrefix(msg, name+" "))
			p.Report(f)
			continue
		}
		if dep.Replacement != "" {
			f.Fixes = []rulekit.Fix{{Message: "Replace with " + dep.Replacement, Edits: []rulekit.Edit{{Site: s, New: dep.Replacement}}}}
		}
		p.Report(f)
	}
}
