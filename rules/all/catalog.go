package all

import (
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/report"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

// Catalog lists every rule the outputs describe: the analyzers of Rules,
// then the pseudo-rules of inline suppressions (unusedignore, badignore),
// whose documentation is in analyzer/suppress/doc.go.
func Catalog() []report.Rule {
	out := make([]report.Rule, 0, len(Rules)+len(suppress.PseudoRules))
	for _, r := range Rules {
		out = append(out, report.Rule{
			Name:     r.Analyzer.Name,
			Severity: driver.ParseSeverity(r.Severity),
			Doc:      r.Analyzer.Doc,
			URL:      r.Analyzer.URL,
		})
	}
	for _, p := range suppress.PseudoRules {
		out = append(out, report.Rule{
			Name:     p.Name,
			Severity: p.Severity,
			Doc:      rulekit.ExtractDoc(suppress.DocGo, p.Name),
			URL:      rulekit.URL(p.Name),
		})
	}
	return out
}

// LookupCatalog finds a rule of the catalog by name.
func LookupCatalog(name string) (report.Rule, bool) {
	for _, r := range Catalog() {
		if r.Name == name {
			return r, true
		}
	}
	return report.Rule{}, false
}
