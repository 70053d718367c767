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

// Analyzer reports add-only attributes in SecItemUpdate's attributesToUpdate.
var Analyzer = &analysis.Analyzer{
	Name:     "updateaddonly",
	Doc:      rulekit.ExtractDoc(doc, "updateaddonly"),
	URL:      rulekit.URL("updateaddonly"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpUpdate || call.Update == nil || call.Indirect {
			continue
		}
		for _, e := range call.Update.Keys() {
			if e.Key == nil {
				continue
			}
			var sev, msg string
			switch e.Key.Name {
			case "kSecAttrAccessControl", "kSecAttrAccessible":
				sev = rulekit.Warning
				msg = fmt.Sprintf("%s in the attributes to update re-protects the item: SecItemUpdate then fails whenever the item cannot be decrypted (device locked: %s; user presence required without authentication) and cannot move it to or from a token; set protection when adding the item, and to change it read the data, delete the item and add it again",
					e.Name, rulekit.Status(-25308))
			case "kSecAttrTokenID":
				sev = rulekit.Error
				msg = fmt.Sprintf("%s cannot be changed after the item is created: remove it from the attributes to update; to put an item on a token or take it off, create a new item with (or without) %s and delete the old one", e.Name, e.Name)
			default:
				continue
			}
			for _, s := range e.Sites {
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
