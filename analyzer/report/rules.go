package report

import (
	"slices"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

// Rule describes a rule (an analyzer or a pseudo-rule such as
// unusedignore) for the outputs.
type Rule struct {
	Name string
	// Severity is the default severity.
	Severity driver.Severity
	// Doc is the rule's documentation: "name: title", a blank line and the
	// body, in Go doc comment syntax (the "# Analyzer name" section of the
	// rule's doc.go).
	Doc string
	// URL is the rule's documentation page (docs/rules/<rule>.md).
	URL string
}

// Title is the one-line summary after "name: " on the first line of Doc.
func (r Rule) Title() string {
	first, _, _ := strings.Cut(r.Doc, "\n")
	if after, ok := strings.CutPrefix(first, r.Name+": "); ok {
		return strings.TrimSpace(after)
	}
	return strings.TrimSpace(first)
}

// Body is Doc without its title line.
func (r Rule) Body() string {
	_, body, _ := strings.Cut(r.Doc, "\n")
	return strings.TrimSpace(body)
}

// Description is the first paragraph of the body, on one line.
func (r Rule) Description() string {
	para, _, _ := strings.Cut(r.Body(), "\n\n")
	return strings.Join(strings.Fields(para), " ")
}

// Meta is what SARIF consumers want to know about a rule besides its
// documentation.
type Meta struct {
	// FriendlyName is the rule's SARIF "name": a Pascal-case identifier
	// that must differ from the rule's id even ignoring case (the SARIF
	// multitool's rule SARIF1001).
	FriendlyName string
	// Precision is how often a finding is right: very-high, high, medium
	// or low (GitHub code scanning's precision property).
	Precision string
	// SecuritySeverity is the CVSS-like score from 0.0 to 10.0 that GitHub
	// code scanning turns into critical (9.0+), high (7.0+), medium (4.0+)
	// or low.
	SecuritySeverity string
	// Tags are added to "security" in the rule's SARIF tags.
	Tags []string
}

// metadata is keyed by rule name; every rule of rules/all and every
// pseudo-rule of analyzer/suppress must have an entry (a test checks).
//
// The security severities follow what the mistake costs users: lost
// credentials and items deleted beyond the app's own (deleteonreadfailure,
// broaddelete) rank highest, then calls that fail on iOS or match the wrong
// item, then keychain items left readable while the device is locked
// (deprecatedkey), then robustness issues.
var metadata = map[string]Meta{
	"unsupportedattr":     {"UnsupportedAttribute", "very-high", "5.3", []string{"keychain", "correctness"}},
	"reuseddict":          {"ReusedQueryDictionary", "high", "4.0", []string{"keychain", "correctness"}},
	"deleteonreadfailure": {"DeleteAfterFailedRead", "high", "6.5", []string{"keychain", "data-loss"}},
	"deletelimit":         {"DeleteWithMatchLimit", "high", "5.3", []string{"keychain", "correctness"}},
	"updateaddonly":       {"UpdateOfAddOnlyAttribute", "high", "4.3", []string{"keychain", "correctness"}},
	"misplacedkey":        {"KeyNotAllowedInOperation", "very-high", "5.3", []string{"keychain", "correctness"}},
	"uniqueness":          {"LookupByNonUniqueAttribute", "high", "4.3", []string{"keychain", "correctness"}},
	"preferupdate":        {"DeleteThenAdd", "high", "5.0", []string{"keychain", "data-loss"}},
	"broaddelete":         {"DeleteOfWholeItemClass", "high", "6.5", []string{"keychain", "data-loss"}},
	"deprecatedkey":       {"DeprecatedKeychainConstant", "very-high", "4.7", []string{"keychain", "deprecated"}},
	// A group the app is not entitled to: every call with it fails.
	"accessgroup":        {"AccessGroupNotEntitled", "very-high", "5.3", []string{"keychain", "correctness", "entitlements"}},
	"keychangeupdate":    {"UpdateRenamesSeveralItems", "high", "4.3", []string{"keychain", "correctness"}},
	"accessibilitydrift": {"ProtectionNotUpdated", "high", "4.3", []string{"keychain", "correctness"}},
	"statuscheck":        {"SuccessByExcludingOneError", "high", "4.3", []string{"keychain", "correctness"}},
	// Items of earlier versions stay behind in the old default group, or
	// become invisible with a removed group: lost user data.
	"accessgroupchange": {"DefaultAccessGroupMoved", "high", "5.5", []string{"keychain", "data-loss", "entitlements"}},
	// An unknown key makes every call with the dictionary fail.
	"literalkey": {"ConstantNameAsKey", "very-high", "5.3", []string{"keychain", "correctness"}},
	// A read that "checks" a secret with kSecValueData accepts any value.
	"valuefilter": {"ValueDataInQuery", "high", "4.3", []string{"keychain", "correctness"}},
	// The secret is never stored: the add fails with -50.
	"invalidvalue": {"ValueDataNotData", "very-high", "4.3", []string{"keychain", "correctness"}},
	// Background code cannot read the item while the device is locked: a
	// lost push or refresh, not a leak.
	"backgroundaccess": {"BackgroundReadOfUnlockedOnlyItem", "high", "4.3", []string{"keychain", "correctness", "background"}},
	// A protection (ThisDeviceOnly) or a sharing the code asked for that the
	// macOS file keychain silently drops.
	"filekeychain": {"FileKeychainDropsProtection", "high", "4.3", []string{"keychain", "correctness", "macos"}},
	// A suppression that does not work (badignore) or hides nothing
	// (unusedignore) is a hole in the review of security findings, not a
	// vulnerability: low.
	"unusedignore": {"UnusedSuppression", "very-high", "1.0", []string{"suppression", "maintainability"}},
	"badignore":    {"InvalidSuppression", "very-high", "2.0", []string{"suppression", "maintainability"}},
}

// MetaOf returns the metadata of a rule. Rules without an entry get a
// neutral default (the test of this package makes sure there are none).
func MetaOf(rule string) (Meta, bool) {
	m, ok := metadata[rule]
	if !ok {
		return Meta{FriendlyName: pascal(rule), Precision: "medium", SecuritySeverity: "4.0", Tags: []string{"keychain"}}, false
	}
	return m, true
}

// AllTags are the SARIF tags of a rule: "security" first.
func (m Meta) AllTags() []string {
	return append([]string{"security"}, m.Tags...)
}

func pascal(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// MetaRules lists the rules that have metadata (for the test that keeps
// the table in step with the rule registry).
func MetaRules() []string {
	out := make([]string, 0, len(metadata))
	for name := range metadata {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}
