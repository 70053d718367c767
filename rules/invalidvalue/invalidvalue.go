package invalidvalue

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

// Analyzer reports values a keychain key cannot hold.
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
	report := func(call *flow.CallFact, site flow.Site, key, msg string) {
		if seen[site] || site.File == nil {
			return
		}
		seen[site] = true
		p.Report(rulekit.Finding{Severity: rulekit.Error, Site: site, Call: call.Site, Keys: []string{key}, Message: msg})
	}
	for _, call := range p.Flow.Calls {
		if call.Indirect {
			continue
		}
		for _, d := range []*flow.DictState{call.Dict, call.Update} {
			if d == nil {
				continue
			}
			for _, e := range d.Keys() {
				if e.Key == nil {
					continue
				}
				checkEntry(call, d, e, report)
			}
		}
	}
	return nil, nil
}

type reporter func(call *flow.CallFact, site flow.Site, key, msg string)

// checkEntry reports the values of one key that the key cannot hold.
func checkEntry(call *flow.CallFact, d *flow.DictState, e *flow.Entry, report reporter) {
	name := e.Key.Name
	dp := reachesDataProtection(call, d)
	if e.NilBox.File != nil && dp && rejectsNull(e.Key) {
		report(call, e.NilBox, name, fmt.Sprintf("%s is an Optional boxed into Any as the value of %s: when it is nil, Swift passes NSNull, which securityd cannot convert to the %s, and %s fails with %s on the data-protection keychain; unwrap it (if let, guard let, ??) or set the key with dict[key] = value, which leaves the key out when the value is nil",
			siteText(e.NilBox), name, valueNoun(e.Key), call.Op.Func(), rulekit.Status(-50)))
	}
	if dp && rejectsNull(e.Key) {
		for _, c := range e.Values {
			if c.Ident == "kCFNull" {
				report(call, c.Site, name, fmt.Sprintf("NSNull as the value of %s: securityd cannot convert it to the %s, and %s fails with %s on the data-protection keychain; leave the key out instead",
					name, valueNoun(e.Key), call.Op.Func(), rulekit.Status(-50)))
			}
		}
	}
	if name == "kSecValueData" {
		for _, c := range e.Values {
			kind := literalKind(c)
			if kind == "" || (kind == "a string" && !dp) {
				continue // the macOS file keychain converts a string
			}
			report(call, c.Site, name, fmt.Sprintf("%s (%s) as kSecValueData is not data: securityd rejects it and %s fails with %s on the data-protection keychain; pass Data (Data(text.utf8), [text dataUsingEncoding:NSUTF8StringEncoding])",
				kind, constText(c), call.Op.Func(), rulekit.Status(-50)))
		}
		if kind, noun := typeKind(e.ValueType); kind != "" && (kind != "a string" || dp) && e.ValueSite.File != nil {
			report(call, e.ValueSite, name, fmt.Sprintf("%s (%s) as kSecValueData is not data: securityd rejects it and %s fails with %s on the data-protection keychain; pass Data (Data(text.utf8))",
				noun, e.ValueText, call.Op.Func(), rulekit.Status(-50)))
		}
		return
	}
	accepts, ok := textKeys[name]
	if !ok || !dp {
		return
	}
	bad := func(kind string) bool {
		return kind == "a boolean" || kind == "a number" && accepts == stringOnly
	}
	for _, c := range e.Values {
		if kind := literalKind(c); bad(kind) {
			report(call, c.Site, name, textMessage(call, name, accepts, kind, constText(c)))
		}
	}
	if kind, noun := typeKind(e.ValueType); bad(kind) && e.ValueSite.File != nil {
		report(call, e.ValueSite, name, textMessage(call, name, accepts, noun, e.ValueText))
	}
}

func textMessage(call *flow.CallFact, name string, accepts accept, kind, text string) string {
	want := "a string or data"
	if accepts == stringOnly {
		want = "a string"
	}
	return fmt.Sprintf("%s (%s) as %s: securityd converts the value of this attribute only from %s, and %s fails with %s on the data-protection keychain; pass a String",
		kind, text, name, want, call.Op.Func(), rulekit.Status(-50))
}

// accept is what securityd converts a text attribute's value from.
type accept int

const (
	// stringOrData: a Blob or Data attribute, converted by copyBlob /
	// copyData from data, a string or a number, not a boolean
	// (keychain/securityd/SecDbItem.c lines 74-87 and 108-120).
	stringOrData accept = iota
	// stringOnly: a String or Access attribute, converted by copyString
	// from a string, data or a UUID only (SecDbItem.c lines 61-72).
	stringOnly
)

// textKeys are the attributes whose value is text, with what their
// schema kind converts from (keychain/securityd/SecItemSchema.c lines
// 84-138: labl, desc, icmt, gena, acct, svce, sdmn, srvr, path, atag are
// Blob; klbl Data; agrp String; pdmn Access). A value that does not
// convert fails query_add_attribute_with_desc with errSecItemInvalidValue
// (SecDbQuery.c lines 323-325), which is errSecParam.
var textKeys = map[string]accept{
	"kSecAttrAccount": stringOrData, "kSecAttrService": stringOrData, "kSecAttrLabel": stringOrData,
	"kSecAttrDescription": stringOrData, "kSecAttrComment": stringOrData, "kSecAttrGeneric": stringOrData,
	"kSecAttrSecurityDomain": stringOrData, "kSecAttrServer": stringOrData, "kSecAttrPath": stringOrData,
	"kSecAttrApplicationTag": stringOrData, "kSecAttrApplicationLabel": stringOrData,
	"kSecAttrAccessGroup": stringOnly, "kSecAttrAccessible": stringOnly,
}

// rejectsNull reports whether securityd fails on NSNull as the key's
// value, in a query, an add and attributesToUpdate alike (query_applier
// and query_update_applier, SecDbQuery.c lines 843-847 and 886-905):
// every attribute converter but the UUID one returns NULL for it
// (SecDbItem.c lines 61-161), so query_add_attribute_with_desc fails
// (SecDbQuery.c lines 323-325); kSecValueData must be data (lines
// 752-754), a kSecReturn* value a CFBoolean (lines 630-633).
// kSecAttrAccessControl is left out: the client converts it before
// securityd sees it.
func rejectsNull(k *keychain.Key) bool {
	switch {
	case k.Name == "kSecAttrAccessControl":
		return false
	case k.Kind == keychain.KindAttr, k.Kind == keychain.KindReturn:
		return true
	}
	return k.Name == "kSecValueData"
}

// valueNoun says what securityd needs for a key's value.
func valueNoun(k *keychain.Key) string {
	switch {
	case k.Kind == keychain.KindAttr:
		return "attribute's type"
	case k.Kind == keychain.KindReturn:
		return "boolean it needs"
	case k.Name == "kSecValueData":
		return "data it needs"
	}
	return "value it needs"
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

// typeKind sorts a declared Swift type that is not data into the kinds
// literalKind uses ("a boolean", "a number", "a string") and names it
// ("a Bool", "an Int"); "" for the others (Data, unknown types).
func typeKind(t string) (kind, noun string) {
	switch t {
	case "Bool":
		return "a boolean", "a Bool"
	case "String":
		return "a string", "a String"
	case "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64":
		return "a number", "an " + t
	case "Double", "Float", "Float32", "Float64", "CGFloat":
		return "a number", "a " + t
	}
	return "", ""
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

// siteText is the source text at a site.
func siteText(s flow.Site) string {
	if s.File == nil || s.Span.Start < 0 || s.Span.End > len(s.File.Src) || s.Span.Start >= s.Span.End {
		return "the value"
	}
	return string(s.File.Src[s.Span.Start:s.Span.End])
}
