package valuefilter

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

// Analyzer reports kSecValueData in the query of a read, delete or update.
var Analyzer = &analysis.Analyzer{
	Name:     "valuefilter",
	Doc:      rulekit.ExtractDoc(doc, "valuefilter"),
	URL:      rulekit.URL("valuefilter"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// consequence says, per operation, what the call does with a
// kSecValueData that selects nothing, and what to do instead.
var consequence = map[model.Op]string{
	model.OpRead:   "this read finds the item whatever secret it stores and cannot check one; read the data with kSecReturnData and compare it",
	model.OpDelete: "this delete removes every item the other attributes match, whatever secret it stores; remove kSecValueData from the query",
	model.OpUpdate: "this update changes every item the other attributes match, whatever secret it stores; remove kSecValueData from the query (the new data belongs in attributesToUpdate)",
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	// A function that adds an item is a save: a delete or update there
	// usually gets the add's own dictionary, where the data is inert and
	// the call does what the author meant.
	saves := map[*model.Func]bool{}
	for _, call := range p.Flow.Calls {
		if call.Op == model.OpAdd {
			saves[call.Func] = true
		}
	}
	for _, call := range p.Flow.Calls {
		what, ok := consequence[call.Op]
		if !ok || call.Dict == nil || call.Indirect || saves[call.Func] {
			continue
		}
		e, ok := call.Dict.Lookup("kSecValueData")
		if !ok {
			continue
		}
		msg := fmt.Sprintf("kSecValueData in the query of %s does not select the item: the keychain uses the data of SecItemAdd only and finds items by their attributes: %s",
			call.Op.Func(), what)
		for _, s := range e.Sites {
			f := rulekit.Finding{Severity: rulekit.Warning, Site: s, Message: msg, Call: call.Site, Keys: []string{"kSecValueData"}}
			if rulekit.InOtherPlace(s, call.Site) {
				f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: fmt.Sprintf("the query reaches %s here", call.Op.Func())})
			}
			p.Report(f)
		}
	}
	return nil, nil
}
