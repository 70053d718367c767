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

func check(p *rulekit.Pass, call *flow.CallFact) {
	for _, u := range call.PriorUses {
		if u.Fact == call {
			continue // the same call again, in a loop
		}
		if rulekit.InsideOneHelperCall(u.Fact, call) {
			// Two calls inside one call of a helper that copies the
			// dictionary it is given: the helper's own analysis decides.
			continue
		}
		changes := call.WritesAfter(u)
		leaked, kinds := leakedKeys(call, u)
		if len(changes) == 0 && len(leaked) == 0 {
			continue
		}
		var why []string
		if len(changes) > 0 {
			why = append(why, "changed since ("+describe(call.Dict, changes)+")")
		}
		if len(leaked) > 0 {
			why = append(why, "still holds "+strings.Join(leaked, ", ")+consequence(call.Op, kinds))
		}
		msg := fmt.Sprintf("%s receives the dictionary already used by %s on line %d, %s: build a fresh dictionary for each SecItem call (a helper that returns a new one)",
			callName(call), callName(u.Fact), rulekit.Line(u.Fact.Site), strings.Join(why, ", and "))
		f := rulekit.Finding{Severity: rulekit.Warning, Site: call.NameSite, Message: msg,
			Related: []rulekit.Related{{Site: u.Fact.NameSite, Message: "first used by " + callName(u.Fact) + " here"}}}
		for _, w := range changes {
			f.Related = append(f.Related, rulekit.Related{Site: w.Site, Message: "changed here"})
		}
		p.Report(f)
		return
	}
}

// leakedKeys are the keys the call's dictionary may hold that its
// operation rejects or ignores, and the kinds of key among them
// (keychain.KindReturn, keychain.KindMatch, keychain.KindValue).
// Only keys carried over from the earlier call's dictionary count: a key
// the later call's wrapper adds to its own copy is not a leftover.
func leakedKeys(call *flow.CallFact, u flow.Use) ([]string, map[keychain.KeyKind]bool) {
	var out []string
	kinds := map[keychain.KeyKind]bool{}
	for _, e := range call.Dict.Keys() {
		if e.Key == nil || !carried(e, u.Snapshot) || rulekit.WrittenBy(e, call.Via) {
			continue
		}
		switch call.Op {
		case model.OpAdd, model.OpUpdate, model.OpDelete:
			if e.Key.Kind == keychain.KindReturn || e.Key.Kind == keychain.KindMatch {
				out = append(out, e.Name)
				kinds[e.Key.Kind] = true
			}
		case model.OpRead:
			if e.Key.Name == "kSecValueData" {
				out = append(out, e.Name)
				kinds[e.Key.Kind] = true
			}
		}
	}
	return out, kinds
}

// carried reports whether entry e was already in the earlier call's
// dictionary (written at the same place).
func carried(e *flow.Entry, before *flow.DictState) bool {
	old, ok := before.Lookup(e.Key.Name)
	if !ok {
		return false
	}
	for _, s := range old.Sites {
		for _, t := range e.Sites {
			if s == t {
				return true
			}
		}
	}
	return false
}

// consequence says what the leaked keys do to the call. SecItemUpdate
// rejects kSecReturn* and kSecMatch* keys in its query; SecItemDelete
// rejects kSecMatch* keys but ignores kSecReturn* keys; SecItemAdd with
// a NULL result ignores kSecReturn* keys.
func consequence(op model.Op, kinds map[keychain.KeyKind]bool) string {
	switch op {
	case model.OpUpdate:
		return fmt.Sprintf(" (%s fails with %s on iOS)", op.Func(), rulekit.Status(keychain.ErrSecParam))
	case model.OpDelete:
		if kinds[keychain.KindMatch] {
			return fmt.Sprintf(" (%s fails with %s on iOS)", op.Func(), rulekit.Status(keychain.ErrSecParam))
		}
		return " (ignored by " + op.Func() + ")"
	case model.OpRead:
		return " (the read then filters on the item's data)"
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

// describe lists the changes: the keys written, "X removed" for a key the
// call's dictionary no longer holds.
func describe(dict *flow.DictState, ws []flow.Write) string {
	var names []string
	seen := map[string]bool{}
	for _, w := range ws {
		n := w.Name
		if n == "" {
			n = "entries merged or removed"
		} else if _, ok := dict.Lookup(w.Name); !ok {
			n += " removed"
		}
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
