package accessgroup

import (
	_ "embed"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports access groups the targets are not entitled to.
var Analyzer = &analysis.Analyzer{
	Name:     "accessgroup",
	Doc:      rulekit.ExtractDoc(doc, "accessgroup"),
	URL:      rulekit.URL("accessgroup"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Indirect || call.Dict == nil || !groupApplies(call) {
			continue
		}
		e, ok := call.Dict.Lookup("kSecAttrAccessGroup")
		if !ok {
			continue
		}
		for _, v := range e.Values {
			if !v.IsStr || v.Site.File == nil {
				continue
			}
			// The code that writes the value runs in the targets that
			// build its file.
			info := v.Site.File.Project
			groups, known := info.Entitled()
			if !known || matchesAny(groups, v.Str) {
				continue
			}
			p.Report(rulekit.Finding{
				Severity: rulekit.Error,
				Site:     v.Site,
				Message:  message(call, v.Str, info),
				Call:     call.Site,
				Keys:     []string{"kSecAttrAccessGroup"},
			})
		}
	}
	return nil, nil
}

// groupApplies reports whether the call can run where the access group
// counts: an iOS-family platform, or macOS on the data-protection
// keychain. The macOS file keychain ignores kSecAttrAccessGroup.
func groupApplies(call *flow.CallFact) bool {
	if call.Platforms&^model.MacOS != 0 {
		return true
	}
	for _, name := range []string{"kSecUseDataProtectionKeychain", "kSecAttrSynchronizable"} {
		if e, ok := call.Dict.Lookup(name); ok && rulekit.KnownTrue(e) {
			return true
		}
	}
	return false
}

func matchesAny(groups []string, g string) bool {
	for _, p := range groups {
		if model.MatchPattern(p, g) {
			return true
		}
	}
	return false
}

// shortTarget is "App.xcodeproj:App" for "path/to/App.xcodeproj:App".
func shortTarget(module string) string {
	proj, name, ok := strings.Cut(module, ":")
	if !ok {
		return module
	}
	return filepath.Base(proj) + ":" + name
}

func message(call *flow.CallFact, group string, info *model.ProjectInfo) string {
	var files, granted []string
	seen := map[string]bool{}
	var targets []string
	for _, t := range info.Targets {
		targets = append(targets, shortTarget(t.Target))
		for _, e := range t.Entitlements {
			// Base names: the message must not depend on the directory
			// the scan runs from.
			where := filepath.Base(e.Path)
			if e.Line > 0 {
				where = fmt.Sprintf("%s:%d", where, e.Line)
			}
			if !seen[where] {
				seen[where] = true
				files = append(files, where)
			}
			for _, g := range append(append([]string(nil), e.KeychainAccessGroups...), e.AppGroups...) {
				if !seen["g:"+g] {
					seen["g:"+g] = true
					granted = append(granted, g)
				}
			}
		}
	}
	sort.Strings(files)
	grants := "no access group beyond the application identifier"
	if len(granted) > 0 {
		grants = strings.Join(granted, ", ")
		if strings.Contains(grants, "*") {
			grants += ", * standing for $(AppIdentifierPrefix) or another setting the signing supplies"
		}
	}
	return fmt.Sprintf("access group %q is not in the entitlements of %s (%s grant %s): %s fails with %s; use a granted group, or add %q to the keychain-access-groups of every target that runs this code",
		group, strings.Join(targets, ", "), strings.Join(files, ", "), grants, call.Op.Func(), rulekit.Status(keychain.ErrSecMissingEntitlement), group)
}
