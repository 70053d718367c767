package unsupportedattr

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports attributes the item class does not have.
var Analyzer = &analysis.Analyzer{
	Name:     "unsupportedattr",
	Doc:      rulekit.ExtractDoc(doc, "unsupportedattr"),
	URL:      rulekit.URL("unsupportedattr"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

// likelyMeant maps (class short, wrong attribute) to the attribute the
// author most likely meant.
var likelyMeant = map[[2]string]string{
	{"inet", "kSecAttrService"}:        "kSecAttrServer",
	{"genp", "kSecAttrServer"}:         "kSecAttrService",
	{"cert", "kSecAttrApplicationTag"}: "kSecAttrLabel",
	{"keys", "kSecAttrAccount"}:        "kSecAttrApplicationTag",
	{"keys", "kSecAttrService"}:        "kSecAttrApplicationTag",
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue // the helper's own call fact covers its dictionary
		}
		classes, _ := call.Dict.Classes()
		check(p, call, call.Dict, false, classes)
		if call.Op == model.OpUpdate {
			check(p, call, call.Update, true, classes)
		}
	}
	return nil, nil
}

// check reports the keys of d. classes holds the classes kSecClass may
// be: one, or several when it comes from a loop over a literal array of
// classes or from branches. With several, an attribute is reported only
// when it is set on every path, so that it meets the class that lacks it
// (an attribute set only in the branch of its own class is not).
func check(p *rulekit.Pass, call *flow.CallFact, d *flow.DictState, update bool, classes []*keychain.Class) {
	for _, e := range d.Keys() {
		k := e.Key
		if k == nil {
			continue
		}
		if k.MacOSOnly {
			if k.Kind == keychain.KindMatch && call.Op == model.OpDelete {
				continue // deletelimit reports every kSecMatch* key of a delete
			}
			if k.Name == "kSecUseItemList" {
				continue // deprecatedkey reports it
			}
			reportSites(p, call, rulekit.IOSSites(e, call), macOSOnlyMessage(call, e, update))
			continue
		}
		if k.Kind != keychain.KindAttr || len(k.Short) != 4 || (len(classes) > 1 && !e.Must) {
			continue
		}
		for _, class := range classes {
			if !class.HasAttr(k.Short) {
				report(p, call, e, unsupportedMessage(call, e, update, class))
				break
			}
		}
	}
}

func report(p *rulekit.Pass, call *flow.CallFact, e *flow.Entry, msg string) {
	reportSites(p, call, e.Sites, msg)
}

func reportSites(p *rulekit.Pass, call *flow.CallFact, sites []flow.Site, msg string) {
	for _, s := range sites {
		f := rulekit.Finding{Severity: rulekit.Error, Site: s, Message: msg}
		if rulekit.InOtherPlace(s, call.Site) {
			f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the dictionary reaches " + call.Op.Func() + " here"})
		}
		p.Report(f)
	}
}

func unsupportedMessage(call *flow.CallFact, e *flow.Entry, update bool, class *keychain.Class) string {
	fn := call.Op.Func()
	msg := fmt.Sprintf("%s is not an attribute of %s (%s): %s fails with %s on iOS and the data-protection keychain, and the macOS file keychain silently ignores it",
		e.Name, rulekit.ClassNoun(class), class.Name, fn, rulekit.Status(keychain.ErrSecNoSuchAttr))
	if call.Op == model.OpRead || call.Op == model.OpDelete || (call.Op == model.OpUpdate && !update) {
		msg += " and may match the wrong item"
	}
	if alt, ok := likelyMeant[[2]string{class.Short, e.Key.Name}]; ok {
		return msg + "; did you mean " + alt + "?"
	}
	return msg + "; remove it"
}

func macOSOnlyMessage(call *flow.CallFact, e *flow.Entry, update bool) string {
	code := keychain.ErrSecParam
	if len(e.Key.Short) == 4 {
		code = keychain.ErrSecNoSuchAttr
	}
	return fmt.Sprintf("%s exists only on macOS (file keychain): on %s %s fails with %s; put it under #if os(macOS) or remove it",
		e.Name, rulekit.IOSPlatforms(rulekit.SitesPlatforms(e, call, rulekit.IOSSites(e, call))), call.Op.Func(), rulekit.Status(code))
}
