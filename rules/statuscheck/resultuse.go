package statuscheck

import (
	"fmt"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// reportResultUses reports the uses of a result out-parameter that stop
// the program while the call's status may be a failure (the second half
// of the rule: see flow.ResultUse).
func reportResultUses(p *rulekit.Pass) {
	for _, u := range p.Flow.ResultUses {
		use := strings.TrimSpace(rulekit.Text(u.Use))
		if len(use) > 80 || strings.Contains(use, "\n") {
			use = "this use of the result"
		} else {
			use = "`" + use + "`"
		}
		call := u.Fact.Op.Func()
		checked := "not checked on the way"
		if b := strings.TrimSpace(rulekit.Text(u.Branch)); u.Branch.File != nil && b != "" && len(b) <= 80 && !strings.Contains(b, "\n") {
			checked = fmt.Sprintf("last checked by `%s` on line %d", b, rulekit.Line(u.Branch))
		} else if u.Branch.File != nil {
			checked = fmt.Sprintf("last checked on line %d", rulekit.Line(u.Branch))
		}
		when := fmt.Sprintf("the status of %s on line %d may be %s (%s)", call, rulekit.Line(u.Fact.Site), failures(u.Status), checked)
		var what string
		if u.Release {
			what = fmt.Sprintf("%s runs while %s: a failed call does not write its result, which is still NULL, and CFRelease(NULL) crashes; release the result only when it is not NULL (`if (result) CFRelease(result)`) or after the status is errSecSuccess", use, when)
		} else {
			what = fmt.Sprintf("%s runs while %s: a failed call does not write its result, which is still nil, and the forced cast or unwrap crashes the app; check that the status is errSecSuccess first, or use a conditional cast (`if let data = result as? Data`)", use, when)
		}
		f := rulekit.Finding{Severity: rulekit.Warning, Site: u.Use, Message: what, Call: u.Fact.Site,
			Related: []rulekit.Related{{Site: u.Fact.NameSite, Message: "the call whose result is used"}}}
		p.Report(f)
	}
}

// failures names the failures a status may be, for the message.
func failures(s flow.StatusSet) string {
	var out []string
	if s.Has(flow.NotFound) {
		out = append(out, rulekit.Status(-25300))
	}
	if s.Has(flow.InteractionNotAllowed) {
		out = append(out, "errSecInteractionNotAllowed (-25308, device locked)")
	}
	if s.Has(flow.OtherFailure) {
		out = append(out, rulekit.Status(-34018), rulekit.Status(-50))
	}
	switch len(out) {
	case 0:
		return "a failure"
	case 1:
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}
