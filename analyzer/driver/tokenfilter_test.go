package driver_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// substringFilter is round 1's former test: any mention of SecItem or
// kSec, also inside errSecItemNotFound or kSecret.
func substringFilter(src []byte) bool {
	return bytes.Contains(src, []byte("SecItem")) || bytes.Contains(src, []byte("kSec"))
}

// scanDir analyses every source file below dir with every rule, as the
// command does, and renders the findings one per line.
func scanDir(t *testing.T, dir string) (findings string, parsed int) {
	t.Helper()
	var inputs []driver.Input
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || model.LangForPath(p) == model.LangUnknown {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		inputs = append(inputs, driver.Input{File: source.File{Path: p, Abs: p, Lang: model.LangForPath(p)}, Src: src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	projects := project.Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	res, err := driver.Run(context.Background(), inputs, driver.Config{Analyzers: all.Analyzers(), Projects: projects})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "%s %s %s %s\n", d.Pos, d.Severity, d.Rule, d.Message)
		for _, r := range d.Related {
			fmt.Fprintf(&b, "\t%s %s\n", r.Pos, r.Message)
		}
	}
	return b.String(), res.Stats.FilesKeychain
}

// The token prefilter gives the same findings as the substring test it
// replaced on the sample app and on every rule's fixtures.
func TestTokenPrefilterSameFindings(t *testing.T) {
	dirs := []string{filepath.Join("..", "..", "testdata", "sampleapp")}
	fixtures, err := filepath.Glob(filepath.Join("..", "..", "rules", "*", "testdata"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no rule fixtures found: %v", err)
	}
	dirs = append(dirs, fixtures...)
	total := 0
	for _, dir := range dirs {
		tokens, parsedTokens := scanDir(t, dir)
		restore := driver.SetKeychainFilter(substringFilter)
		substrings, parsedSubstrings := scanDir(t, dir)
		restore()
		if tokens != substrings {
			t.Errorf("%s: findings differ\nwith the token prefilter:\n%s\nwith the substring prefilter:\n%s", dir, tokens, substrings)
		}
		if parsedTokens > parsedSubstrings {
			t.Errorf("%s: %d files parsed with the token prefilter, more than the %d with substrings", dir, parsedTokens, parsedSubstrings)
		}
		total += strings.Count(tokens, "\n")
	}
	if total < 50 {
		t.Errorf("only %d finding lines over the sample app and the fixtures: the comparison is vacuous", total)
	}
}

// A file whose only matches of the letters are errSecItemNotFound and
// kSecret is not parsed: it holds no keychain token.
func TestPrefilterSkipsLookalikes(t *testing.T) {
	res := run(t, map[string]string{
		"Store.swift": storeSwift,
		"Status.swift": `import Foundation

let kSecretLength = 32

func describe(_ status: OSStatus) -> String {
    status == errSecItemNotFound ? "missing" : "other"
}
`,
		"Settings.swift": `enum Route { case settingsDeepLinkSection }
struct SettingsDeepLinkSection {}
func trackSecondSite() {}
`,
	})
	if got, want := strings.Join(parsedPaths(res), " "), "Store.swift"; got != want {
		t.Errorf("parsed %s, want %s", got, want)
	}
}
