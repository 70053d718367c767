package deleteonreadfailure

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

// Analyzer reports deletes on paths where an earlier read may have failed
// with errSecInteractionNotAllowed.
var Analyzer = &analysis.Analyzer{
	Name:     "deleteonreadfailure",
	Doc:      rulekit.ExtractDoc(doc, "deleteonreadfailure"),
	URL:      rulekit.URL("deleteonreadfailure"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpDelete {
			continue
		}
		var reads []*flow.CallFact
		for prev, set := range call.Earlier {
			// On a path where errSecInteractionNotAllowed was not ruled out,
			// and either success was (the delete runs because the read
			// failed) or the delete sits in a branch that tested the status
			// (`guard status == errSecSuccess, let data … else { delete }`).
			// A delete that runs after the branches merged, whatever the
			// read returned, is not caused by its failure.
			if prev.Op == model.OpRead && set.Has(flow.InteractionNotAllowed) && (!set.Has(flow.Success) || set.IsTested()) {
				reads = append(reads, prev)
			}
		}
		if len(reads) == 0 {
			continue
		}
		// The last read before the delete is the one whose failure
		// decides it.
		sort.Slice(reads, func(i, j int) bool { return reads[i].Site.Span.Start < reads[j].Site.Span.Start })
		r := reads[len(reads)-1]
		how := "SecItemCopyMatching"
		if r.Via != nil {
			how = rulekit.CalledAt(r) + " (which reads with SecItemCopyMatching)"
		}
		del := "SecItemDelete"
		if call.Via != nil {
			del = rulekit.CalledAt(call) + " (which calls SecItemDelete)"
		}
		msg := fmt.Sprintf("%s runs after %s on line %d may have failed with %s, which only means the device is locked (background launch, prewarming): the delete succeeds and the user's item is lost; delete only on errSecItemNotFound, and return early on errSecInteractionNotAllowed",
			del, how, rulekit.Line(r.Site), rulekit.Status(-25308))
		f := rulekit.Finding{Severity: rulekit.Error, Site: call.NameSite, Message: msg,
			Related: []rulekit.Related{{Site: r.NameSite, Message: "the read whose failure leads to the delete"}}}
		if b, ok := call.EarlierBranch[r]; ok {
			f.Related = append(f.Related, rulekit.Related{Site: b, Message: "this check lets errSecInteractionNotAllowed through to the delete"})
		}
		p.Report(f)
	}
	return nil, nil
}
