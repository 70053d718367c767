package driver

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"weak"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Round 1 keeps nothing of the sources it does not parse: between the
// rounds no such file's bytes are reachable, and round 2 reads again only
// the helper it parses.
func TestPrefilterHoldsNoSourceBetweenRounds(t *testing.T) {
	files := map[string]string{
		"Store.swift": `import Security

func remove(_ a: String) -> OSStatus {
    SecItemDelete(query(a) as CFDictionary)
}
`,
		// A helper: round 2 parses it.
		"Query.swift": `import Foundation

func query(_ a: String) -> [String: Any] {
    ["class": "genp", "acct": a]
}
`,
	}
	// Files without keychain code, large enough not to share memory
	// blocks with other objects.
	for i := range 40 {
		files[fmt.Sprintf("View%d.swift", i)] = strings.Repeat(fmt.Sprintf("func render%d() { let query = data.count; print(query) }\n", i), 60)
	}

	var mu sync.Mutex
	reads := map[string]int{}
	var first []weak.Pointer[byte] // the first read of each file round 1 does not parse
	oldRead, oldHook := readFile, betweenRounds
	t.Cleanup(func() { readFile, betweenRounds = oldRead, oldHook })
	readFile = func(f source.File, _ source.Options) ([]byte, error) {
		src := []byte(files[f.Path])
		mu.Lock()
		defer mu.Unlock()
		reads[f.Path]++
		if reads[f.Path] == 1 && !source.MayHaveKeychainCode(src) {
			first = append(first, weak.Make(&src[0]))
		}
		return src, nil
	}
	alive := -1
	betweenRounds = func() {
		runtime.GC()
		alive = 0
		for _, p := range first {
			if p.Value() != nil {
				alive++
			}
		}
	}

	var inputs []Input
	for p := range files {
		inputs = append(inputs, Input{File: source.File{Path: p, Lang: model.LangForPath(p)}})
	}
	slices.SortFunc(inputs, func(a, b Input) int { return strings.Compare(a.File.Path, b.File.Path) })
	res, err := Run(context.Background(), inputs, Config{})
	if err != nil {
		t.Fatal(err)
	}

	if len(first) != len(files)-1 {
		t.Fatalf("%d files read and not parsed by round 1, want %d", len(first), len(files)-1)
	}
	if alive != 0 {
		t.Errorf("between the rounds the sources of %d of the %d files round 1 did not parse are still reachable, want none", alive, len(first))
	}
	var parsed []string
	for _, f := range res.Files {
		parsed = append(parsed, f.Path)
	}
	if got, want := strings.Join(parsed, " "), "Query.swift Store.swift"; got != want {
		t.Errorf("parsed %s, want %s", got, want)
	}
	if res.Stats.FilesHelpers != 1 {
		t.Errorf("FilesHelpers = %d, want 1", res.Stats.FilesHelpers)
	}
	for p, n := range reads {
		want := 1
		if p == "Query.swift" {
			want = 2 // read by round 1, and again by round 2 to parse it
		}
		if n != want {
			t.Errorf("%s read %d times, want %d", p, n, want)
		}
	}
}

// A name set holds every identifier the token scan sees, with the union
// of how it was declared, and nothing else: mayMatch never misses a file
// match accepts.
func TestNameSetKeepsEveryName(t *testing.T) {
	src := []byte(`enum Keys { static let account = "acct" }
extension Keys { static func build() -> [String: Any] { [account: 1] } }
func query() {}
let x = query()
`)
	var b nameSetBuilder
	set := b.build(src, model.Swift)
	want := map[string]source.Decl{}
	source.ScanNames(src, model.Swift, func(name []byte, d source.Decl) bool {
		want[string(name)] |= d
		return true
	})
	if len(set) != len(want) {
		t.Errorf("set of %d names, want %d (%v)", len(set), len(want), want)
	}
	for name, d := range want {
		k := nameKey([]byte(name))
		i, found := slices.BinarySearchFunc(set, k, func(e, k uint32) int { return int(e&^declBits>>3) - int(k>>3) })
		if !found {
			t.Errorf("%s missing", name)
			continue
		}
		if got := source.Decl(set[i] & declBits); got != d {
			t.Errorf("%s: decl %b, want %b", name, got, d)
		}
	}
	// The builder is reused: the next file's set holds only its names.
	if again := b.build([]byte("let y = 1"), model.Swift); len(again) != 2 {
		t.Errorf("reused builder: %d names, want 2 (let, y)", len(again))
	}
	// Many distinct names make the table grow without losing any.
	var big strings.Builder
	keys := map[uint32]bool{nameKey([]byte("let")): true}
	for i := range 5000 {
		fmt.Fprintf(&big, "let name%d = 1\n", i)
		keys[nameKey(fmt.Appendf(nil, "name%d", i))] = true
	}
	if got := len(b.build([]byte(big.String()), model.Swift)); got != len(keys) {
		t.Errorf("%d names, want %d", got, len(keys))
	}
}
