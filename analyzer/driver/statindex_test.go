package driver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// scanIndexed scans dir as the command does (walked, with the stat index of
// the scan), with the cache c (nil: none), and returns the findings and
// the parsed files.
func scanIndexed(t *testing.T, dir string, c *cache.Cache) (findings, parsed string) {
	t.Helper()
	walk := func(found func(driver.Input)) ([]driver.Input, error) {
		files, _, err := source.Walk([]string{dir}, source.Options{}, func(f source.File) { found(driver.Input{File: f}) })
		var inputs []driver.Input
		for _, f := range files {
			inputs = append(inputs, driver.Input{File: f})
		}
		return inputs, err
	}
	res, err := driver.RunWalk(context.Background(), walk, driver.Config{Analyzers: all.Analyzers(), Cache: c, StatIndex: dir})
	if err != nil {
		t.Fatal(err)
	}
	var out, names []string
	for _, d := range res.Diagnostics {
		out = append(out, fmt.Sprintf("%s:%d: %s [%s]", filepath.Base(d.Pos.Filename), d.Pos.Line, d.Message, d.Rule))
	}
	for _, f := range res.Files {
		names = append(names, filepath.Base(f.Path))
	}
	return strings.Join(out, "\n"), strings.Join(names, " ")
}

// indexFixture writes a keychain file whose query comes from a helper in
// another file (round 2 parses it) and a file without keychain code.
func indexFixture(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, "Store.swift", `import Security

func remove(_ a: String) {
    SecItemDelete(query(a) as CFDictionary)
}
`)
	write(t, dir, "Helper.swift", `import Foundation

func query(_ a: String) -> [String: Any] {
    ["class": "inet", "acct": a]
}
`)
	write(t, dir, "View.swift", `import SwiftUI

func render(_ a: String) -> String { a }
`+padding+`
`)
	write(t, dir, "Label.swift", `import SwiftUI

func label(_ a: String) -> String { a }
`+padding+`
`)
	return dir
}

// padding is a line that an edit replaces with code of the same size.
var padding = "// " + strings.Repeat("x", 100)

func write(t *testing.T, dir, name, src string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// later runs the test's scans as if a minute after the files were written,
// so that the stat index trusts their entries (see racyMargin).
func later(t *testing.T) {
	start := time.Now().Add(time.Minute)
	t.Cleanup(driver.SetClock(func() time.Time { return start }))
}

func openCache(t *testing.T) *cache.Cache {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sameAsCold checks that a warm scan of dir finds what a scan without a
// cache does.
func sameAsCold(t *testing.T, dir string, c *cache.Cache, what string) string {
	t.Helper()
	warm, wp := scanIndexed(t, dir, c)
	cold, cp := scanIndexed(t, dir, nil)
	if warm != cold || wp != cp {
		t.Errorf("%s: the warm scan parses %s and finds\n%s\nthe cold scan parses %s and finds\n%s", what, wp, warm, cp, cold)
	}
	return warm
}

// A warm scan does not read the files round 1 does not parse when their
// stat has not changed; it reads the keychain file (for its model) and the
// helper round 2 parses, and finds the same.
func TestStatIndexSkipsUnchangedFiles(t *testing.T) {
	later(t)
	dir := indexFixture(t)
	c := openCache(t)
	cold, parsed := scanIndexed(t, dir, c)
	if !strings.Contains(cold, "[deletelimit]") || parsed != "Helper.swift Store.swift" {
		t.Fatalf("fixture: parsed %s, found\n%s", parsed, cold)
	}
	counts, restore := driver.CountReads()
	defer restore()
	if warm, wp := scanIndexed(t, dir, c); warm != cold || wp != parsed {
		t.Errorf("warm scan: parsed %s, found\n%s\nwant\n%s", wp, warm, cold)
	}
	got := counts()
	if got[filepath.Join(dir, "View.swift")] != 0 || got[filepath.Join(dir, "Store.swift")] != 1 || got[filepath.Join(dir, "Helper.swift")] != 1 {
		t.Errorf("warm scan reads %v; want View.swift not read, Store.swift and Helper.swift once", got)
	}
}

// Edits that keep a file's size and put its modification time back are
// seen (the change time differs): a file that gains keychain code, and
// one that comes to define the helper keychain code needs. So are a file
// added and a file removed.
func TestStatIndexSeesEdits(t *testing.T) {
	later(t)
	dir := indexFixture(t)
	c := openCache(t)
	sameAsCold(t, dir, c, "first scan")

	edit := func(name, from, to string) {
		t.Helper()
		p := filepath.Join(dir, name)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := os.ReadFile(p)
		if len(to) > len(from) {
			t.Fatalf("edit of %s: %q is longer than %q", name, to, from)
		}
		src := strings.Replace(string(old), from, to+strings.Repeat(" ", len(from)-len(to)), 1)
		if src == string(old) {
			t.Fatalf("edit of %s changes nothing", name)
		}
		write(t, dir, name, src)
		if err := os.Chtimes(p, fi.ModTime(), fi.ModTime()); err != nil {
			t.Fatal(err)
		}
	}

	// View.swift comes to hold keychain code.
	edit("View.swift", padding, `func wipe() { SecItemDelete(query("x") as CFDictionary) }`)
	if got := sameAsCold(t, dir, c, "View.swift with keychain code"); !strings.Contains(got, "View.swift:4:") {
		t.Errorf("no finding in View.swift after the edit:\n%s", got)
	}
	// No file defines query any more: the finding in Store.swift goes.
	edit("Helper.swift", "func query(", "func qu3ry(")
	if got := sameAsCold(t, dir, c, "helper renamed"); strings.Contains(got, "[deletelimit]") {
		t.Errorf("helper renamed, still\n%s", got)
	}
	// Label.swift comes to define it: round 2 must see its new names.
	edit("Label.swift", padding, `func query(_ a: String) -> [String: Any] { ["class": "inet", "acct": a] }`)
	if got := sameAsCold(t, dir, c, "helper defined in Label.swift"); !strings.Contains(got, "Store.swift:4:") {
		t.Errorf("helper defined in Label.swift, no finding in Store.swift:\n%s", got)
	}
	// A file removed, a file added.
	if err := os.Remove(filepath.Join(dir, "Label.swift")); err != nil {
		t.Fatal(err)
	}
	sameAsCold(t, dir, c, "Label.swift removed")
	write(t, dir, "New.swift", "import Security\n\nfunc wipeAll() { SecItemDelete([kSecClass: kSecClassGenericPassword] as CFDictionary) }\n")
	sameAsCold(t, dir, c, "New.swift added")
}

// Racy clean: on a file system whose timestamps do not show an edit made
// soon after a scan (here: stats that never change), an edit of a file
// changed less than racyMargin before the scan that read it is still seen,
// because the entry of such a file is not trusted.
func TestStatIndexRacyClean(t *testing.T) {
	t.Cleanup(driver.FreezeStats())
	dir := indexFixture(t)
	c := openCache(t)
	sameAsCold(t, dir, c, "first scan")
	p := filepath.Join(dir, "View.swift")
	old, _ := os.ReadFile(p)
	to := `func wipe() { SecItemDelete(query("x") as CFDictionary) }`
	write(t, dir, "View.swift", strings.Replace(string(old), padding, to+strings.Repeat(" ", len(padding)-len(to)), 1))
	if got := sameAsCold(t, dir, c, "after a same-size edit"); !strings.Contains(got, "View.swift:4:") {
		t.Errorf("the edit of View.swift is not seen:\n%s", got)
	}
}
