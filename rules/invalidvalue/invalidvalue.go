package invalidvalue

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/rulekit"
)

//go:embed doc.go
var doc string

// Analyzer reports literals of the wrong type for kSecValueData.
var Analyzer = &analysis.Analyzer{
	Name:     "invalidvalue",
	Doc:      rulekit.ExtractDoc(doc, "invalidvalue"),
	URL:      rulekit.URL("invalidvalue"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	seen := map[flow.Site]bool{}
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue
		}
		for _, d := range []*flow.DictState{call.Dict, call.Update} {
			if d == nil {
				continue
			}
			e, ok := d.Lookup("kSecValueData")
			if !ok {
				continue
			}
			for _, c := range e.Values {
				kind := literalKind(c)
				if kind == "" || seen[c.Site] || c.Site.File == nil {
					continue
				}
				if kind == "a string" && !reachesDataProtection(call, d) {
					continue // the macOS file keychain converts a string
				}
				seen[c.Site] = true
				p.Report(rulekit.Finding{Severity: rulekit.Error, Site: c.Site, Call: call.Site, Keys: []string{"kSecValueData"},
					Message: fmt.Sprintf("%s (%s) as kSecValueData is not data: securityd rejects it and %s fails with %s on the data-protection keychain; pass Data (Data(text.utf8), [text dataUsingEncoding:NSUTF8StringEncoding])",
						kind, constText(c), call.Op.Func(), rulekit.Status(-50))})
			}
		}
	}
	return nil, nil
}

// literalKind names the type of a constant that is not data, "" when it
// may be data (an identifier such as a data constant).
func literalKind(c flow.Const) string {
	switch {
	case c.IsStr:
		return "a string"
	case c.IsInt:
		return "a number"
	case c.Bool != 0 || c.Ident == "kCFBooleanTrue" || c.Ident == "kCFBooleanFalse":
		return "a boolean"
	}
	return ""
}

// reachesDataProtection reports whether a call can run against the
// data-protection keychain: on an iOS-family platform, or on macOS with
// kSecUseDataProtectionKeychain or kSecAttrSynchronizable true.
func reachesDataProtection(call *flow.CallFact, d *flow.DictState) bool {
	if call.Platforms&model.IOSFamily != 0 {
		return true
	}
	for _, dict := range []*flow.DictState{call.Dict, d} {
		for _, name := range []string{"kSecUseDataProtectionKeychain", "kSecAttrSynchronizable"} {
			if e, ok := dict.Lookup(name); ok && rulekit.KnownTrue(e) {
				return true
			}
		}
	}
	return false
}

// constText is the constant as written, numbers included.
func constText(c flow.Const) string {
	if c.IsInt {
		return fmt.Sprint(c.Int)
	}
	return c.Text()
}
