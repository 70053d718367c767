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
		ui, uiSite := noAuthUI(r.Dict)
		if ui != "" && presentOnly(call.Earlier[r]) {
			// The read does not show the authentication UI, so -25308 may
			// mean "the item exists but needs user authentication", and
			// the code compared the status with errSecInteractionNotAllowed
			// and handles it like success (the item is there): a
			// deliberate choice about an existing item, not a missing one.
			continue
		}
		how := "SecItemCopyMatching"
		if r.Via != nil {
			how = rulekit.CalledAt(r) + " (which reads with SecItemCopyMatching)"
		}
		del := "SecItemDelete"
		if call.Via != nil {
			del = rulekit.CalledAt(call) + " (which calls SecItemDelete)"
		}
		var msg string
		if ui == "" {
			msg = fmt.Sprintf("%s runs after %s on line %d may have failed with %s, which only means the device is locked (background launch, prewarming): the delete succeeds and the user's item is lost; delete only on errSecItemNotFound, and return early on errSecInteractionNotAllowed",
				del, how, rulekit.Line(r.Site), rulekit.Status(-25308))
		} else {
			msg = fmt.Sprintf("%s runs after %s on line %d may have failed with %s; the read passes %s, so this status also means the item exists but needs user authentication (Touch ID, Face ID or the passcode) that the read did not ask for, besides a locked device: the delete succeeds and the protected item is lost; delete only on errSecItemNotFound, and treat errSecInteractionNotAllowed as \"present, not readable now\"",
				del, how, rulekit.Line(r.Site), rulekit.Status(-25308), ui)
		}
		f := rulekit.Finding{Severity: rulekit.Error, Site: call.NameSite, Message: msg, Call: call.Site,
			Related: []rulekit.Related{{Site: r.NameSite, Message: "the read whose failure leads to the delete"}}}
		if b, ok := call.EarlierBranch[r]; ok {
			f.Related = append(f.Related, rulekit.Related{Site: b, Message: "this check lets errSecInteractionNotAllowed through to the delete"})
		}
		if ui != "" && uiSite.File != nil {
			f.Related = append(f.Related, rulekit.Related{Site: uiSite, Message: ui + ": the read fails instead of asking for authentication"})
		}
		p.Report(f)
	}
	return nil, nil
}

// noAuthUI returns the key or value by which a read's query may keep
// SecItemCopyMatching from showing the authentication UI
// (kSecUseAuthenticationUI: kSecUseAuthenticationUIFail or
// kSecUseAuthenticationUISkip, or the deprecated kSecUseNoAuthenticationUI
// when it may be true), and where it is written; "" when none. Such a read
// returns errSecInteractionNotAllowed for an item whose access control
// needs Touch ID, Face ID or the passcode, whether or not the device is
// locked.
func noAuthUI(d *flow.DictState) (string, flow.Site) {
	if d == nil {
		return "", flow.Site{}
	}
	if e, ok := d.Lookup("kSecUseAuthenticationUI"); ok {
		for _, c := range e.Values {
			name := c.Ident
			switch c.Str {
			case "u_AuthUIF":
				name = "kSecUseAuthenticationUIFail"
			case "u_AuthUIS":
				name = "kSecUseAuthenticationUISkip"
			}
			if name == "kSecUseAuthenticationUIFail" || name == "kSecUseAuthenticationUISkip" {
				return name, valueSite(e, c)
			}
		}
	}
	if e, ok := d.Lookup("kSecUseNoAuthenticationUI"); ok {
		c, known := e.Value()
		if !known || (c.Bool != -1 && c.Ident != "kCFBooleanFalse") {
			return "kSecUseNoAuthenticationUI", firstSite(e)
		}
	}
	return "", flow.Site{}
}

func valueSite(e *flow.Entry, c flow.Const) flow.Site {
	if c.Site.File != nil {
		return c.Site
	}
	return firstSite(e)
}

func firstSite(e *flow.Entry) flow.Site {
	if len(e.Sites) > 0 {
		return e.Sites[0]
	}
	return flow.Site{}
}

// presentOnly reports whether the status at the delete was tested and may
// only be errSecInteractionNotAllowed or success: the code compared it
// with errSecInteractionNotAllowed and handles it like the item being
// there (`case errSecSuccess, errSecInteractionNotAllowed:`, `if status ==
// errSecInteractionNotAllowed`).
func presentOnly(set flow.StatusSet) bool {
	return set.IsTested() && !set.Has(flow.NotFound) && !set.Has(flow.OtherFailure)
}
