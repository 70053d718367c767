package broaddelete

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

// Analyzer reports deletes of a whole item class.
var Analyzer = &analysis.Analyzer{
	Name:     "broaddelete",
	Doc:      rulekit.ExtractDoc(doc, "broaddelete"),
	URL:      rulekit.URL("broaddelete"),
	Requires: []*analysis.Analyzer{flow.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	p := rulekit.Get(pass)
	for _, call := range p.Flow.Calls {
		if call.Op != model.OpDelete || call.Indirect || call.Dict == nil || !call.Dict.Complete {
			continue
		}
		class, ok := call.Dict.Class()
		if !ok {
			continue
		}
		only := true
		for _, e := range call.Dict.Keys() {
			switch name(e) {
			case "kSecClass", "kSecUseDataProtectionKeychain", "kSecAttrSynchronizable":
			default:
				only = false
			}
		}
		if !only {
			continue
		}
		dp := false
		if e, ok := call.Dict.Lookup("kSecUseDataProtectionKeychain"); ok && e.Must {
			if c, ok := e.Value(); ok && (c.Bool == 1 || c.Ident == "kCFBooleanTrue") {
				dp = true
			}
		}
		f := rulekit.Finding{Site: call.NameSite}
		if call.Platforms.Has(model.MacOS) && !dp {
			f.Severity = rulekit.Error
			f.Message = fmt.Sprintf("SecItemDelete with only kSecClass deletes every one of the app's %s, and on macOS, without kSecUseDataProtectionKeychain: true, it also reaches the user's file keychains and can delete other apps' items; add kSecUseDataProtectionKeychain: true and name the items to delete (kSecAttrService, kSecAttrAccount)",
				rulekit.ClassNoun(class))
			if fix, ok := addDataProtection(call); ok {
				f.Fixes = append(f.Fixes, fix)
			}
		} else {
			f.Severity = rulekit.Warning
			f.Message = fmt.Sprintf("SecItemDelete with only kSecClass deletes every one of the app's %s in every access group it can see; name the items to delete (kSecAttrService, kSecAttrAccount)",
				rulekit.ClassNoun(class))
		}
		p.Report(f)
	}
	return nil, nil
}

func name(e *flow.Entry) string {
	if e.Key != nil {
		return e.Key.Name
	}
	return e.Name
}

// addDataProtection inserts kSecUseDataProtectionKeychain: true after the
// kSecClass entry of a dictionary literal, spelled like that entry's key.
func addDataProtection(call *flow.CallFact) (rulekit.Fix, bool) {
	e, ok := call.Dict.Lookup("kSecClass")
	if !ok || e.Literal.File == nil || len(e.Sites) != 1 {
		return rulekit.Fix{}, false
	}
	keyText := rulekit.Text(e.KeyExpr)
	if !strings.Contains(keyText, "kSecClass") {
		return rulekit.Fix{}, false
	}
	key := strings.Replace(keyText, "kSecClass", "kSecUseDataProtectionKeychain", 1)
	value := "true"
	switch e.Literal.File.Lang {
	case model.ObjC:
		value = "@YES"
	case model.C:
		return rulekit.Fix{}, false
	}
	end := flow.Site{File: e.Literal.File, Span: model.Span{Start: e.Literal.Span.End, End: e.Literal.Span.End}}
	return rulekit.Fix{Message: "Add kSecUseDataProtectionKeychain: true",
		Edits: []rulekit.Edit{{Site: end, New: ", " + key + ": " + value}}}, true
}
