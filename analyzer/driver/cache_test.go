package driver_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

func runCached(t *testing.T, c *cache.Cache, files map[string]string) []string {
	t.Helper()
	out, _ := runCachedCfg(t, driver.Config{Analyzers: all.Analyzers(), Cache: c}, files)
	return out
}

// runCachedCfg runs with cfg and reports whether the findings came from
// the cache.
func runCachedCfg(t *testing.T, cfg driver.Config, files map[string]string) ([]string, bool) {
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
	res, err := driver.Run(context.Background(), inputs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d: %s [%s]", d.Pos.Filename, d.Pos.Line, d.Message, d.Rule))
	}
	return out, res.Stats.CachedResult
}

// TestCacheWholeProgram: the cache holds only per-file models, and the
// flow engine runs over all of them on every run, so editing a helper in
// one file changes the finding at its caller in another file, whose
// model comes from the cache: the caller's kSecAttrServer is wrong for
// the generic-password class the helper returns, right for internet
// passwords.
func TestCacheWholeProgram(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	helper := `import Security
func itemClass() -> CFString {
    return kSecClass%s
}
`
	caller := `import Security
func load() {
    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: "example.com"]
    SecItemCopyMatching(q as CFDictionary, nil)
}
`
	files := map[string]string{"Helper.swift": fmt.Sprintf(helper, "GenericPassword"), "Caller.swift": caller}
	cold := runCached(t, c, files)
	if len(cold) != 1 || !strings.HasPrefix(cold[0], "Caller.swift:3: kSecAttrServer is not an attribute") {
		t.Fatalf("cold run: want the unsupportedattr finding, got %q", cold)
	}
	cfg := driver.Config{Analyzers: all.Analyzers(), Cache: c}
	if warm, fromCache := runCachedCfg(t, cfg, files); strings.Join(warm, "\n") != strings.Join(cold, "\n") || !fromCache {
		t.Fatalf("warm run (findings from the cache: %v) differs:\n%q\nwant\n%q", fromCache, warm, cold)
	}
	hits, _, _ := c.Stats()
	if hits != 2 {
		t.Fatalf("warm run: %d cache hits, want 2", hits)
	}

	files["Helper.swift"] = fmt.Sprintf(helper, "InternetPassword")
	edited, fromCache := runCachedCfg(t, cfg, files)
	if h, _, _ := c.Stats(); h != 3 || fromCache {
		t.Fatalf("after the edit: %d cache hits in all, want 3 (the caller's file); findings from the cache: %v", h, fromCache)
	}
	if len(edited) != 0 {
		t.Errorf("after fixing the helper, the caller still reports it: %q", edited)
	}
	if want := runCached(t, nil, files); len(want) != 0 {
		t.Errorf("the uncached run after the edit reports %q", want)
	}
}

// TestCacheResultOptions: the cached findings of a run are not reused by a
// run with another platform scope or another set of rules.
func TestCacheResultOptions(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"Sources/Store.swift": `import Security
func wipe() {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecMatchLimit as String: kSecMatchLimitAll]
    SecItemDelete(q as CFDictionary)
}
`}
	all := all.Analyzers()
	runs := []driver.Config{
		{Analyzers: all, Cache: c},
		{Analyzers: all, Cache: c, Platforms: model.MacOS},
		{Analyzers: all[:1], Cache: c},
	}
	for i, cfg := range runs {
		got, fromCache := runCachedCfg(t, cfg, files)
		if fromCache {
			t.Errorf("run %d reused the findings of another configuration", i)
		}
		cfg.Cache = nil
		if want, _ := runCachedCfg(t, cfg, files); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("run %d: %q, uncached %q", i, got, want)
		}
		cfg.Cache = c
		if again, fromCache := runCachedCfg(t, cfg, files); !fromCache || strings.Join(again, "\n") != strings.Join(got, "\n") {
			t.Errorf("run %d again: from the cache %v, %q", i, fromCache, again)
		}
	}
}

// TestCacheDeferredFunctions: a run whose findings come from the cache
// with FindingsOnly decodes the functions only of the files a finding
// names; without it, of every file; and when the findings must be
// computed again (one file edited), the models from the cache are
// complete before the flow engine reads them: the finding in the
// unedited caller is still there.
func TestCacheDeferredFunctions(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"Helper.swift": "import Security\nfunc itemClass() -> CFString {\n    return kSecClassGenericPassword\n}\n",
		"Caller.swift": "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n",
		"Other.swift":  "import Security\nfunc wipe() {\n    SecItemDelete([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\", kSecAttrAccount as String: \"a\"] as CFDictionary)\n}\n",
	}
	var platforms model.Platform
	run := func(findingsOnly bool) (*driver.Result, []string) {
		t.Helper()
		var inputs []driver.Input
		for _, p := range []string{"Caller.swift", "Helper.swift", "Other.swift"} {
			inputs = append(inputs, driver.Input{File: source.File{Path: p, Lang: model.Swift}, Src: []byte(files[p])})
		}
		res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers(), Cache: c, FindingsOnly: findingsOnly, Platforms: platforms})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range res.Diagnostics {
			out = append(out, fmt.Sprintf("%s:%d [%s]", d.Pos.Filename, d.Pos.Line, d.Rule))
		}
		return res, out
	}
	funcs := func(res *driver.Result) map[string]int {
		m := map[string]int{}
		for _, f := range res.Files {
			m[f.Path] = len(f.Funcs)
		}
		return m
	}
	_, cold := run(true)
	if strings.Join(cold, ",") != "Caller.swift:3 [unsupportedattr]" {
		t.Fatalf("cold: %q", cold)
	}
	res, warm := run(true)
	if !res.Stats.CachedResult || strings.Join(warm, ",") != strings.Join(cold, ",") {
		t.Fatalf("warm: from the cache %v, %q", res.Stats.CachedResult, warm)
	}
	if got := funcs(res); got["Caller.swift"] != 1 || got["Helper.swift"] != 0 || got["Other.swift"] != 0 {
		t.Errorf("FindingsOnly warm run: functions per file %v, want only the caller's", got)
	}
	res, _ = run(false)
	if got := funcs(res); !res.Stats.CachedResult || got["Caller.swift"] != 1 || got["Helper.swift"] != 1 || got["Other.swift"] != 1 {
		t.Errorf("warm run without FindingsOnly: functions per file %v (from the cache %v), want all", got, res.Stats.CachedResult)
	}

	// Another platform scope: the findings are computed again from the
	// cached models (the helper names, which do not depend on it, come
	// from the cache too).
	platforms = model.IOS
	res, ios := run(true)
	if res.Stats.CachedResult || strings.Join(ios, ",") != strings.Join(cold, ",") {
		t.Errorf("iOS only: from the cache %v, %q, want %q", res.Stats.CachedResult, ios, cold)
	}
	// The caller's entry loses the end of its functions' part: the head
	// decodes, the functions do not, and the file is parsed again.
	sum := sha256.Sum256([]byte(files["Caller.swift"]))
	k := c.Key("model", cache.SchemaHash(), []byte("Caller.swift"), sum[:])
	entry := c.Get(k)
	if entry == nil || !c.Put(k, entry[:len(entry)-2]) {
		t.Fatal("the caller's model entry is not where the test expects it")
	}
	platforms = model.MacOS
	if res, mac := run(true); res.Stats.CachedResult || strings.Join(mac, ",") != strings.Join(cold, ",") {
		t.Errorf("with a corrupt entry: from the cache %v, %q, want %q", res.Stats.CachedResult, mac, cold)
	}
	if again := c.Get(k); len(again) != len(entry) {
		t.Errorf("the corrupt entry was not rewritten (%d bytes, was %d)", len(again), len(entry))
	}
	platforms = 0
	files["Helper.swift"] += "// edited\n"
	res, edited := run(true)
	if res.Stats.CachedResult || strings.Join(edited, ",") != strings.Join(cold, ",") {
		t.Errorf("after an edit that changes nothing: from the cache %v, %q, want %q", res.Stats.CachedResult, edited, cold)
	}
}
