package filekeychain

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

// Analyzer reports SecItem calls that go to the macOS file keychain.
//
// It is not yet listed in rules/all: its findings on the real corpus
// (docs/real-world.md, section "issue 12") are not all labelled.
var Analyzer = &analysis.Analyzer{
	Name:     "filekeychain",
	Doc:      rulekit.ExtractDoc(doc, "filekeychain"),
	URL:      rulekit.URL("filekeychain"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// ignoredKeys are the keys the file keychain silently ignores.
var ignoredKeys = []string{"kSecAttrAccessGroup", "kSecAttrAccessible", "kSecAttrAccessControl", "kSecAttrSyncViewHint"}

// dataProtection is the first macOS with kSecUseDataProtectionKeychain.
var dataProtection = model.OSVersion{Major: 10, Minor: 15}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	f := p.Flow.File
	if f == nil || f.Project == nil || !f.Project.Platforms.Has(model.MacOS) || flow.UsesFileKeychainAPI(f) {
		return nil, nil // no project says macOS: when in doubt, silent
	}
	dep, ok := f.Project.Deployment[model.MacOS]
	if !ok {
		return nil, nil // the deployment target decides the advice: not known, silent
	}
	for _, call := range p.Flow.Calls {
		if call.Indirect || call.Dict == nil || !call.Dict.Complete || !call.Platforms.Has(model.MacOS) {
			continue
		}
		if choosesKeychain(call.Dict) {
			continue
		}
		var ignored []string
		for _, k := range ignoredKeys {
			if e, ok := call.Dict.Lookup(k); ok && e.Platforms.Has(model.MacOS) {
				ignored = append(ignored, k)
			}
		}
		sev := rulekit.Warning
		msg := fmt.Sprintf("on macOS this %s goes to the legacy file keychain (no kSecUseDataProtectionKeychain: true): it ignores unsupported attributes, deletes only the first match, returns errSecItemNotFound for a locked keychain and may prompt the user", call.Op.Func())
		if len(ignored) > 0 {
			sev = rulekit.Error
			msg += fmt.Sprintf("; %s silently %s nothing there", strings.Join(ignored, ", "), verb(len(ignored)))
		}
		msg += "; " + advice(dep)
		if dep.Less(dataProtection) {
			// The fix is not available on every supported macOS: the
			// file keychain may be the author's choice there.
			sev = rulekit.Note
		}
		p.Report(rulekit.Finding{Severity: sev, Site: call.NameSite, Message: msg, Call: call.Site, Keys: append([]string{"kSecUseDataProtectionKeychain"}, ignored...)})
	}
	return nil, nil
}

func verb(n int) string {
	if n == 1 {
		return "does"
	}
	return "do"
}

// choosesKeychain reports whether the dictionary says which keychain it
// wants on macOS: kSecUseDataProtectionKeychain on some path, whatever its
// value (set under if #available, or false on purpose in migration code),
// or kSecAttrSynchronizable: true on every path.
func choosesKeychain(d *flow.DictState) bool {
	if e, ok := d.Lookup("kSecUseDataProtectionKeychain"); ok && e.Platforms.Has(model.MacOS) {
		return true
	}
	e, ok := d.Lookup("kSecAttrSynchronizable")
	return ok && e.Platforms.Has(model.MacOS) && rulekit.KnownTrue(e)
}

// advice depends on the macOS deployment target: the key exists from
// macOS 10.15.
func advice(v model.OSVersion) string {
	if !v.Less(dataProtection) {
		return fmt.Sprintf("add kSecUseDataProtectionKeychain: true (the macOS deployment target %d.%d has it)", v.Major, v.Minor)
	}
	return fmt.Sprintf("kSecUseDataProtectionKeychain needs macOS 10.15 and the deployment target is %d.%d: add it under if #available(macOS 10.15, *), or raise the deployment target", v.Major, v.Minor)
}
