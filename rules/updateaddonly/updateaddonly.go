package updateaddonly

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports protection changes in SecItemUpdate's attributesToUpdate
// that do not take effect.
var Analyzer = &analysis.Analyzer{
	Name:     "updateaddonly",
	Doc:      rulekit.ExtractDoc(doc, "updateaddonly"),
	URL:      rulekit.URL("updateaddonly"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// protection are the keys that set an item's protection class. The
// data-protection keychain re-protects the item when they are updated
// (securityd SecItemDb.c:1363-1364, SecDbQuery.c:397-407; regression test
// secd-81-item-acl.m:319-353), so they are reported only where the update
// cannot take effect.
var protection = map[string]bool{"kSecAttrAccessControl": true, "kSecAttrAccessible": true}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpUpdate || call.Update == nil || call.Indirect {
			continue
		}
		token := onToken(call)
		fileOnly := protectionOnly(call.Update)
		for _, e := range call.Update.Keys() {
			if e.Key == nil {
				continue
			}
			var sev, msg string
			sites := e.Sites
			switch name := e.Key.Name; {
			case name == "kSecAttrTokenID":
				sev = rulekit.Error
				msg = fmt.Sprintf("%s cannot be changed after the item is created: remove it from the attributes to update; to put an item on a token or take it off, create a new item with (or without) %s and delete the old one", e.Name, e.Name)
			case name == "kSecAttrAccessControl" && token:
				// SecItem.m SecTokenCopyUpdatedObjectID: an existing token
				// object is looked up by its object ID, keeps its own
				// access control, and kSecAttrAccessControl is removed
				// from the attributes written to the database.
				sev = rulekit.Error
				msg = fmt.Sprintf("%s cannot change the access control of a key on a token (the query names kSecAttrTokenID, e.g. a Secure Enclave key): the token keeps the access control the key was created with and SecItemUpdate drops the new one without an error; to protect the key differently, generate a new key with that access control", e.Name)
			case protection[name] && fileOnly:
				sites = fileKeychainSites(e, call)
				sev = rulekit.Note
				msg = fmt.Sprintf("%s is skipped for items in the macOS file keychain, which this update can reach (its query has no kSecUseDataProtectionKeychain: true): the file keychain has no protection classes, so there this update changes nothing; on iOS and in the data-protection keychain it re-protects the item", e.Name)
			default:
				continue
			}
			for _, s := range sites {
				f := rulekit.Finding{Severity: sev, Site: s, Message: msg}
				if rulekit.InOtherPlace(s, call.Site) {
					f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the attributes reach SecItemUpdate here"})
				}
				p.Report(f)
			}
		}
	}
	return nil, nil
}

// onToken reports whether the update's query may name a token item
// (kSecAttrTokenID, such as kSecAttrTokenIDSecureEnclave).
func onToken(call *flow.CallFact) bool {
	_, ok := call.Dict.Lookup("kSecAttrTokenID")
	return ok
}

// protectionOnly reports whether the attributes to update are known to
// change nothing but the protection (kSecUseDataProtectionKeychain in
// attributesToUpdate is ignored, SecItemDb.c:80-83).
func protectionOnly(u *flow.DictState) bool {
	if !u.Complete {
		return false
	}
	n := 0
	for _, e := range u.Keys() {
		switch {
		case e.Key != nil && protection[e.Key.Name]:
			n++
		case e.Key != nil && e.Key.Name == "kSecUseDataProtectionKeychain":
		default:
			return false
		}
	}
	return n > 0
}

// fileKeychainSites returns the sites of a protection key whose write
// reaches the update on macOS, when the update can reach the macOS file
// keychain: the macOS shim sends the query there unless it sets
// kSecUseDataProtectionKeychain or kSecAttrSynchronizable to true, or
// holds kSecAttrAccessControl or kSecAttrTokenID (SecItem.cpp:4095-4190),
// and the file keychain converts attributesToUpdate through per-class
// tables that have no accessibility or access control
// (_UpdateKeychainItem, _ConvertNewFormatToOldFormat, SecItem.cpp:343-357,
// 538-620, 2418-2521).
func fileKeychainSites(e *flow.Entry, call *flow.CallFact) []flow.Site {
	if !call.Platforms.Has(model.MacOS) {
		return nil
	}
	// A key that may send the query to the data-protection keychain on
	// macOS (written under #if os(macOS), or on some paths) is enough to
	// stay silent: in doubt, no note.
	for _, name := range []string{"kSecAttrAccessControl", "kSecAttrTokenID"} {
		if q, ok := call.Dict.Lookup(name); ok && q.Platforms.Has(model.MacOS) {
			return nil
		}
	}
	for _, name := range []string{"kSecUseDataProtectionKeychain", "kSecAttrSynchronizable"} {
		if q, ok := call.Dict.Lookup(name); ok && q.Platforms.Has(model.MacOS) {
			if c, ok := q.Value(); ok && (c.Bool == 1 || c.Ident == "kCFBooleanTrue") {
				return nil
			}
		}
	}
	var out []flow.Site
	for i, s := range e.Sites {
		if e.SitePlatform(i)&call.Platforms&model.MacOS != 0 {
			out = append(out, s)
		}
	}
	return out
}
