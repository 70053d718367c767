package driver_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/all"
)

// limitInDelete reports whether the scan found kSecMatchLimit in the
// delete (deletelimit's first form).
func limitInDelete(res *driver.Result) bool {
	for _, d := range res.Diagnostics {
		if d.Rule == "deletelimit" && strings.HasPrefix(d.Message, "kSecMatchLimit in a SecItemDelete") {
			return true
		}
	}
	return false
}

// The query builder reads an options struct whose limit nothing in the
// keychain file sets: known nil, the delete has no kSecMatchLimit.
const optionsKeychain = `
import Security
struct Options {
    var account: String?
    var limit: Int?
}
func query(from o: Options) -> [String: Any] {
    var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
    if let a = o.account {
        q[kSecAttrAccount as String] = a
    }
    if let limit = o.limit {
        q[kSecMatchLimit as String] = kSecMatchLimitAll
    }
    return q
}
func clear(account: String) {
    var o = Options()
    o.account = account
    SecItemDelete(query(from: o) as CFDictionary)
}
`

// A Swift file without keychain code is not parsed, but the names it
// mentions still count: one that sets the property makes it unknown
// again, and the delete may carry kSecMatchLimit.
func TestOutsideFilesMentionProperty(t *testing.T) {
	alone := run(t, map[string]string{"Keychain.swift": optionsKeychain})
	if limitInDelete(alone) {
		t.Errorf("Options.limit is never set, yet: %v", findings(alone))
	}
	withSetter := run(t, map[string]string{
		"Keychain.swift": optionsKeychain,
		"Settings.swift": "func configure(_ o: inout Options) { o.limit = 10 }\n",
	})
	if got := parsedPaths(withSetter); len(got) != 1 {
		t.Fatalf("parsed %v, want only Keychain.swift (the other file has no keychain code)", got)
	}
	if !limitInDelete(withSetter) {
		t.Errorf("Settings.swift sets Options.limit, so the delete may have kSecMatchLimit: %v", findings(withSetter))
	}
	// An Objective-C file cannot set a Swift property no attribute
	// exposes: its mention does not count.
	withObjC := run(t, map[string]string{
		"Keychain.swift": optionsKeychain,
		"Other.m":        "void f(Options *o) { o.limit = 10; }\n",
	})
	if limitInDelete(withObjC) {
		t.Errorf("an Objective-C file's mention made Options.limit unknown: %v", findings(withObjC))
	}
}

// The whole-run result cache is keyed by what the files outside the
// program say of the properties: an unparsed file that starts setting one
// changes the findings, which are then not the cached ones.
func TestOutsideMentionsKeyResultCache(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg := driver.Config{Analyzers: all.Analyzers(), Cache: c}
	quiet := map[string]string{"Keychain.swift": optionsKeychain, "Settings.swift": "func configure() {}\n"}
	first, _ := runCachedCfg(t, cfg, quiet)
	again, cached := runCachedCfg(t, cfg, quiet)
	if !cached || strings.Join(first, "\n") != strings.Join(again, "\n") {
		t.Fatalf("the same run again: cached %v, findings %v then %v", cached, first, again)
	}
	setter := map[string]string{"Keychain.swift": optionsKeychain, "Settings.swift": "func configure(_ o: inout Options) { o.limit = 10 }\n"}
	changed, cached := runCachedCfg(t, cfg, setter)
	if cached {
		t.Errorf("findings served from the cache after Settings.swift started setting Options.limit: %v", changed)
	}
	if !strings.Contains(strings.Join(changed, "\n"), "kSecMatchLimit in a SecItemDelete") {
		t.Errorf("no kSecMatchLimit finding once Settings.swift sets Options.limit: %v", changed)
	}
}

// An edit loop that starts with no files sees, like a command-line scan
// of just the files it is given, no file outside the program: the same
// findings as the scan of that one file. One over an earlier run's files
// knows nothing of the files that run did not parse: no property is
// known nil there.
func TestEditLoopOutsideMentions(t *testing.T) {
	cfg := driver.Config{Analyzers: all.Analyzers()}
	ctx := context.Background()
	loose, err := driver.NewEdit(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer loose.Close()
	ds, err := loose.Change(ctx, "Keychain.swift", []byte(optionsKeychain))
	if err != nil {
		t.Fatal(err)
	}
	if limitInDelete(&driver.Result{Diagnostics: ds}) || limitInDelete(run(t, map[string]string{"Keychain.swift": optionsKeychain})) {
		t.Errorf("a loose file's edit loop or its scan finds kSecMatchLimit in the delete: %v", ds)
	}
	res := run(t, map[string]string{"Keychain.swift": optionsKeychain})
	earlier, err := driver.NewEdit(cfg, res.Files)
	if err != nil {
		t.Fatal(err)
	}
	defer earlier.Close()
	ds, err = earlier.Findings(ctx, "Keychain.swift")
	if err != nil {
		t.Fatal(err)
	}
	if !limitInDelete(&driver.Result{Diagnostics: ds}) {
		t.Errorf("an edit loop over an earlier run's files took Options.limit for nil: %v", ds)
	}
}
