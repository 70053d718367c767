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
	scope := plat & call.Platforms
	if dep.IOSFamilyOnly {
		scope &= model.IOSFamily
	}
	for _, s := range sites {
		runs := replacementRuns(s, scope, dep)
		if runs == 0 {
			continue
		}
		msg := fmt.Sprintf("%s is deprecated (%s): %s", name, dep.Since, dep.Advice)
		// The advice depends on where the constant is written, not on
		// which call reached it: calls with other platform scopes reach one
		// alias definition, and one constant gets one finding.
		guard := needsAvailabilityCheck(s, replacementRuns(s, siteScope(s, dep), dep), dep)
		if guard != "" {
			msg += guard
		}
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
		if dep.Replacement != "" && guard == "" {
			f.Fixes = []rulekit.Fix{{Message: "Replace with " + dep.Replacement, Edits: []rulekit.Edit{{Site: s, New: dep.Replacement}},
				Safe: sameValue(name, dep.Replacement)}}
		}
		p.Report(f)
	}
}

// siteScope is the platform scope of the file that writes the constant.
func siteScope(s flow.Site, dep *keychain.Deprecation) model.Platform {
	scope := model.AllPlatforms
	if s.File != nil && s.File.Platforms != 0 {
		scope = s.File.Platforms
	}
	if dep.IOSFamilyOnly {
		scope &= model.IOSFamily
	}
	return scope
}

// single platforms, in the order messages name them.
var single = []struct {
	p    model.Platform
	name string
}{{model.IOS, "iOS"}, {model.MacOS, "macOS"}, {model.TVOS, "tvOS"}, {model.WatchOS, "watchOS"}, {model.VisionOS, "visionOS"}, {model.MacCatalyst, "Mac Catalyst"}}

// replacementRuns returns the platforms of scope on which the code at s
// runs where the replacement exists, so that the deprecated constant is a
// choice rather than a necessity. The others are left out:
//   - deprecation warnings switched off around the use (#pragma clang
//     diagnostic ignored "-Wdeprecated-declarations", a declaration marked
//     @available(*, deprecated)): the developer chose the constant;
//   - the fallback branch of an availability check that runs only below
//     the version that introduced the replacement (#available / @available
//     / NSFoundationVersionNumber / __IPHONE_OS_VERSION_MIN_REQUIRED, a
//     weak-symbol check of a constant introduced no later than the
//     replacement), or a fallback of a check whose version is not known
//     (respondsToSelector:): the old constant is what exists there;
//   - platforms the availability check excludes.
func replacementRuns(s flow.Site, scope model.Platform, dep *keychain.Deprecation) model.Platform {
	f := s.File
	if f == nil {
		return scope
	}
	off := s.Span.Start
	if f.DeprecationAllowedAt(off) {
		return 0
	}
	var runs model.Platform
	for _, x := range single {
		if scope&x.p == 0 {
			continue
		}
		b := f.AvailabilityAt(off, x.p)
		if !b.Runs || b.OldUnknown {
			continue
		}
		since, known := dep.ReplacementSince[x.p]
		if dep.ReplacementSince == nil {
			runs |= x.p
			continue
		}
		if b.HasBelow && known && !since.Less(b.Below) {
			continue // runs only before the replacement exists
		}
		if weakFallback(b.Symbols, x.p, since, known) {
			continue
		}
		runs |= x.p
	}
	return runs
}

// weakFallback reports whether code in the fallback of weak-symbol checks
// runs only where the replacement does not exist: a tested symbol
// introduced no later than the replacement is missing there (a symbol the
// facts do not know: a check of some newer API, code for older systems).
func weakFallback(symbols []string, p model.Platform, since model.OSVersion, known bool) bool {
	for _, sym := range symbols {
		vs, ok := keychain.Introduced(sym)
		if !ok {
			return true
		}
		v, ok := vs[p]
		if !ok {
			continue
		}
		if known && !since.Less(v) {
			return true
		}
		if first, ok := firstRelease[p]; ok && !first.Less(v) {
			return true // the symbol exists on every release: the fallback never runs
		}
	}
	return false
}

// firstRelease is the first release of each platform with third-party
// apps that can use the keychain.
var firstRelease = map[model.Platform]model.OSVersion{
	model.IOS: {Major: 2}, model.MacOS: {Major: 10}, model.TVOS: {Major: 9}, model.WatchOS: {Major: 2},
	model.VisionOS: {Major: 1}, model.MacCatalyst: {Major: 13},
}

// needsAvailabilityCheck returns advice for code that also runs on
// versions before the replacement exists, because the project's
// deployment target is older and no availability check guards the code
// (the replacement cannot be used unconditionally); "" when the
// deployment target is not known or recent enough.
func needsAvailabilityCheck(s flow.Site, runs model.Platform, dep *keychain.Deprecation) string {
	f := s.File
	if f == nil || f.Project == nil || dep.ReplacementSince == nil {
		return ""
	}
	var need, have []string
	for _, x := range single {
		if runs&x.p == 0 {
			continue
		}
		since, ok := dep.ReplacementSince[x.p]
		target, tok := f.Project.Deployment[x.p]
		if !ok || !tok {
			continue
		}
		if b := f.AvailabilityAt(s.Span.Start, x.p); b.HasAtLeast && target.Less(b.AtLeast) {
			target = b.AtLeast
		}
		if target.Less(since) {
			need = append(need, x.name+" "+since.String())
			have = append(have, x.name+" "+target.String())
		}
	}
	if len(need) == 0 {
		return ""
	}
	return fmt.Sprintf("; the replacement needs %s and the deployment target lets this code run on earlier versions (from %s): use it under an availability check (if #available / @available) and keep %s in the fallback branch",
		strings.Join(need, ", "), strings.Join(have, ", "), dep.Name)
}

// sameValue reports whether two constants are names of the same runtime
// string (kSecAttrKeyTypeEC and kSecAttrKeyTypeECSECPrimeRandom are both
// "73"): replacing one by the other changes no call, so the fix is safe.
// kSecAttrAccessibleAlways and its replacement are different classes.
func sameValue(a, b string) bool {
	va, oka := keychain.LookupValue(a)
	vb, okb := keychain.LookupValue(b)
	return oka && okb && va.For == vb.For && va.Short != "" && va.Short == vb.Short
}
