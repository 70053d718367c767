package reuseddict

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

// Analyzer reports dictionaries reused across SecItem calls.
var Analyzer = &analysis.Analyzer{
	Name:     "reuseddict",
	Doc:      rulekit.ExtractDoc(doc, "reuseddict"),
	URL:      rulekit.URL("reuseddict"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Indirect || call.Dict == nil {
			continue
		}
		check(p, call)
	}
	return nil, nil
}

// leftover is a key carried over from an earlier call into a later call
// that rejects it.
type leftover struct {
	entry *flow.Entry
	sites []flow.Site // the writes of the key that reach the later call where it hurts
}

func check(p *rulekit.Pass, call *flow.CallFact) {
	// A second call of the same operation is skipped (see below): only
	// the uses by other operations are visited, so that a dictionary
	// deleted n times costs n steps, not n².
	for u := range call.PriorUses.OtherOps(call.Op) {
		if u.Fact == call || u.Snapshot == nil {
			continue // the same call again, in a loop or a retry
		}
		if u.Fact.Op == call.Op {
			// A second call of the same operation with the dictionary the
			// first one had (a retry after a transient status, the next
			// step of a loop) repeats the call: a key it rejects was
			// already wrong in the first call, which the rules about the
			// key report there. Nothing leaks from one operation into
			// another.
			continue
		}
		if rulekit.InsideOneHelperCall(u.Fact, call) {
			// Two calls inside one call of a helper that copies the
			// dictionary it is given: the helper's own analysis decides.
			continue
		}
		left := leftovers(call, u)
		if len(left) == 0 || retried(call, left) {
			continue
		}
		var names []string
		var plat model.Platform
		for _, l := range left {
			names = append(names, l.entry.Name)
			plat |= rulekit.SitesPlatforms(l.entry, call, l.sites)
		}
		msg := fmt.Sprintf("%s receives the dictionary already used by %s on line %d, which still holds %s: %s; build a separate dictionary for each SecItem call (a helper that returns a new base query), so that keys meant for one call do not reach the next",
			callName(call), callName(u.Fact), rulekit.Line(u.Fact.Site), strings.Join(names, ", "), consequence(call, plat))
		f := rulekit.Finding{Severity: rulekit.Warning, Site: call.NameSite, Message: msg, Call: call.Site, Keys: keyNames(left),
			Related: []rulekit.Related{{Site: u.Fact.NameSite, Message: "first used by " + callName(u.Fact) + " here"}}}
		for _, l := range left {
			for _, s := range l.sites {
				f.Related = append(f.Related, rulekit.Related{Site: s, Message: l.entry.Name + " is set here"})
			}
		}
		p.Report(f)
		return
	}
}

// leftovers are the keys the call's dictionary may hold, carried over
// from the earlier use u, that the call rejects or that change what it
// stores:
//
//   - kSecMatch* keys in SecItemUpdate's query or in SecItemDelete: the
//     call fails with errSecParam (-50) on the iOS family (macOS drops
//     them);
//   - kSecReturn* keys whose value may be true in SecItemUpdate's query:
//     errSecParam (-50) on the iOS family (a false one is inert);
//   - kSecMatch* keys in SecItemAdd: securityd on the iOS family does not
//     accept match keys in an add and may return success without storing
//     the item.
//
// Keys the later call ignores are not reported: kSecReturn* in a delete
// (securityd does not look at them), kSecReturn* in an add (with a nil
// result they return nothing; with a result they return the new item),
// kSecValueData in a query (securityd uses the data of an add only).
// Only keys carried over from the earlier call's dictionary count: a key
// the later call's wrapper adds to its own copy is not a leftover.
func leftovers(call *flow.CallFact, u flow.Use) []leftover {
	var out []leftover
	for _, e := range call.Dict.Keys() {
		if e.Key == nil || rulekit.WrittenBy(e, call.Via) {
			continue
		}
		hurts := false
		switch call.Op {
		case model.OpUpdate:
			hurts = e.Key.Kind == keychain.KindMatch || (e.Key.Kind == keychain.KindReturn && mayBeTrue(e))
		case model.OpDelete:
			hurts = e.Key.Kind == keychain.KindMatch
		case model.OpAdd:
			hurts = e.Key.Kind == keychain.KindMatch && !e.Key.MacOSOnly
		}
		if !hurts {
			continue
		}
		var sites []flow.Site
		for _, s := range carried(e, u.Snapshot) {
			for _, t := range rulekit.IOSSites(e, call) {
				if s == t {
					sites = append(sites, s)
				}
			}
		}
		if len(sites) > 0 {
			out = append(out, leftover{entry: e, sites: sites})
		}
	}
	return out
}

// retried reports whether the call repeats an earlier call of the same
// operation that already received every leftover key from the same writes
// (a retry of an update after the read whose query it reuses): that
// earlier call's finding covers this one.
func retried(call *flow.CallFact, left []leftover) bool {
	for u := range call.PriorUses.OfOp(call.Op) {
		if u.Fact == call || u.Fact.Op != call.Op || u.Snapshot == nil {
			continue
		}
		all := true
		for _, l := range left {
			if len(carried(l.entry, u.Snapshot)) < len(l.sites) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// keyNames are the constant names of the leftover keys, the subject of
// the finding.
func keyNames(left []leftover) []string {
	var out []string
	for _, l := range left {
		out = append(out, l.entry.Key.Name)
	}
	return out
}

// mayBeTrue reports whether a kSecReturn* entry may hold true: securityd
// clears the return bit for false, so a false key is inert.
func mayBeTrue(e *flow.Entry) bool {
	if e.UnknownValue || len(e.Values) == 0 {
		return true
	}
	for _, c := range e.Values {
		if c.Bool != -1 && c.Ident != "kCFBooleanFalse" {
			return true
		}
	}
	return false
}

// carried returns the sites of entry e that were already in the earlier
// call's dictionary (the key written at the same place).
func carried(e *flow.Entry, before *flow.DictState) []flow.Site {
	old, ok := before.Lookup(e.Key.Name)
	if !ok {
		return nil
	}
	var out []flow.Site
	for _, t := range e.Sites {
		for _, s := range old.Sites {
			if s == t {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// consequence says what the leftover keys do to the call.
func consequence(call *flow.CallFact, plat model.Platform) string {
	where := "on " + rulekit.IOSPlatforms(plat)
	switch call.Op {
	case model.OpUpdate:
		return fmt.Sprintf("SecItemUpdate takes no kSecMatch* or kSecReturn* keys in its query and fails with %s %s (macOS drops them)", rulekit.Status(keychain.ErrSecParam), where)
	case model.OpDelete:
		return fmt.Sprintf("SecItemDelete takes no kSecMatch* keys and fails with %s %s (macOS drops them)", rulekit.Status(keychain.ErrSecParam), where)
	case model.OpAdd:
		return "securityd does not accept match keys in an add " + where + ", and SecItemAdd may return errSecSuccess without storing the item"
	}
	return ""
}

// callName names the SecItem function of a call fact, and the wrapper it
// was called through.
func callName(f *flow.CallFact) string {
	if f.Via != nil && f.Via.Name != "" {
		return f.Op.Func() + " (through " + f.Via.Name + ")"
	}
	return f.Op.Func()
}
