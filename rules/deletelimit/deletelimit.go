package deletelimit

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

// Analyzer reports kSecMatch* keys in deletes and deletes that match more
// than one item differently across keychains.
var Analyzer = &analysis.Analyzer{
	Name:     "deletelimit",
	Doc:      rulekit.ExtractDoc(doc, "deletelimit"),
	URL:      rulekit.URL("deletelimit"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// scopeKeys do not narrow which items a delete matches.
var scopeKeys = map[string]bool{"kSecClass": true, "kSecUseDataProtectionKeychain": true, "kSecAttrSynchronizable": true}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpDelete || call.Dict == nil {
			continue
		}
		if call.Indirect {
			// A helper's own delete, reached through a call that fixes some
			// of its arguments (deleteAll → performDelete(clearKey: true)):
			// its query may name no item for this call alone.
			if call.Narrowed && call.Origin.File != nil {
				partialQuery(p, call)
			}
			continue
		}
		matchKeys(p, call)
		partialQuery(p, call)
	}
	return nil, nil
}

// matchKeys reports kSecMatch* keys of a delete that can run on iOS.
func matchKeys(p *rulekit.Pass, call *flow.CallFact) {
	for _, e := range call.Dict.Keys() {
		if e.Key == nil || e.Key.Kind != keychain.KindMatch {
			continue
		}
		sites := rulekit.IOSSites(e, call)
		if len(sites) == 0 {
			continue
		}
		msg := fmt.Sprintf("%s in a SecItemDelete query makes the delete fail with %s on %s (SecItemDelete takes no kSecMatch* keys there and deletes every match); remove it, or put it under #if os(macOS) if the macOS file keychain needs it",
			e.Name, rulekit.Status(keychain.ErrSecParam), rulekit.IOSPlatforms(rulekit.SitesPlatforms(e, call, sites)))
		for _, s := range sites {
			f := rulekit.Finding{Severity: rulekit.Error, Site: s, Message: msg, Call: call.Site, Keys: []string{e.Key.Name}}
			if rulekit.InOtherPlace(s, call.Site) {
				f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the query reaches SecItemDelete here"})
			}
			p.Report(f)
		}
	}
}

// partialQuery reports a complete delete query that does not name one
// item and has no match limit.
func partialQuery(p *rulekit.Pass, call *flow.CallFact) {
	d := call.Dict
	if !d.Complete || !reachesFileKeychain(call) {
		return
	}
	class, ok := d.Class()
	if !ok {
		return
	}
	narrowing := false
	for _, e := range d.Keys() {
		if e.Key != nil && e.Key.Kind == keychain.KindMatch && e.Key.Name == "kSecMatchLimit" {
			return // a limit on some path: the author thought about it
		}
		if !scopeKeys[keyName(e)] {
			narrowing = true
		}
	}
	if !narrowing {
		return // only the class: broaddelete
	}
	// An identifying attribute that is set on some path (from an optional
	// parameter, a branch) may name the item: only attributes absent on
	// every path count as missing. When in doubt, stay silent.
	for _, name := range keychain.IdentifyingAnyClass {
		if _, ok := d.Lookup(name); ok {
			return
		}
	}
	var best []string
	for _, alt := range class.Identifying {
		var missing []string
		for _, name := range alt {
			if _, ok := d.Lookup(name); !ok {
				missing = append(missing, name)
			}
		}
		if len(missing) == 0 {
			return
		}
		if best == nil || len(missing) < len(best) {
			best = missing
		}
	}
	if best == nil {
		return
	}
	msg := fmt.Sprintf("this SecItemDelete query for %s does not name one item (no %s) and has no kSecMatchLimit: it deletes every matching item on iOS and the data-protection keychain but only the first on the macOS file keychain; add %s to delete one item, or, to delete every match everywhere, add kSecUseDataProtectionKeychain: true (or kSecMatchLimitAll under #if os(macOS))",
		rulekit.ClassNoun(class), strings.Join(best, " or "), strings.Join(best, " and "))
	if call.Indirect {
		// Reported at the helper's SecItemDelete, with the call that
		// leaves the attributes out.
		p.Report(rulekit.Finding{Severity: rulekit.Warning, Site: call.Origin, Message: msg,
			Related: []rulekit.Related{{Site: call.NameSite, Message: fmt.Sprintf("through this call of %s the query never has %s", call.Callee.Name, strings.Join(best, " or "))}}})
		return
	}
	p.Report(rulekit.Finding{Severity: rulekit.Warning, Site: call.NameSite, Message: msg})
}

// reachesFileKeychain reports whether a delete can run against the macOS
// file keychain, where it removes only the first match: its scope includes
// macOS and the query does not certainly target the data-protection
// keychain (kSecUseDataProtectionKeychain or kSecAttrSynchronizable true
// on every path). Elsewhere every match is deleted, on every platform
// alike, and there is nothing to reconcile.
func reachesFileKeychain(call *flow.CallFact) bool {
	if !call.Platforms.Has(model.MacOS) {
		return false
	}
	for _, name := range []string{"kSecUseDataProtectionKeychain", "kSecAttrSynchronizable"} {
		if e, ok := call.Dict.Lookup(name); ok && e.Platforms.Has(model.MacOS) && rulekit.KnownTrue(e) {
			return false
		}
	}
	return true
}

func keyName(e *flow.Entry) string {
	if e.Key != nil {
		return e.Key.Name
	}
	return e.Name
}
