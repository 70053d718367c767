package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInventoryGolden compares keychainlint inventory of the sample app,
// in each format, with testdata/sampleapp.inventory.FORMAT.golden.
func TestInventoryGolden(t *testing.T) {
	t.Chdir(repoRoot)
	for _, f := range []string{"text", "json", "markdown"} {
		r := runCmd(t, "inventory", "--no-cache", "--format", f, "testdata/sampleapp")
		if r.code != 0 {
			t.Errorf("--format %s: exit %d\n%s", f, r.code, r.stderr)
		}
		compareGolden(t, "sampleapp.inventory."+f+".golden", r.stdout)
	}
}

type inventoryDoc struct {
	Version int `json:"version"`
	Items   []struct {
		ID  int `json:"id"`
		Add []struct {
			Function string `json:"function"`
			File     string `json:"file"`
			Line     int    `json:"line"`
		} `json:"add"`
	} `json:"items"`
	OtherQueries []json.RawMessage `json:"otherQueries"`
}

// TestInventoryFormatsAgree: the JSON document lists the items the text
// and the Markdown table show, each with an add.
func TestInventoryFormatsAgree(t *testing.T) {
	t.Chdir(repoRoot)
	var doc inventoryDoc
	if err := json.Unmarshal([]byte(runCmd(t, "inventory", "--no-cache", "--format", "json", "testdata/sampleapp").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Items) < 10 {
		t.Fatalf("version %d, %d items", doc.Version, len(doc.Items))
	}
	text := runCmd(t, "inventory", "--no-cache", "testdata/sampleapp").stdout
	md := runCmd(t, "inventory", "--no-cache", "--format", "markdown", "testdata/sampleapp").stdout
	if n := strings.Count(text, "\nitem ") + 1; n != len(doc.Items) {
		t.Errorf("text shows %d items, JSON %d", n, len(doc.Items))
	}
	if n := strings.Count(md, "\n| ") - 2; n != len(doc.Items)+len(doc.OtherQueries)+2 {
		t.Errorf("markdown has %d rows, JSON %d items and %d queries", n, len(doc.Items), len(doc.OtherQueries))
	}
	for _, it := range doc.Items {
		if len(it.Add) == 0 || it.Add[0].Line == 0 || !strings.HasPrefix(it.Add[0].File, "testdata/sampleapp/") {
			t.Errorf("item %d: adds %+v", it.ID, it.Add)
		}
	}
}

// TestInventoryCached: a second run with the cache (the models, and a
// scan's findings, come from it) lists the same items: the collector runs
// on every run.
func TestInventoryCached(t *testing.T) {
	t.Chdir(repoRoot)
	dir := t.TempDir()
	first := runCmd(t, "inventory", "--cache-dir", dir, "--format", "json", "testdata/sampleapp")
	second := runCmd(t, "inventory", "--cache-dir", dir, "--format", "json", "testdata/sampleapp")
	if first.code != 0 || second.code != 0 || first.stdout != second.stdout || !strings.Contains(second.stdout, `"add"`) {
		t.Errorf("the cached run differs:\n%s", lineDiff(first.stdout, second.stdout))
	}
	if uncached := runCmd(t, "inventory", "--no-cache", "--format", "json", "testdata/sampleapp"); uncached.stdout != second.stdout {
		t.Errorf("the cached run differs from one without the cache:\n%s", lineDiff(uncached.stdout, second.stdout))
	}
}

// TestInventoryBadInput: usage errors exit 2 with a message; hostile and
// broken files are listed, not a crash, and their names cannot forge a
// line of the text output.
func TestInventoryBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"inventory", "--format", "sarif", "."},
		{"inventory", "--no-such-flag"},
		{"inventory", "--no-cache", filepath.Join(t.TempDir(), "missing")},
		{"inventory", "--max-file-size", "-1", "."},
		{"inventory", "--platforms", "android", "."},
	} {
		r := runCmd(t, args...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("%q: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "a\n::error file=x::y.swift")
	src := "import Security\nfunc f(_ d: Data) {\n  SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: \"x\\n##[error]\", kSecValueData as String: d] as CFDictionary, nil)\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Skip("file system rejects the name:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.m"), []byte("@implementation X\n- (void)f { SecItemAdd((__bridge CFDictionaryRef)@{ (__bridge id)kSecClass: ], NULL);"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "inventory", "--no-cache", dir)
	if r.code != 0 || !strings.Contains(r.stdout, "item 1") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, l := range strings.Split(r.stdout+r.stderr, "\n") {
		if strings.HasPrefix(l, "::") || strings.Contains(l, "##[") {
			t.Errorf("forged line %q", l)
		}
	}
}

// TestInventoryHelp: the usage names the command, and inventory -h prints
// its own usage.
func TestInventoryHelp(t *testing.T) {
	if r := runCmd(t, "help"); !strings.Contains(r.stdout, "keychainlint inventory") {
		t.Errorf("keychainlint help does not name inventory:\n%s", r.stdout)
	}
	r := runCmd(t, "inventory", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "usage: keychainlint inventory") || !strings.Contains(r.stderr, "-format") || !strings.Contains(r.stderr, "-tests") {
		t.Errorf("inventory -h: exit %d\n%s", r.code, r.stderr)
	}
}

// TestInventoryRuleFixtures runs the inventory over every rule's fixtures
// (Swift, Objective-C and C written to trip the rules: wrappers, helpers,
// #if, broken code): it must list them without a crash, as a JSON
// document that reads back, and as text whose every line is one the
// format writes.
func TestInventoryRuleFixtures(t *testing.T) {
	dir := filepath.Join(repoRoot, "rules")
	r := runCmd(t, "inventory", "--no-cache", "--tests", "--format", "json", dir)
	var doc inventoryDoc
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &doc) != nil || len(doc.Items) < 50 {
		t.Fatalf("exit %d, %d items\n%s", r.code, len(doc.Items), r.stderr)
	}
	text := runCmd(t, "inventory", "--no-cache", "--tests", dir)
	for _, l := range strings.Split(strings.TrimSuffix(text.stdout, "\n"), "\n") {
		if !(l == "" || strings.HasPrefix(l, "item ") || strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "queries ")) {
			t.Errorf("unexpected line %q", l)
		}
	}
	if n := strings.Count(text.stdout, "\nitem ") + 1; n != len(doc.Items) {
		t.Errorf("text lists %d items, JSON %d", n, len(doc.Items))
	}
}

// TestInventoryConfig: the configuration file's exclusions apply, as in
// a scan.
func TestInventoryConfig(t *testing.T) {
	dir := t.TempDir()
	add := func(account string) string {
		return "import Security\nfunc save(_ d: Data) {\n  SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: \"s\", kSecAttrAccount as String: \"" + account + "\", kSecValueData as String: d] as CFDictionary, nil)\n}\n"
	}
	for name, src := range map[string]string{
		"A/Keep.swift":      add("kept"),
		"B/Excluded.swift":  add("excluded"),
		".keychainlint.yml": "exclude: [B]\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	r := runCmd(t, "inventory", "--no-cache", ".")
	if r.code != 0 || !strings.Contains(r.stdout, `"kept"`) || strings.Contains(r.stdout, `"excluded"`) {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCmd(t, "inventory", "--no-cache", "--no-config", "."); !strings.Contains(r.stdout, `"excluded"`) {
		t.Errorf("--no-config: the exclusion still applies\n%s", r.stdout)
	}
}
