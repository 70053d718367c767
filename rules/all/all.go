// Package all lists every keychainlint rule, in the order `keychainlint
// rules` prints them.
package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/rules/accessgroup"
	"github.com/keychainlint/keychainlint/rules/accessgroupchange"
	"github.com/keychainlint/keychainlint/rules/accessibilitydrift"
	"github.com/keychainlint/keychainlint/rules/backgroundaccess"
	"github.com/keychainlint/keychainlint/rules/broaddelete"
	"github.com/keychainlint/keychainlint/rules/deletelimit"
	"github.com/keychainlint/keychainlint/rules/deleteonreadfailure"
	"github.com/keychainlint/keychainlint/rules/deprecatedkey"
	"github.com/keychainlint/keychainlint/rules/filekeychain"
	"github.com/keychainlint/keychainlint/rules/invalidvalue"
	"github.com/keychainlint/keychainlint/rules/keychangeupdate"
	"github.com/keychainlint/keychainlint/rules/literalkey"
	"github.com/keychainlint/keychainlint/rules/misplacedkey"
	"github.com/keychainlint/keychainlint/rules/preferupdate"
	"github.com/keychainlint/keychainlint/rules/reuseddict"
	"github.com/keychainlint/keychainlint/rules/statuscheck"
	"github.com/keychainlint/keychainlint/rules/uniqueness"
	"github.com/keychainlint/keychainlint/rules/unsupportedattr"
	"github.com/keychainlint/keychainlint/rules/updateaddonly"
	"github.com/keychainlint/keychainlint/rules/valuefilter"
)

// Rule describes a rule for the command line and the documentation.
type Rule struct {
	Analyzer *analysis.Analyzer
	// Severity is the default severity ("error" or "warning"); some rules
	// report certain findings at another severity, as their doc says.
	Severity string
}

// Rules are all rules.
var Rules = []Rule{
	{unsupportedattr.Analyzer, "error"},
	{reuseddict.Analyzer, "warning"},
	{deleteonreadfailure.Analyzer, "error"},
	{deletelimit.Analyzer, "error"},
	{updateaddonly.Analyzer, "error"},
	{misplacedkey.Analyzer, "error"},
	{uniqueness.Analyzer, "warning"},
	{preferupdate.Analyzer, "warning"},
	{broaddelete.Analyzer, "warning"},
	{deprecatedkey.Analyzer, "warning"},
	{accessgroup.Analyzer, "error"},
	{keychangeupdate.Analyzer, "warning"},
	{accessibilitydrift.Analyzer, "warning"},
	{statuscheck.Analyzer, "warning"},
	{valuefilter.Analyzer, "warning"},
	{invalidvalue.Analyzer, "error"},
	{literalkey.Analyzer, "error"},
	{backgroundaccess.Analyzer, "warning"},
	{filekeychain.Analyzer, "error"},
	{accessgroupchange.Analyzer, "warning"},
}

// Analyzers returns the analyzers of all rules.
func Analyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(Rules))
	for i, r := range Rules {
		out[i] = r.Analyzer
	}
	return out
}

// Lookup finds a rule by name.
func Lookup(name string) (Rule, bool) {
	for _, r := range Rules {
		if r.Analyzer.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}
