package literalkey

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports string keys that spell a Security constant's name.
var Analyzer = &analysis.Analyzer{
	Name:     "literalkey",
	Doc:      rulekit.ExtractDoc(doc, "literalkey"),
	URL:      rulekit.URL("literalkey"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	// A key written once in a helper reaches every call of the helper:
	// one finding per site.
	seen := map[flow.Site]bool{}
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue // the helper's own call is checked at the helper
		}
		for _, d := range []*flow.DictState{call.Dict, call.Update} {
			if d == nil {
				continue
			}
			for _, e := range d.Keys() {
				k := spelledKey(e)
				if k == nil {
					continue
				}
				for _, s := range e.Sites {
					if seen[s] {
						continue
					}
					seen[s] = true
					report(p, call, e, k, s)
				}
			}
		}
	}
	return nil, nil
}

// spelledKey returns the key whose constant name the entry's raw string
// key spells ("kSecAttrAccount"), nil for any other entry. The flow
// engine names a raw string key by the string in quotes; a string that
// is a key's value ("acct") resolves to the key itself and is not raw.
func spelledKey(e *flow.Entry) *keychain.Key {
	if e.Key != nil || len(e.Name) < 2 || !strings.HasPrefix(e.Name, `"`) || !strings.HasSuffix(e.Name, `"`) {
		return nil
	}
	k, ok := keychain.LookupKey(e.Name[1 : len(e.Name)-1])
	if !ok {
		return nil
	}
	return k
}

func report(p *rulekit.Pass, call *flow.CallFact, e *flow.Entry, k *keychain.Key, s flow.Site) {
	lit := e.Name
	text := rulekit.Text(s)
	what := lit
	fixable := literalText(text) == lit
	if !fixable && text != "" {
		what = fmt.Sprintf("%s (%s)", text, lit)
	}
	msg := fmt.Sprintf("%s is the name of %s, not its value: the keychain receives the key %s instead of %q; securityd rejects a key it does not know, so %s fails with %s (the macOS file keychain may ignore the key instead, so the item is stored or found without it); use the constant %s",
		what, k.Name, lit, k.Short, call.Op.Func(), rulekit.Status(keychain.ErrSecParam), k.Name)
	f := rulekit.Finding{Severity: rulekit.Error, Site: s, Message: msg, Call: call.Site, Keys: []string{e.Name}}
	if rulekit.InOtherPlace(s, call.Site) {
		f.Related = append(f.Related, rulekit.Related{Site: call.NameSite, Message: "the dictionary reaches " + call.Op.Func() + " here"})
	}
	if fixable {
		f.Fixes = []rulekit.Fix{{Message: "Replace with " + k.Name, Edits: []rulekit.Edit{{Site: s, New: constant(s, k.Name)}}}}
	}
	p.Report(f)
}

// literalText returns the string a literal key expression spells, in
// quotes ("x" for "x", @"x" and CFSTR("x")), or "" when the text is not
// one string literal.
func literalText(text string) string {
	t := strings.TrimPrefix(text, "@")
	if strings.HasPrefix(t, "CFSTR(") && strings.HasSuffix(t, ")") {
		t = strings.TrimSpace(t[len("CFSTR(") : len(t)-1])
	}
	if len(t) < 2 || t[0] != '"' || t[len(t)-1] != '"' || strings.ContainsAny(t[1:len(t)-1], `"\`) {
		return ""
	}
	return t
}

// constant is the constant written where the literal was, with the cast
// the literal's context needs: a Swift string key is a String, an
// Objective-C object key an id; CFSTR already is a CFStringRef.
func constant(s flow.Site, name string) string {
	text := rulekit.Text(s)
	switch {
	case strings.HasPrefix(text, "CFSTR("):
		return name
	case strings.HasPrefix(text, "@"):
		return "(__bridge id)" + name
	case s.File != nil && s.File.Lang == model.Swift:
		return name + " as String"
	}
	return name
}
