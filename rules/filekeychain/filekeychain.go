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

// Analyzer reports SecItemAdd calls whose item lands in the macOS file
// keychain without a protection or a sharing the code relies on.
var Analyzer = &analysis.Analyzer{
	Name:     "filekeychain",
	Doc:      rulekit.ExtractDoc(doc, "filekeychain"),
	URL:      rulekit.URL("filekeychain"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// dataProtection is the first macOS with kSecUseDataProtectionKeychain.
var dataProtection = model.OSVersion{Major: 10, Minor: 15}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	f := p.Flow.File
	if f == nil || f.Project == nil || !f.Project.Platforms.Has(model.MacOS) || flow.UsesFileKeychainAPI(f) {
		return nil, nil // no project says macOS, or the file keychain is used on purpose
	}
	dep, ok := f.Project.Deployment[model.MacOS]
	if !ok {
		return nil, nil // the deployment target decides the advice: not known, silent
	}
	for _, call := range p.Flow.Calls {
		// Only an add decides which keychain an item lives in: without
		// kSecUseDataProtectionKeychain a read, update or delete searches
		// both keychains and merges the results (see doc.go).
		if call.Op != model.OpAdd || call.Indirect || call.Dict == nil || !call.Dict.Complete || !call.Platforms.Has(model.MacOS) {
			continue
		}
		if choosesKeychain(call.Dict) {
			continue
		}
		var lost []string
		var keys []string
		if e, v, ok := deviceBound(call.Dict); ok {
			lost = append(lost, accessibleLoss(v))
			keys = append(keys, e.Name)
		}
		if e, g, ok := sharedGroup(call.Dict, f.Project); ok {
			lost = append(lost, fmt.Sprintf("kSecAttrAccessGroup %q is dropped, so the item is not shared with the other targets entitled to that group: only the app that added it is trusted to read it", g))
			keys = append(keys, e.Name)
		}
		if len(lost) == 0 {
			continue
		}
		msg := "on macOS this SecItemAdd, without kSecUseDataProtectionKeychain: true, stores the item in the legacy file keychain, which drops what it does not support: " +
			strings.Join(lost, "; ") + "; " + advice(dep) + "; " + migration
		fd := rulekit.Finding{Severity: rulekit.Error, Site: call.NameSite, Message: msg, Call: call.Site,
			Keys: append([]string{"kSecUseDataProtectionKeychain"}, keys...)}
		if dep.Less(dataProtection) {
			// The key does not exist on every supported macOS: the fix is
			// an #available branch, the author's call.
			fd.Severity = rulekit.Warning
		} else if fix, ok := rulekit.AddDataProtection(call); ok {
			fd.Fixes = []rulekit.Fix{fix} // not safe: another keychain
		}
		p.Report(fd)
	}
	return nil, nil
}

// migration answers "the Mac app has always used the file keychain": a
// query with kSecUseDataProtectionKeychain: true searches only the
// data-protection keychain (SecItem.cpp:4137-4140).
const migration = "items that earlier versions stored in the file keychain stay there, and queries with the key do not see them: migrate once (read without the key, add with it, then delete the old item)"

// choosesKeychain reports whether the dictionary says which keychain it
// wants on macOS: kSecUseDataProtectionKeychain on some path, whatever its
// value (set under if #available, or false on purpose in migration code);
// kSecAttrSynchronizable: true on every path; kSecAttrAccessControl or
// kSecAttrTokenID on some path, or the token access group (the shim
// sends such an add to the data-protection keychain, SecItem.cpp:
// 4176-4185); or a key only the file keychain knows (kSecUseKeychain,
// kSecMatchSearchList, kSecAttrAccess: the file keychain on purpose,
// SecItem.cpp:4215-4233).
func choosesKeychain(d *flow.DictState) bool {
	for _, k := range []string{"kSecUseDataProtectionKeychain", "kSecAttrAccessControl", "kSecAttrTokenID", "kSecUseKeychain", "kSecMatchSearchList", "kSecAttrAccess"} {
		if e, ok := d.Lookup(k); ok && e.Platforms.Has(model.MacOS) {
			return true
		}
	}
	// The token access group sends the call to the data-protection
	// keychain too (SecItem.cpp:4181-4185).
	if e, ok := d.Lookup("kSecAttrAccessGroup"); ok && e.Platforms.Has(model.MacOS) {
		for _, v := range e.Values {
			if v.Ident == "kSecAttrAccessGroupToken" {
				return true
			}
		}
	}
	e, ok := d.Lookup("kSecAttrSynchronizable")
	return ok && e.Platforms.Has(model.MacOS) && rulekit.KnownTrue(e)
}

// deviceBound finds a kSecAttrAccessible whose every value is a
// ThisDeviceOnly class, on macOS: the code means the item never to leave this device (or,
// WhenPasscodeSet, to need a passcode), which the file keychain, without
// that attribute in its schema (SecItem.cpp:4820-4824), does not do.
// WhenUnlocked, AfterFirstUnlock and Always say only when the item may be
// read; the file keychain's own lock follows the login session, and code
// that sets them for iOS loses nothing it relies on: silent.
func deviceBound(d *flow.DictState) (*flow.Entry, string, bool) {
	e, ok := d.Lookup("kSecAttrAccessible")
	if !ok || !e.Platforms.Has(model.MacOS) {
		return nil, "", false
	}
	// The code's own choice on every path: a library that passes on its
	// caller's option (any class) relies on none of them.
	if e.UnknownValue || len(e.Values) == 0 {
		return nil, "", false
	}
	for _, v := range e.Values {
		if !strings.HasPrefix(v.Ident, "kSecAttrAccessible") || !strings.HasSuffix(v.Ident, "ThisDeviceOnly") {
			return nil, "", false
		}
	}
	return e, e.Values[0].Ident, true
}

func accessibleLoss(v string) string {
	s := fmt.Sprintf("kSecAttrAccessible: %s does not bind the item to this Mac (it can move with the login keychain to another Mac: backups, Migration Assistant)", v)
	if strings.Contains(v, "WhenPasscodeSet") {
		s += " and does not require a passcode"
	}
	return s
}

// sharedGroup finds a kSecAttrAccessGroup whose value the entitlements of
// every Xcode target that builds the file grant (keychain-access-groups
// or application groups): the author set up sharing, which the file keychain drops (it has no access
// groups, SecItem.cpp:4823). A group the entitlements do not grant, or
// entitlements that are not known, say nothing about macOS sharing (the
// group may be meant for the iOS app, and with the data-protection key
// the add would fail with errSecMissingEntitlement): silent.
func sharedGroup(d *flow.DictState, info *model.ProjectInfo) (*flow.Entry, string, bool) {
	e, ok := d.Lookup("kSecAttrAccessGroup")
	if !ok || !e.Platforms.Has(model.MacOS) {
		return nil, "", false
	}
	c, ok := e.Value()
	if !ok || !c.IsStr {
		return nil, "", false
	}
	if _, known := info.Entitled(); !known {
		return nil, "", false
	}
	// Every target that builds the file must grant it: the project does not
	// say which of them are the macOS ones, and an iOS target's group says
	// nothing about the Mac.
	for _, t := range info.Targets {
		if !grants(t, c.Str) {
			return nil, "", false
		}
	}
	return e, c.Str, true
}

// grants reports whether one of the target's entitlements files lists the
// group in keychain-access-groups or application groups.
func grants(t *model.TargetFacts, group string) bool {
	for _, ent := range t.Entitlements {
		for _, g := range append(append([]string(nil), ent.KeychainAccessGroups...), ent.AppGroups...) {
			if g != "*" && model.MatchPattern(g, group) {
				return true
			}
		}
	}
	return false
}

// advice depends on the macOS deployment target: the key exists from
// macOS 10.15.
func advice(v model.OSVersion) string {
	if !v.Less(dataProtection) {
		return fmt.Sprintf("add kSecUseDataProtectionKeychain: true to the add and to the queries of this item (the macOS deployment target %d.%d has it)", v.Major, v.Minor)
	}
	return fmt.Sprintf("kSecUseDataProtectionKeychain needs macOS 10.15 and the deployment target is %d.%d: add it under if #available(macOS 10.15, *), or raise the deployment target", v.Major, v.Minor)
}
