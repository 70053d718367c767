package project

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/source"
)

// mapMemo is a Memo in memory that counts what it is asked.
type mapMemo struct {
	m          map[[32]byte][]byte
	hits, puts int
}

func (m *mapMemo) Key(kind string, parts ...[]byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(kind))
	for _, p := range parts {
		h.Write([]byte{byte(len(p)), byte(len(p) >> 8), byte(len(p) >> 16), 0})
		h.Write(p)
	}
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k
}

func (m *mapMemo) Get(k [32]byte) []byte {
	if b, ok := m.m[k]; ok {
		m.hits++
		return b
	}
	return nil
}

func (m *mapMemo) Put(k [32]byte, b []byte) bool {
	m.m[k] = append([]byte(nil), b...)
	m.puts++
	return true
}

// plain is a unit with its globs as their expressions and an empty file
// set as none, without globs, for comparing units rebuilt from the memo with parsed ones.
func plain(units []*unit) []unit {
	var out []unit
	for _, u := range units {
		c := *u
		if len(c.files) == 0 {
			c.files = nil
		}
		c.globs, c.excludeGlobs = nil, nil // compared by globStrings
		out = append(out, c)
	}
	return out
}

func globStrings(units []*unit) [][]string {
	var out [][]string
	for _, u := range units {
		var s []string
		for _, g := range append(append([]*glob(nil), u.globs...), u.excludeGlobs...) {
			s = append(s, g.re.String())
		}
		out = append(out, s)
	}
	return out
}

// A warm discovery gives the same units as parsing, parses nothing, and a
// changed file that a target only names (an entitlements file) is read
// again.
func TestDiscoverMemo(t *testing.T) {
	ctx := context.Background()
	roots := []string{"testdata"}
	want := Discover(ctx, roots, source.Options{})
	memo := &mapMemo{m: map[[32]byte][]byte{}}
	cold := DiscoverWith(ctx, roots, source.Options{}, memo)
	if memo.puts == 0 || memo.puts != len(cold.Read) {
		t.Fatalf("cold: %d entries written for %d project files read", memo.puts, len(cold.Read))
	}
	puts := memo.puts
	warm := DiscoverWith(ctx, roots, source.Options{}, memo)
	if memo.puts != puts || memo.hits != len(warm.Read) {
		t.Errorf("warm: %d more entries written, %d hits for %d project files", memo.puts-puts, memo.hits, len(warm.Read))
	}
	for name, got := range map[string]*Set{"cold": cold, "warm": warm} {
		if !reflect.DeepEqual(plain(got.units), plain(want.units)) || !reflect.DeepEqual(globStrings(got.units), globStrings(want.units)) {
			t.Errorf("%s: units differ from a discovery without the memo", name)
		}
		if !reflect.DeepEqual(got.Read, want.Read) || !reflect.DeepEqual(got.Skipped, want.Skipped) {
			t.Errorf("%s: read %v skipped %v, want %v %v", name, got.Read, got.Skipped, want.Read, want.Skipped)
		}
	}

	// An entitlements file the Xcode project names changes: that
	// project's entry no longer holds, the others do.
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "e2e", "xcode-ent"))); err != nil {
		t.Fatal(err)
	}
	roots = []string{dir}
	first := DiscoverWith(ctx, roots, source.Options{}, memo)
	ent := filepath.Join(dir, "App", "Vault.entitlements")
	old, err := os.ReadFile(ent)
	if err != nil {
		t.Fatal(err)
	}
	changed := []byte(string(old[:len(old)-len("</dict>\n</plist>\n")]) + "<key>com.apple.security.application-groups</key><array><string>group.changed</string></array>\n</dict>\n</plist>\n")
	if err := os.WriteFile(ent, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	puts = memo.puts
	second := DiscoverWith(ctx, roots, source.Options{}, memo)
	if memo.puts != puts+1 {
		t.Errorf("changed entitlements: %d entries rewritten, want 1", memo.puts-puts)
	}
	fresh := Discover(ctx, roots, source.Options{})
	if !reflect.DeepEqual(plain(second.units), plain(fresh.units)) {
		t.Error("after the change the memo's units differ from a fresh discovery")
	}
	if reflect.DeepEqual(plain(second.units), plain(first.units)) {
		t.Error("the entitlements change did not reach the units (the test edits nothing that matters)")
	}
}
