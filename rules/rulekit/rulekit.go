// Package rulekit holds what every keychainlint rule needs besides the
// flow result: reporting at model sites with a severity and related
// locations, extracting the analyzer documentation from doc.go, and the
// wording of runtime consequences shared by the rule messages.
package rulekit

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Severities, reported in analysis.Diagnostic.Category (with the
// finding's subject, see driver.EncodeCategory).
const (
	Error   = "error"
	Warning = "warning"
	Note    = "note"
)

// Pass bundles an analysis.Pass with the flow result of its file.
type Pass struct {
	*analysis.Pass
	Flow    *flow.Result
	Session *flow.Session
}

// Get returns the flow result of the pass.
func Get(pass *analysis.Pass) *Pass {
	return &Pass{Pass: pass, Flow: pass.ResultOf[flow.Analyzer].(*flow.Result), Session: flow.SessionOf(pass)}
}

// Related is a related location.
type Related struct {
	Site    flow.Site
	Message string
}

// Finding is one diagnostic to report.
type Finding struct {
	Severity string
	Site     flow.Site
	Message  string
	Related  []Related
	Fixes    []Fix
	// Call is the SecItem call the finding is about (a call fact's Site),
	// and Keys the keys of its dictionary it is about (none: the call as
	// a whole). The driver uses them to keep one finding per bug when
	// several rules report the same call (analyzer/driver/overlap.go);
	// a zero Call names no subject.
	Call flow.Site
	Keys []string
}

// Fix is a suggested fix: replace each site's text.
type Fix struct {
	Message string
	Edits   []Edit
	// Safe marks a fix that keeps the program's behaviour, so that
	// `keychainlint --fix` applies it without review (the same runtime
	// value under its current name). A fix that changes what a call does
	// (another accessibility class, another keychain) is never safe, even
	// when it is the right change: it is offered, not applied.
	Safe bool
}

// Edit replaces the text of Site with New (an empty span inserts).
type Edit struct {
	Site flow.Site
	New  string
}

// Report reports a finding. Findings whose site lies in another file than
// the pass's (a key written in a helper in another file) are reported
// too: the driver's FileSet holds every file of the scan.
func (p *Pass) Report(f Finding) {
	call := token.NoPos
	if f.Call.File != nil {
		call = p.Session.Pos(f.Call)
	}
	d := analysis.Diagnostic{
		Pos:      p.Session.Pos(f.Site),
		End:      p.Session.End(f.Site),
		Category: driver.EncodeCategory(f.Severity, call, f.Keys),
		Message:  f.Message,
	}
	if !d.Pos.IsValid() {
		return
	}
	for _, r := range f.Related {
		pos := p.Session.Pos(r.Site)
		if !pos.IsValid() {
			continue
		}
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: p.Session.End(r.Site), Message: r.Message})
	}
	for _, fx := range f.Fixes {
		sf := analysis.SuggestedFix{Message: fx.Message}
		if fx.Safe {
			sf.Message = driver.MarkSafe(fx.Message)
		}
		for _, e := range fx.Edits {
			sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: p.Session.Pos(e.Site), End: p.Session.End(e.Site), NewText: []byte(e.New)})
		}
		d.SuggestedFixes = append(d.SuggestedFixes, sf)
	}
	p.Pass.Report(d)
}

// Text returns the source text of a site.
func Text(s flow.Site) string {
	if s.File == nil || s.Span.Start < 0 || s.Span.End > len(s.File.Src) || s.Span.Start > s.Span.End {
		return ""
	}
	return string(s.File.Src[s.Span.Start:s.Span.End])
}

// ExtractDoc returns the text of the "# Analyzer name" section of a
// package documentation comment (the doc.go convention of
// golang.org/x/tools/go/analysis/passes), without the comment markers.
func ExtractDoc(docGo, name string) string {
	var lines []string
	in := false
	for _, l := range strings.Split(docGo, "\n") {
		if !strings.HasPrefix(l, "//") {
			if in {
				break
			}
			continue
		}
		t := strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		if strings.HasPrefix(t, "# Analyzer ") {
			if in {
				break
			}
			in = strings.TrimSpace(strings.TrimPrefix(t, "# Analyzer ")) == name
			continue
		}
		if in {
			lines = append(lines, t)
		}
	}
	out := strings.TrimSpace(strings.Join(lines, "\n"))
	if out == "" {
		panic(fmt.Sprintf("rulekit: no '# Analyzer %s' section in doc.go", name))
	}
	return out
}

// URL is the documentation page of a rule.
func URL(name string) string {
	return "https://github.com/keychainlint/keychainlint/blob/main/docs/rules/" + name + ".md"
}

// Status names a status code for a message: "errSecNoSuchAttr (-25303)".
func Status(code int) string {
	name := keychain.StatusName(code)
	if name == "" {
		return fmt.Sprint(code)
	}
	return fmt.Sprintf("%s (%d)", name, code)
}

// ClassNoun names an item class for a developer: "generic passwords".
func ClassNoun(c *keychain.Class) string {
	switch c.Short {
	case "genp":
		return "generic passwords"
	case "inet":
		return "internet passwords"
	case "cert":
		return "certificates"
	case "keys":
		return "keys"
	case "idnt":
		return "identities"
	}
	return c.Name
}

// PlatformScopeIOS reports whether a key present on platforms p, in a call
// whose scope is scope, can reach an iOS-family platform.
func PlatformScopeIOS(p, scope model.Platform) bool {
	return p&scope&model.IOSFamily != 0
}

// InOtherPlace reports whether a site lies outside the call's function
// (a key written in a helper), so that a related location helps.
func InOtherPlace(s flow.Site, call flow.Site) bool {
	if s.File != call.File {
		return true
	}
	d := s.Span.Start - call.Span.Start
	return d < -2000 || d > 2000
}

// IOSSites returns the sites of an entry whose write can reach the call on
// an iOS-family platform (a key written under #if os(macOS) does not).
func IOSSites(e *flow.Entry, call *flow.CallFact) []flow.Site {
	var out []flow.Site
	for i, s := range e.Sites {
		if PlatformScopeIOS(e.SitePlatform(i), call.Platforms) {
			out = append(out, s)
		}
	}
	return out
}

// IOSPlatforms names the iOS-family platforms in p for a message: "iOS,
// tvOS, watchOS, visionOS and Mac Catalyst" when all of them, else the
// ones concerned ("visionOS" for code that excludes the others with #if).
func IOSPlatforms(p model.Platform) string {
	p &= model.IOSFamily
	if p == model.IOSFamily || p == 0 {
		return "iOS, tvOS, watchOS, visionOS and Mac Catalyst"
	}
	var names []string
	for _, x := range []struct {
		p    model.Platform
		name string
	}{{model.IOS, "iOS"}, {model.TVOS, "tvOS"}, {model.WatchOS, "watchOS"}, {model.VisionOS, "visionOS"}, {model.MacCatalyst, "Mac Catalyst"}} {
		if p&x.p != 0 {
			names = append(names, x.name)
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// SitesPlatforms is the union of the platforms on which the given sites
// of e reach the call.
func SitesPlatforms(e *flow.Entry, call *flow.CallFact, sites []flow.Site) model.Platform {
	var p model.Platform
	for i, s := range e.Sites {
		for _, t := range sites {
			if s == t {
				p |= e.SitePlatform(i)
			}
		}
	}
	return p & call.Platforms
}

// ClassSingular names one item of a class for a message: "generic
// password".
func ClassSingular(c *keychain.Class) string {
	switch c.Short {
	case "genp":
		return "generic password"
	case "inet":
		return "internet password"
	case "cert":
		return "certificate"
	case "keys":
		return "key"
	case "idnt":
		return "identity"
	}
	return "item"
}

// Line is the 1-based line of a site, for messages that refer to another
// call ("on line 12").
func Line(s flow.Site) int {
	if s.File == nil || s.Span.Start < 0 || s.Span.Start > len(s.File.Src) {
		return 0
	}
	return 1 + strings.Count(string(s.File.Src[:s.Span.Start]), "\n")
}

// KnownFalse reports whether an entry's value is false on every path
// (false, NO, @NO, kCFBooleanFalse). A false kSecReturn* key is inert:
// securityd clears the return bit for it, so it neither fails an update
// nor asks an add for a result.
func KnownFalse(e *flow.Entry) bool {
	if e.UnknownValue || len(e.Values) == 0 {
		return false
	}
	for _, v := range e.Values {
		if v.Bool != -1 && v.Ident != "kCFBooleanFalse" {
			return false
		}
	}
	return true
}

// KnownTrue reports whether an entry is present on every path with a true
// value (true, YES, @YES, kCFBooleanTrue): the only form of
// kSecUseDataProtectionKeychain or kSecAttrSynchronizable that selects
// the data-protection keychain.
func KnownTrue(e *flow.Entry) bool {
	if !e.Must {
		return false
	}
	c, ok := e.Value()
	return ok && (c.Bool == 1 || c.Ident == "kCFBooleanTrue")
}
