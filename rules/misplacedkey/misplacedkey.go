package misplacedkey

import (
	_ "embed"
	"fmt"
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

// Analyzer reports keys the SecItem operation rejects or ignores.
var Analyzer = &analysis.Analyzer{
	Name:     "misplacedkey",
	Doc:      rulekit.ExtractDoc(doc, "misplacedkey"),
	URL:      rulekit.URL("misplacedkey"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue
		}
		if call.Op == model.OpUpdate {
			updateAttributes(p, call)
		}
		dictionary(p, call)
		authUISkip(p, call)
	}
	return nil, nil
}

// reused reports whether the key was already in the dictionary when an
// earlier call received it: then it is reuseddict's finding.
func reused(call *flow.CallFact, e *flow.Entry, update bool) bool {
	uses := call.PriorUses
	if update {
		uses = call.PriorUpdateUses
	}
	for u := range uses.All() {
		if u.Fact == call || u.Snapshot == nil {
			continue
		}
		if old, ok := u.Snapshot.Lookup(e.Name); ok {
			for _, s := range old.Sites {
				for _, t := range e.Sites {
					if s == t {
						return true
					}
				}
			}
		}
	}
	return false
}

func report(p *rulekit.Pass, call *flow.CallFact, sites []flow.Site, sev, msg string) {
	for _, s := range sites {
		f := rulekit.Finding{Severity: sev, Site: s, Message: msg}
		if rulekit.InOtherPlace(s, call.Site) {
			f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the dictionary reaches " + call.Op.Func() + " here"})
		}
		p.Report(f)
	}
}

// updateAttributes checks attributesToUpdate: only attributes and
// kSecValueData are accepted.
func updateAttributes(p *rulekit.Pass, call *flow.CallFact) {
	for _, e := range call.Update.Keys() {
		k := e.Key
		if k == nil || reused(call, e, true) {
			continue
		}
		bad := false
		switch k.Kind {
		case keychain.KindClass, keychain.KindMatch, keychain.KindReturn:
			bad = true
		case keychain.KindUse:
			bad = k.Name != "kSecUseDataProtectionKeychain" // securityd ignores "nleg"
		case keychain.KindValue:
			bad = k.Name == "kSecValuePersistentRef"
		}
		if !bad {
			continue
		}
		report(p, call, e.Sites, rulekit.Error, fmt.Sprintf("%s does not belong in the attributes to update: SecItemUpdate fails with %s on every platform; the attributes to update may only hold attributes and kSecValueData (put %s in the query if it selects the item)",
			e.Name, rulekit.Status(keychain.ErrSecNoSuchAttr), e.Name))
	}
}

// dictionary checks the query of an update and the attributes of an add.
func dictionary(p *rulekit.Pass, call *flow.CallFact) {
	if call.Dict == nil {
		return
	}
	var rejected, useless []keySites
	for _, e := range call.Dict.Keys() {
		k := e.Key
		if k == nil || reused(call, e, false) {
			continue
		}
		if k.Kind == keychain.KindReturn && rulekit.KnownFalse(e) {
			continue // inert: securityd clears the return bit
		}
		iosSites := rulekit.IOSSites(e, call)
		ios := len(iosSites) > 0
		switch call.Op {
		case model.OpUpdate:
			if (k.Kind == keychain.KindMatch || k.Kind == keychain.KindReturn) && ios {
				rejected = append(rejected, keySites{e.Name, iosSites})
			}
		case model.OpAdd:
			switch {
			case k.Kind == keychain.KindMatch && ios && !k.MacOSOnly:
				report(p, call, iosSites, rulekit.Error, fmt.Sprintf("%s in the attributes of SecItemAdd: on iOS, tvOS, watchOS, visionOS and Mac Catalyst securityd does not accept match keys in an add, and SecItemAdd may return errSecSuccess without storing the item; remove it", e.Name))
			case k.Name == "kSecValuePersistentRef":
				report(p, call, e.Sites, rulekit.Error, fmt.Sprintf("%s in the attributes of SecItemAdd makes the add fail with %s: a persistent reference names an existing item; add kSecValueData or kSecValueRef instead",
					e.Name, rulekit.Status(keychain.ErrSecParam)))
			case k.Kind == keychain.KindReturn && call.Result == flow.Absent:
				useless = append(useless, keySites{e.Name, e.Sites})
			}
		}
	}
	// One call that fails, or carries useless keys, is one finding however
	// many keys cause it: the first key is reported, the others are
	// related locations.
	if len(rejected) > 0 {
		names, verb := keyList(rejected), "makes"
		if len(rejected) > 1 {
			verb = "make"
		}
		reportKeys(p, call, rejected, rulekit.Error, fmt.Sprintf("%s in the query of SecItemUpdate %s the update fail with %s on iOS, tvOS, watchOS, visionOS and Mac Catalyst (macOS drops it); SecItemUpdate changes every matching item and returns nothing: remove it",
			names, verb, rulekit.Status(keychain.ErrSecParam)))
	}
	if len(useless) > 0 {
		what := returned(useless[0].name)
		if len(useless) > 1 {
			what = "result"
		}
		verb, it := "has", "it"
		if len(useless) > 1 {
			verb, it = "have", "them"
		}
		reportKeys(p, call, useless, rulekit.Warning, fmt.Sprintf("%s in the attributes of SecItemAdd %s no effect because the result argument is nil; remove %s, or pass a result pointer if you need the new item's %s",
			keyList(useless), verb, it, what))
	}
}

// keySites is a key of a call's dictionary and where it is written.
type keySites struct {
	name  string
	sites []flow.Site
}

// keyList names the keys: "kSecReturnData", "kSecReturnData and
// kSecReturnRef", "kSecMatchLimit, kSecReturnData and kSecReturnRef".
func keyList(ks []keySites) string {
	names := make([]string, len(ks))
	for i, k := range ks {
		names[i] = k.name
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// reportKeys reports msg at each site of the first key (in source order)
// with the other keys' sites as related locations.
func reportKeys(p *rulekit.Pass, call *flow.CallFact, ks []keySites, sev, msg string) {
	sort.SliceStable(ks, func(i, j int) bool { return siteLess(firstSite(ks[i].sites), firstSite(ks[j].sites)) })
	var related []rulekit.Related
	for _, k := range ks[1:] {
		for _, s := range k.sites {
			related = append(related, rulekit.Related{Site: s, Message: k.name + " is set here"})
		}
	}
	for _, s := range ks[0].sites {
		f := rulekit.Finding{Severity: sev, Site: s, Message: msg, Related: related}
		if rulekit.InOtherPlace(s, call.Site) {
			f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the dictionary reaches " + call.Op.Func() + " here"})
		}
		p.Report(f)
	}
}

func firstSite(sites []flow.Site) flow.Site {
	best := sites[0]
	for _, s := range sites[1:] {
		if siteLess(s, best) {
			best = s
		}
	}
	return best
}

func returned(name string) string {
	switch name {
	case "kSecReturnData":
		return "data"
	case "kSecReturnAttributes":
		return "attributes"
	case "kSecReturnRef":
		return "reference"
	case "kSecReturnPersistentRef":
		return "persistent reference"
	}
	return "result"
}

// authUISkip reports kSecUseAuthenticationUISkip outside
// SecItemCopyMatching.
func authUISkip(p *rulekit.Pass, call *flow.CallFact) {
	if call.Op == model.OpRead {
		return
	}
	for _, d := range []*flow.DictState{call.Dict} { // in attributesToUpdate every kSecUse* key is reported already
		e, ok := d.Lookup("kSecUseAuthenticationUI")
		if !ok {
			continue
		}
		for _, v := range e.Values {
			if v.Ident == "kSecUseAuthenticationUISkip" || (v.IsStr && v.Str == "u_AuthUIS") {
				report(p, call, []flow.Site{v.Site}, rulekit.Error, fmt.Sprintf("kSecUseAuthenticationUISkip is allowed only in SecItemCopyMatching: %s fails with %s; remove kSecUseAuthenticationUI from this dictionary",
					call.Op.Func(), rulekit.Status(keychain.ErrSecParam)))
			}
		}
	}
}

// siteLess orders sites by file path, then offset.
func siteLess(a, b flow.Site) bool {
	pa, pb := "", ""
	if a.File != nil {
		pa = a.File.Path
	}
	if b.File != nil {
		pb = b.File.Path
	}
	if pa != pb {
		return pa < pb
	}
	return a.Span.Start < b.Span.Start
}
