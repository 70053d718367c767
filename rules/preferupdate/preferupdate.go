package preferupdate

import (
	_ "embed"
	"fmt"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports delete-then-add saves.
var Analyzer = &analysis.Analyzer{
	Name:     "preferupdate",
	Doc:      rulekit.ExtractDoc(doc, "preferupdate"),
	URL:      rulekit.URL("preferupdate"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	reported := map[*flow.CallFact]bool{}
	for _, add := range p.Flow.Calls {
		if add.Op != model.OpAdd || add.Dict == nil {
			continue
		}
		class, ok := add.Dict.Class()
		if !ok {
			continue
		}
		if deletesItselfFirst(add, class) {
			// The add is made by a helper that deletes the same item
			// itself right before it: that pair is the helper's finding,
			// reported inside it, and an earlier delete here loses nothing
			// the helper would not delete anyway.
			continue
		}
		var dels []*flow.CallFact
		for prev := range add.Earlier {
			if prev.Op == model.OpDelete && !reported[prev] && !rulekit.InsideOneHelperCall(prev, add) && rulekit.DirectCall(prev) &&
				rulekit.SameItem(prev.Dict, add.Dict, class, add.Func) {
				dels = append(dels, prev)
			}
		}
		sort.Slice(dels, func(i, j int) bool { return dels[i].Site.Span.Start < dels[j].Site.Span.Start })
		for _, del := range dels {
			reported[del] = true
			what := "SecItemDelete"
			if del.Via != nil {
				what = rulekit.CalledAt(del) + " (which calls SecItemDelete)"
			}
			addWhat := "SecItemAdd"
			if add.Via != nil {
				addWhat = rulekit.CalledAt(add) + " (which calls SecItemAdd)"
			}
			msg := fmt.Sprintf("%s followed by %s of the same %s on line %d: until the add succeeds the item does not exist, and if the add fails (for example %s while the device is locked) the old value is lost; use SecItemUpdate, and SecItemAdd only when it returns errSecItemNotFound",
				what, addWhat, rulekit.ClassSingular(class), rulekit.Line(add.Site), rulekit.Status(-25308))
			p.Report(rulekit.Finding{Severity: rulekit.Warning, Site: del.NameSite, Message: msg, Call: del.Site,
				Related: []rulekit.Related{{Site: add.NameSite, Message: "the item is added again here"}}})
		}
	}
	return nil, nil
}

// deletesItselfFirst reports whether add is made inside a helper call that
// also deletes the same item before it adds, on the add's path. Whether
// the helper call makes that delete on every path does not matter: where
// it makes the add, it deleted first.
func deletesItselfFirst(add *flow.CallFact, class *keychain.Class) bool {
	if add.Via == nil {
		return false
	}
	for prev := range add.Earlier {
		if prev.Op == model.OpDelete && rulekit.InsideOneHelperCall(prev, add) &&
			rulekit.SameItem(prev.Dict, add.Dict, class, add.Func) {
			return true
		}
	}
	return false
}
