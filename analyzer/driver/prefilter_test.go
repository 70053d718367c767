package driver_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/analyzer/suppress"
	"github.com/keychainlint/keychainlint/rules/all"
)

// run scans in-memory files (path → source) with every rule.
func run(t *testing.T, files map[string]string) *driver.Result {
	t.Helper()
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var inputs []driver.Input
	for _, p := range paths {
		inputs = append(inputs, driver.Input{File: source.File{Path: p, Lang: model.LangForPath(p)}, Src: []byte(files[p])})
	}
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers()})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func parsedPaths(res *driver.Result) []string {
	var out []string
	for _, f := range res.Files {
		out = append(out, f.Path)
	}
	return out
}

// findings lists "rule file" for each diagnostic.
func findings(res *driver.Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, d.Rule+" "+d.Pos.Filename)
	}
	return out
}

func hasFinding(res *driver.Result, rule, file string) bool {
	for _, d := range res.Diagnostics {
		if d.Rule == rule && d.Pos.Filename == file {
			return true
		}
	}
	return false
}

const (
	keysSwift = `import Security

enum Keys {
    static let klass = kSecClass as String
    static let service = kSecAttrService as String
    static let internetPassword = kSecClassInternetPassword as String
}
`
	// queryBuilderSwift mentions neither SecItem nor kSec: it builds the
	// query only through the aliases of Keys.swift.
	queryBuilderSwift = `import Foundation

func query(_ a: String) -> [String: Any] {
    [Keys.klass: Keys.internetPassword, Keys.service: a]
}
`
	storeSwift = `import Security

func remove(_ a: String) -> OSStatus {
    SecItemDelete(query(a) as CFDictionary)
}
`
	// unrelatedSwift declares nothing keychain code uses.
	unrelatedSwift = `import UIKit

final class ViewController: UIViewController {
    let data = [1, 2, 3]
    func render() { let query = data.count; print(query) }
}
`
)

// A helper that builds the query only through aliases defined in a
// keychain file is parsed, so the mistake it makes (kSecAttrService on an
// internet password) is found; an unrelated file is not parsed.
func TestPrefilterParsesAliasHelpers(t *testing.T) {
	res := run(t, map[string]string{
		"Keys.swift":           keysSwift,
		"KeychainQuery.swift":  queryBuilderSwift,
		"Store.swift":          storeSwift,
		"ViewController.swift": unrelatedSwift,
	})
	if got, want := strings.Join(parsedPaths(res), " "), "KeychainQuery.swift Keys.swift Store.swift"; got != want {
		t.Errorf("parsed %s, want %s", got, want)
	}
	if res.Stats.FilesHelpers != 1 || res.Stats.FilesKeychain != 3 {
		t.Errorf("FilesHelpers = %d, FilesKeychain = %d, want 1 and 3", res.Stats.FilesHelpers, res.Stats.FilesKeychain)
	}
	if !hasFinding(res, "unsupportedattr", "KeychainQuery.swift") || !hasFinding(res, "deletelimit", "Store.swift") {
		t.Errorf("want unsupportedattr in KeychainQuery.swift and deletelimit in Store.swift; got %v", findings(res))
	}
}

// The Objective-C twin: constants defined in a keychain file as aliases
// of Security constants, used by a query function in a file that
// mentions no kSec constant, called by the keychain code.
func TestPrefilterParsesAliasHelpersObjC(t *testing.T) {
	res := run(t, map[string]string{
		"Keys.m": `#import <Security/Security.h>
NSString *const MyClassKey = (__bridge NSString *)kSecClass;
NSString *const MyServiceKey = (__bridge NSString *)kSecAttrService;
NSString *const MyInternetPassword = (__bridge NSString *)kSecClassInternetPassword;
`,
		"Keys.h": `extern NSString *const MyClassKey;
extern NSString *const MyServiceKey;
extern NSString *const MyInternetPassword;
`,
		"Query.m": `#import "Keys.h"
NSDictionary *MyQuery(NSString *service) {
    return @{MyClassKey: MyInternetPassword, MyServiceKey: service};
}
`,
		"Store.m": `#import <Security/Security.h>
OSStatus MyRemove(NSString *service) {
    return SecItemDelete((__bridge CFDictionaryRef)MyQuery(service));
}
`,
		"View.m": `@implementation View
- (void)layout { NSDictionary *d = @{@"a": @1}; [self apply:d]; }
@end
`,
	})
	got := strings.Join(parsedPaths(res), " ")
	if !strings.Contains(got, "Query.m") || strings.Contains(got, "View.m") {
		t.Errorf("parsed %s, want Query.m and not View.m", got)
	}
	if !hasFinding(res, "unsupportedattr", "Query.m") {
		t.Errorf("no unsupportedattr finding in Query.m; got %v", findings(res))
	}
}

// A wrapper that keychain code calls (secretive's KeychainDictionary(_:))
// and an extension on CFString used on a Security constant are parsed.
func TestPrefilterParsesCalledWrappers(t *testing.T) {
	res := run(t, map[string]string{
		"KeychainTypes.swift": `import Foundation

public func KeychainDictionary(_ dictionary: [CFString: Any]) -> CFDictionary {
    dictionary as CFDictionary
}
`,
		"CFString+String.swift": `import Foundation

extension CFString {
    var stringValue: String { self as String }
}
`,
		"Store.swift": `import Security

func remove(_ a: String) {
    let q = KeychainDictionary([kSecClass: kSecClassInternetPassword, kSecAttrAccount: a])
    SecItemDelete(q)
    let r: [String: Any] = [kSecClass.stringValue: kSecClassGenericPassword, kSecAttrAccount.stringValue: a]
    SecItemDelete(r as CFDictionary)
}
`,
		"Other.swift": `import Foundation

extension String {
    var stringValue: String { self }
}

func KeychainDictionaryCount() -> Int { 0 }
`,
	})
	if got, want := strings.Join(parsedPaths(res), " "), "CFString+String.swift KeychainTypes.swift Store.swift"; got != want {
		t.Errorf("parsed %s, want %s", got, want)
	}
	// Through the wrapper the delete's query is known: account only, for
	// an internet password.
	if !hasFinding(res, "deletelimit", "Store.swift") {
		t.Errorf("no deletelimit finding in Store.swift; got %v", findings(res))
	}
}

// A file that declares a name keychain code uses is parsed even when it is
// another function of that name; it adds no finding.
func TestPrefilterUnrelatedNamesakeNoFinding(t *testing.T) {
	res := run(t, map[string]string{
		"Store.swift": storeSwift,
		"Search.swift": `import Foundation

func query(_ text: String) -> [String: Any] {
    ["q": text, "limit": 10]
}
`,
	})
	if res.Stats.FilesHelpers != 1 {
		t.Errorf("FilesHelpers = %d, want 1 (Search.swift declares query(_:))", res.Stats.FilesHelpers)
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("findings %v, want none", findings(res))
	}
}

// Round 2 is one round: a helper of a helper is not looked for, whatever
// the chain.
func TestPrefilterOneExtraRound(t *testing.T) {
	res := run(t, map[string]string{
		"Store.swift": `import Security

func remove(_ a: String) {
    SecItemDelete(level1(a) as CFDictionary)
}
`,
		"Level1.swift": `func level1(_ a: String) -> [String: Any] { level2(a) }
`,
		"Level2.swift": `func level2(_ a: String) -> [String: Any] { level3(a) }
`,
		"Level3.swift": `func level3(_ a: String) -> [String: Any] { ["acct": a] }
`,
	})
	if got, want := strings.Join(parsedPaths(res), " "), "Level1.swift Store.swift"; got != want {
		t.Errorf("parsed %s, want %s (one extra round)", got, want)
	}
}

// Suppressions in a round-2 file apply to the findings reported there,
// as in any parsed file.
func TestPrefilterHelperSuppressions(t *testing.T) {
	res := run(t, map[string]string{
		"Keys.swift": keysSwift,
		"KeychainQuery.swift": `import Foundation

func query(_ a: String) -> [String: Any] {
    // keychainlint:ignore unsupportedattr -- legacy items, see #12
    [Keys.klass: Keys.internetPassword, Keys.service: a]
}
`,
		"Store.swift": storeSwift,
	})
	out := suppress.Apply(res.Files, res.Diagnostics, suppress.Options{Known: func(rule string) bool { _, ok := all.Lookup(rule); return ok }})
	var kept []string
	for _, d := range out.Kept {
		kept = append(kept, d.Rule+" "+d.Pos.Filename)
	}
	// The delete in Store.swift stays reported: the helper's dictionary
	// names no item (deletelimit), which only its parse shows.
	if len(out.Suppressed) != 1 || out.Suppressed[0].Diagnostic.Rule != "unsupportedattr" || strings.Join(kept, ",") != "deletelimit Store.swift" {
		t.Errorf("suppressed %d, kept %v; want unsupportedattr suppressed in KeychainQuery.swift and deletelimit kept in Store.swift", len(out.Suppressed), kept)
	}
}
