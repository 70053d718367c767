package keychangeupdate

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

// Analyzer reports primary-key changes applied to a query that matches
// more than one item.
var Analyzer = &analysis.Analyzer{
	Name:     "keychangeupdate",
	Doc:      rulekit.ExtractDoc(doc, "keychangeupdate"),
	URL:      rulekit.URL("keychangeupdate"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpUpdate || call.Indirect || call.Dict == nil || call.Update == nil || !call.Dict.Complete {
			continue
		}
		class, ok := call.Dict.Class()
		if !ok || !class.Stored {
			continue
		}
		missing := unnamed(call.Dict, class)
		if missing == nil {
			continue
		}
		for _, e := range call.Update.Keys() {
			if e.Key == nil || !identifyingPrimary(class, e.Key.Name) {
				continue
			}
			if _, inQuery := call.Dict.Lookup(e.Key.Name); inQuery {
				// A rename of the items that have the old value: they keep
				// their other attributes and stay distinct.
				continue
			}
			msg := fmt.Sprintf("%s in attributesToUpdate gives every %s the query matches the same %s, and the query does not name one item (no %s): two items that differ only in %s then collide and SecItemUpdate fails with %s, or several items are renamed at once; add the item's current %s to the query",
				e.Name, rulekit.ClassSingular(class), e.Name, strings.Join(missing, " or "), e.Name, rulekit.Status(keychain.ErrSecDuplicateItem), strings.Join(missing, " and "))
			for _, s := range e.Sites {
				f := rulekit.Finding{Severity: rulekit.Warning, Site: s, Message: msg, Call: call.Site, Keys: []string{e.Key.Name}}
				if rulekit.InOtherPlace(s, call.Site) {
					f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the attributes reach SecItemUpdate here"})
				}
				p.Report(f)
			}
		}
	}
	return nil, nil
}

// unnamed returns the identifying attributes a query lacks for the way of
// naming an item it comes closest to, or nil when it names one item (all
// attributes of one way may be present; a value reference names one item
// of any class). Only attributes absent on every path count: in doubt, the
// query names the item.
func unnamed(q *flow.DictState, class *keychain.Class) []string {
	for _, name := range keychain.IdentifyingAnyClass {
		if _, ok := q.Lookup(name); ok {
			return nil
		}
	}
	var best []string
	for _, alt := range class.Identifying {
		var missing []string
		for _, name := range alt {
			if _, ok := q.Lookup(name); !ok {
				missing = append(missing, name)
			}
		}
		if len(missing) == 0 {
			return nil
		}
		if best == nil || len(missing) < len(best) {
			best = missing
		}
	}
	return best
}

// identifyingPrimary reports whether an attribute names items of the class
// and is part of its primary key (a certificate's label names it in
// practice but is not in its primary key: relabelling several
// certificates makes no duplicate).
func identifyingPrimary(class *keychain.Class, name string) bool {
	named := false
	for _, alt := range class.Identifying {
		for _, n := range alt {
			if n == name {
				named = true
			}
		}
	}
	if !named {
		return false
	}
	for _, a := range class.Attrs {
		if a.Name == name {
			return a.Primary
		}
	}
	return false
}
