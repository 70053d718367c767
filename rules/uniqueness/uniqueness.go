package uniqueness

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

// Analyzer reports existence checks that filter on non-unique attributes.
var Analyzer = &analysis.Analyzer{
	Name:     "uniqueness",
	Doc:      rulekit.ExtractDoc(doc, "uniqueness"),
	URL:      rulekit.URL("uniqueness"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, add := range p.Flow.Calls {
		if add.Op != model.OpAdd || add.Dict == nil {
			continue
		}
		class, ok := add.Dict.Class()
		// An identity is not stored: it has no primary key of its own (its
		// certificate and key each have one), so nothing here is "outside
		// the primary key".
		if !ok || !class.Stored {
			continue
		}
		var reads []*flow.CallFact
		for prev, set := range add.Earlier {
			// The add runs where the read found nothing, and never where it
			// succeeded. A read made by a helper with its own query (an
			// existence check such as `if tokenStatus() == errSecItemNotFound`)
			// counts too: the finding is at the key in the helper.
			// An update whose query finds nothing (errSecItemNotFound)
			// before the add is the same existence check: its query
			// filters the same way.
			// A success that reaches the add only after a delete made
			// where the check found the item (`if exists { update; if
			// failed { delete } }; add`) is the code replacing the item
			// it found; the not-found path still adds without looking
			// further.
			if (prev.Op != model.OpRead && prev.Op != model.OpUpdate) || !set.Has(flow.NotFound) ||
				(set.Has(flow.Success) && !deletedWhereFound(add, prev)) || rulekit.InsideOneHelperCall(prev, add) {
				continue
			}
			if rulekit.SameItem(prev.Dict, add.Dict, class, add.Func) && !deletesBetween(add, prev) {
				reads = append(reads, prev)
			}
		}
		sort.Slice(reads, func(i, j int) bool { return reads[i].Site.Span.Start < reads[j].Site.Span.Start })
		for _, read := range reads {
			for _, e := range read.Dict.Keys() {
				if !nonUnique(class, e) {
					continue
				}
				what := "this read reports"
				if read.Op == model.OpUpdate {
					what = "this SecItemUpdate's query matches nothing and the update returns"
				}
				msg := fmt.Sprintf("%s is not part of what makes %s unique: %s errSecItemNotFound when the item exists with another %s, and the SecItemAdd on line %d then fails with %s; look the item up by its primary key (%s) only",
					e.Name, article(rulekit.ClassSingular(class)), what, e.Name, rulekit.Line(add.Site), rulekit.Status(keychain.ErrSecDuplicateItem), strings.Join(primary(class), ", "))
				for _, s := range e.Sites {
					p.Report(rulekit.Finding{Severity: rulekit.Warning, Site: s, Message: msg,
						Related: []rulekit.Related{{Site: add.NameSite, Message: "the add that fails with errSecDuplicateItem"}}})
				}
			}
		}
	}
	return nil, nil
}

// deletesBetween reports whether a delete may run after the existence
// check found nothing and before the add (`update; if failed { delete(…)
// }; add`): it may remove the item the check missed, so the add need not
// fail. Whether it removes that item is not asked: when in doubt, stay
// silent. A delete that runs only where the check found the item (`if
// exists { update; if failed { delete } }; add`) leaves the not-found path
// as it was.
func deletesBetween(add, check *flow.CallFact) bool {
	for _, d := range between(add, check) {
		if set, known := d.Earlier[check]; known && !set.Has(flow.NotFound) {
			continue
		}
		return true
	}
	return false
}

// deletedWhereFound reports whether a delete runs between the check and
// the add where the check found the item, and only there.
func deletedWhereFound(add, check *flow.CallFact) bool {
	for _, d := range between(add, check) {
		if set, known := d.Earlier[check]; known && set.Has(flow.Success) && !set.Has(flow.NotFound) {
			return true
		}
	}
	return false
}

// between returns the deletes that may run after the check and before the
// add, in the check's file.
func between(add, check *flow.CallFact) []*flow.CallFact {
	var out []*flow.CallFact
	for d := range add.Earlier {
		if d.Op == model.OpDelete && d.Site.File == check.Site.File &&
			check.Site.Span.Start < d.Site.Span.Start && d.Site.Span.Start < add.Site.Span.Start {
			out = append(out, d)
		}
	}
	return out
}

// nonUnique reports whether an entry of a read query is an attribute of
// the class outside its primary key.
func nonUnique(class *keychain.Class, e *flow.Entry) bool {
	if e.Key == nil || e.Key.Kind != keychain.KindAttr {
		return false
	}
	a, ok := class.Attr(e.Key.Short)
	return ok && !a.Primary && a.Platform != "macos-file-keychain"
}

// primary returns the identifying attributes of the class that belong to
// its primary key (a certificate's label identifies it in practice but is
// not part of its primary key, so it is left out).
func primary(class *keychain.Class) []string {
	var out []string
	seen := map[string]bool{}
	for _, alt := range class.Identifying {
		for _, name := range alt {
			if seen[name] {
				continue
			}
			seen[name] = true
			for _, a := range class.Attrs {
				if a.Name == name && a.Primary {
					out = append(out, name)
				}
			}
		}
	}
	return out
}

func article(noun string) string {
	if strings.IndexByte("aeiou", noun[0]) >= 0 {
		return "an " + noun
	}
	return "a " + noun
}
