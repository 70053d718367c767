package accessibilitydrift

import (
	_ "embed"
	"fmt"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports saves whose existing-item update leaves out the
// protection the add sets from a parameter or property.
var Analyzer = &analysis.Analyzer{
	Name:     "accessibilitydrift",
	Doc:      rulekit.ExtractDoc(doc, "accessibilitydrift"),
	URL:      rulekit.URL("accessibilitydrift"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// protection are the keys that set an item's protection.
var protection = []string{"kSecAttrAccessible", "kSecAttrAccessControl"}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	var adds, updates []*flow.CallFact
	for _, c := range p.Flow.Calls {
		switch c.Op {
		case model.OpAdd:
			adds = append(adds, c)
		case model.OpUpdate:
			updates = append(updates, c)
		}
	}
	reported := map[*flow.CallFact]bool{}
	for _, add := range adds {
		if add.Dict == nil {
			continue
		}
		class, ok := add.Dict.Class()
		if !ok || !class.Stored {
			continue
		}
		key := variable(add.Dict)
		if key == nil {
			continue
		}
		var hits []*flow.CallFact
		for _, upd := range updates {
			if reported[upd] || upd.Func != add.Func || upd.Update == nil || !upd.Update.Complete || rulekit.InsideOneHelperCall(upd, add) {
				continue
			}
			// A protection in the update's query (on some path) is a
			// filter: an item created with another one does not match
			// (errSecItemNotFound, uniqueness's bug) and an item that
			// matches has it already, so nothing drifts.
			if hasProtection(upd.Update) || (upd.Dict != nil && hasProtection(upd.Dict)) || !existingPath(upd, add) || !rulekit.SameItem(upd.Dict, add.Dict, class, add.Func) {
				continue
			}
			hits = append(hits, upd)
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].Site.Span.Start < hits[j].Site.Span.Start })
		for _, upd := range hits {
			reported[upd] = true
			what := "SecItemUpdate"
			if upd.Via != nil {
				what = rulekit.CalledAt(upd) + " (which calls SecItemUpdate)"
			}
			msg := fmt.Sprintf("%s updates an existing %s without %s, which the SecItemAdd on line %d sets from %s: an item saved before keeps the protection it was created with, so a changed %s never reaches existing users; put %s in the attributes to update too",
				what, rulekit.ClassSingular(class), key.Name, rulekit.Line(add.Site), valueText(key), key.Name, key.Name)
			rel := []rulekit.Related{{Site: add.NameSite, Message: "the add that sets the protection"}}
			if len(key.Sites) > 0 {
				rel = append(rel, rulekit.Related{Site: key.Sites[0], Message: key.Name + " is set here for new items only"})
			}
			p.Report(rulekit.Finding{Severity: rulekit.Warning, Site: upd.NameSite, Message: msg, Call: upd.Site, Related: rel})
		}
	}
	return nil, nil
}

// variable returns the add's protection entry when its value comes from a
// parameter or property (not a constant): of no known constant value, read
// from a parameter or from a name or member path (accessibility,
// self.accessibility, options.accessControl). It may be set on some paths
// only (`if (accessibilityType) { … }`, `if let accessibility { … }`): where
// it is set, the existing item still keeps its old protection.
func variable(d *flow.DictState) *flow.Entry {
	for _, name := range protection {
		e, ok := d.Lookup(name)
		if !ok {
			continue
		}
		if _, known := e.Value(); known {
			continue
		}
		if e.ValueParam >= 0 || stable(e.ValueText) {
			return e
		}
	}
	return nil
}

// hasProtection reports whether a dictionary (the attributes to update, or
// the update's query) may hold the protection on some path.
func hasProtection(u *flow.DictState) bool {
	for _, name := range protection {
		if _, ok := u.Lookup(name); ok {
			return true
		}
	}
	return false
}

// existingPath reports whether the update runs where the item exists and
// the add where it does not: the update only after the add failed, the add
// only after the update failed, or both after one read, the update where
// it succeeded and the add where it found nothing.
func existingPath(upd, add *flow.CallFact) bool {
	if set, ok := upd.Earlier[add]; ok && !set.Has(flow.Success) && set.Outcomes() != 0 {
		return true
	}
	if set, ok := add.Earlier[upd]; ok && !set.Has(flow.Success) && set.Outcomes() != 0 {
		return true
	}
	for prev, us := range upd.Earlier {
		if prev.Op != model.OpRead {
			continue
		}
		as, ok := add.Earlier[prev]
		if ok && us.Has(flow.Success) && !us.Has(flow.NotFound) && as.Has(flow.NotFound) && !as.Has(flow.Success) {
			return true
		}
	}
	return false
}

// stable reports whether an expression reads a value (a name or a chain of
// member accesses) rather than computing one.
func stable(text string) bool {
	if text == "" {
		return false
	}
	for i, r := range text {
		switch {
		case r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

func valueText(e *flow.Entry) string {
	if e.ValueText != "" {
		return e.ValueText
	}
	return "a parameter"
}
