package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docsDir is docs/rules, relative to this package's directory.
var docsDir = filepath.Join("..", "..", "docs", "rules")

// TestPagesUpToDate fails when docs/rules is stale: a rule's doc.go
// changed, a rule was added or removed, without `go generate ./rules/all`.
func TestPagesUpToDate(t *testing.T) {
	want := pages()
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%v: run go generate ./rules/all", err)
			continue
		}
		if string(got) != text {
			t.Errorf("docs/rules/%s is stale: run go generate ./rules/all", name)
		}
	}
	files, err := filepath.Glob(filepath.Join(docsDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("docs/rules/%s documents no rule: run go generate ./rules/all (or remove it)", filepath.Base(f))
		}
	}
}

// TestWrite checks that the generator writes the pages and removes only
// generated pages of rules that are gone.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "norule.md")
	mine := filepath.Join(dir, "notes.md")
	os.WriteFile(stale, []byte("<!-- Code generated ... DO NOT EDIT. -->\n"), 0o644)
	os.WriteFile(mine, []byte("hand-written\n"), 0o644)
	if err := write(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the generated page of a rule that does not exist was kept")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a hand-written file was removed: %v", err)
	}
	for name, text := range pages() {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != text {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "unsupportedattr.md"))
	for _, want := range []string{"# unsupportedattr", "```swift", "`kSecAttrService`", "errSecNoSuchAttr", "keychainlint:ignore unsupportedattr --"} {
		if !strings.Contains(string(got), want) {
			t.Errorf("unsupportedattr.md does not contain %q:\n%s", want, got)
		}
	}
}
