package driver_test

import (
	"context"
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
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var inputs []driver.Input
	for _, p := range paths {
		inputs = append(inputs, driver.Input{File: source.File{Path: p, Lang: model.LangForPath(p)}, Src: []byte(files[p])})
	}
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers(), Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d: %s [%s]", d.Pos.Filename, d.Pos.Line, d.Message, d.Rule))
	}
	return out
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
	if warm := runCached(t, c, files); strings.Join(warm, "\n") != strings.Join(cold, "\n") {
		t.Fatalf("warm run differs:\n%q\nwant\n%q", warm, cold)
	}
	hits, _, _ := c.Stats()
	if hits != 2 {
		t.Fatalf("warm run: %d cache hits, want 2", hits)
	}

	files["Helper.swift"] = fmt.Sprintf(helper, "InternetPassword")
	edited := runCached(t, c, files)
	if h, _, _ := c.Stats(); h != 3 {
		t.Fatalf("after the edit: %d cache hits in all, want 3 (the caller's file)", h)
	}
	if len(edited) != 0 {
		t.Errorf("after fixing the helper, the caller still reports it: %q", edited)
	}
	if want := runCached(t, nil, files); len(want) != 0 {
		t.Errorf("the uncached run after the edit reports %q", want)
	}
}
