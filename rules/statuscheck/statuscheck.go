package statuscheck

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports success decided by excluding one error.
var Analyzer = &analysis.Analyzer{
	Name:     "statuscheck",
	Doc:      rulekit.ExtractDoc(doc, "statuscheck"),
	URL:      rulekit.URL("statuscheck"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, x := range p.Flow.Exits {
		if x.Fact.Op == model.OpRead && x.Fact.Result == flow.Absent && !x.Status.Has(flow.NotFound) {
			// An existence check that takes everything but
			// errSecItemNotFound as "the item is there": the only proof of
			// absence is that code, and a locked device (-25308) does
			// have the item; code that deletes or recreates on "absent"
			// should do exactly this.
			continue
		}
		call := x.Fact.Op.Func()
		at := x.Branch
		if at.File == nil {
			at = x.Exit
		}
		check := strings.TrimSpace(rulekit.Text(at))
		if len(check) > 100 || strings.Contains(check, "\n") {
			check = "this check"
		} else {
			check = "`" + check + "`"
		}
		var msg string
		if x.Compared {
			msg = fmt.Sprintf("%s is true for every status of %s on line %d but one error: failures such as %s count as success; compare with errSecSuccess, and handle the one error separately",
				check, call, rulekit.Line(x.Fact.Site), others(x.Status))
		} else {
			msg = fmt.Sprintf("%s tells only one error of %s on line %d apart, and the other failures reach the success exit on line %d: failures such as %s count as success; compare with errSecSuccess, and fail otherwise",
				check, call, rulekit.Line(x.Fact.Site), rulekit.Line(x.Exit), others(x.Status))
		}
		f := rulekit.Finding{Severity: rulekit.Warning, Site: at, Message: msg, Call: x.Fact.Site,
			Related: []rulekit.Related{{Site: x.Fact.NameSite, Message: "the call whose status is checked"}}}
		if !x.Compared {
			f.Related = append(f.Related, rulekit.Related{Site: x.Exit, Message: "the failure is reported as success here"})
		}
		p.Report(f)
	}
	reportResultUses(p)
	return nil, nil
}

// others names the failures a status may still be, for the message
// (errSecItemNotFound is left out: it is the one error code usually
// tells apart).
func others(s flow.StatusSet) string {
	var out []string
	if s.Has(flow.OtherFailure) {
		out = append(out, rulekit.Status(-34018))
	}
	if s.Has(flow.InteractionNotAllowed) {
		out = append(out, "errSecInteractionNotAllowed (-25308, device locked)")
	}
	if s.Has(flow.OtherFailure) {
		out = append(out, rulekit.Status(-50))
	}
	switch len(out) {
	case 0:
		return "failures"
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}
