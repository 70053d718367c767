package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

var testTool = [32]byte{1, 2, 3}

func sample(t *testing.T) (string, []byte, *model.File) {
	t.Helper()
	p := swiftparse.NewParser()
	defer p.Close()
	path := "../../testdata/sampleapp/Sources/PasswordVault.swift"
	f := parseFile(t, p, path)
	return path, f.Src, f
}

func entries(t *testing.T, c *Cache) []string {
	t.Helper()
	ents, err := os.ReadDir(c.dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, filepath.Join(c.dir, e.Name()))
	}
	return out
}

func TestStoreLoad(t *testing.T) {
	c, err := openWith(t.TempDir(), testTool)
	if err != nil {
		t.Fatal(err)
	}
	path, src, f := sample(t)
	if c.Load(path, src) != nil {
		t.Fatal("an empty cache returned a model")
	}
	c.Store(path, src, f)
	g := c.Load(path, src)
	if g == nil || !reflect.DeepEqual(f, g) {
		t.Fatal("the stored model did not come back equal")
	}
	// Another content, path or binary is another key.
	if c.Load(path, append(bytes.Clone(src), ' ')) != nil || c.Load("other.swift", src) != nil {
		t.Error("a changed file or another path hit the entry")
	}
	other, _ := openWith(filepath.Dir(c.dir), [32]byte{9})
	if other.Load(path, src) != nil {
		t.Error("another build read this build's entry")
	}
	if h, m, w := c.Stats(); h != 1 || m != 3 || w != 1 {
		t.Errorf("stats: %d hits, %d misses, %d writes; want 1, 3, 1", h, m, w)
	}
	var nilCache *Cache
	nilCache.Store(path, src, f)
	if nilCache.Load(path, src) != nil {
		t.Error("a nil cache loaded a model")
	}
}

// TestCorruptEntriesIgnored: a truncated, overwritten, foreign-format or
// misplaced entry is a miss, and the next Store replaces it.
func TestCorruptEntriesIgnored(t *testing.T) {
	path, src, f := sample(t)
	good := func(c *Cache) []byte {
		c.Store(path, src, f)
		b, err := os.ReadFile(c.entryPath(c.key(path, src)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := map[string]func(b []byte, c *Cache) []byte{
		"truncated":    func(b []byte, _ *Cache) []byte { return b[:len(b)/2] },
		"empty":        func([]byte, *Cache) []byte { return nil },
		"garbage":      func(b []byte, _ *Cache) []byte { return bytes.Repeat([]byte{0x5a}, len(b)) },
		"flipped byte": func(b []byte, _ *Cache) []byte { b = bytes.Clone(b); b[len(b)/2] ^= 1; return b },
		"old format": func(b []byte, _ *Cache) []byte {
			b = bytes.Clone(b)
			b[len(magic)-1]++
			return b
		},
		"another file's entry": func(_ []byte, c *Cache) []byte {
			c.Store("x.swift", src, f)
			b, _ := os.ReadFile(c.entryPath(c.key("x.swift", src)))
			return b
		},
	}
	for name, corrupt := range cases {
		t.Run(name, func(t *testing.T) {
			c, _ := openWith(t.TempDir(), testTool)
			b := good(c)
			ep := c.entryPath(c.key(path, src))
			if err := os.WriteFile(ep, corrupt(b, c), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.Load(path, src) != nil {
				t.Fatal("a corrupt entry was trusted")
			}
			c.Store(path, src, f)
			if g := c.Load(path, src); g == nil || !reflect.DeepEqual(f, g) {
				t.Fatal("the corrupt entry was not rewritten")
			}
		})
	}
}

// TestConcurrentWriters: goroutines that store and load one entry at the
// same time (as concurrent runs do) only ever see no model or the right
// one, and leave no temporary file behind.
func TestConcurrentWriters(t *testing.T) {
	root := t.TempDir()
	path, src, f := sample(t)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := openWith(root, testTool)
			if err != nil {
				t.Error(err)
				return
			}
			for i := 0; i < 20; i++ {
				if g := c.Load(path, src); g != nil && !reflect.DeepEqual(f, g) {
					t.Error("a concurrent load returned a wrong model")
				}
				c.Store(path, src, f)
				if err := c.Err(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	c, _ := openWith(root, testTool)
	if got := entries(t, c); len(got) != 1 {
		t.Errorf("cache holds %v, want one entry", got)
	}
}

// TestUnwritable: when entries cannot be written, Store records the error
// and the cache keeps working as a miss.
func TestUnwritable(t *testing.T) {
	root := t.TempDir()
	c, err := openWith(root, testTool)
	if err != nil {
		t.Fatal(err)
	}
	// Replace the entry directory by a file: even root cannot create a
	// file below it.
	os.RemoveAll(c.dir)
	os.WriteFile(c.dir, []byte("x"), 0o644)
	path, src, f := sample(t)
	c.Store(path, src, f)
	if c.Err() == nil {
		t.Fatal("a failed write was not reported")
	}
	if c.Load(path, src) != nil {
		t.Fatal("loaded from an unwritable cache")
	}
	if _, err := openWith(c.dir, testTool); err == nil {
		t.Error("opening a cache below a file succeeded")
	}
}

func TestPrune(t *testing.T) {
	c, _ := openWith(t.TempDir(), testTool)
	path, src, f := sample(t)
	now := time.Now()
	var paths []string
	for i, age := range []time.Duration{40 * 24 * time.Hour, 3 * time.Hour, 2 * time.Hour, time.Minute} {
		p := path + string(rune('a'+i))
		c.Store(p, src, f)
		ep := c.entryPath(c.key(p, src))
		os.Chtimes(ep, now.Add(-age), now.Add(-age))
		paths = append(paths, ep)
	}
	foreign := filepath.Join(c.dir, "README")
	os.WriteFile(foreign, []byte("not an entry"), 0o644)
	staleTmp := filepath.Join(c.dir, tmpPrefix+"123")
	os.WriteFile(staleTmp, []byte("x"), 0o644)
	os.Chtimes(staleTmp, now.Add(-2*time.Hour), now.Add(-2*time.Hour))

	st, _ := os.Stat(paths[1])
	c.Prune(now, MaxAge, 2*st.Size()) // room for two entries
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	want := []bool{false, false, true, true} // too old; oldest beyond the size cap; kept
	for i, p := range paths {
		if exists(p) != want[i] {
			t.Errorf("entry %d: exists %v, want %v", i, exists(p), want[i])
		}
	}
	if !exists(foreign) || exists(staleTmp) {
		t.Errorf("foreign file kept %v (want true), stale temp kept %v (want false)", exists(foreign), exists(staleTmp))
	}
}

// TestPruneIfDue prunes at most once a day.
func TestPruneIfDue(t *testing.T) {
	c, _ := openWith(t.TempDir(), testTool)
	path, src, f := sample(t)
	c.Store(path, src, f)
	ep := c.entryPath(c.key(path, src))
	old := time.Now().Add(-2 * MaxAge)
	os.Chtimes(ep, old, old)
	os.WriteFile(filepath.Join(c.dir, stampName), nil, 0o644) // pruned just now
	c.PruneIfDue()
	if _, err := os.Stat(ep); err != nil {
		t.Fatal("pruned although the last prune was recent")
	}
	os.Chtimes(filepath.Join(c.dir, stampName), old, old)
	c.PruneIfDue()
	if _, err := os.Stat(ep); err == nil {
		t.Fatal("not pruned although the last prune was long ago")
	}
}

// TestLoadRefreshesOldEntries: a hit marks an entry used, so pruning by
// age removes only entries no run needed.
func TestLoadRefreshesOldEntries(t *testing.T) {
	c, _ := openWith(t.TempDir(), testTool)
	path, src, f := sample(t)
	c.Store(path, src, f)
	ep := c.entryPath(c.key(path, src))
	old := time.Now().Add(-10 * 24 * time.Hour)
	os.Chtimes(ep, old, old)
	if c.Load(path, src) == nil {
		t.Fatal("miss")
	}
	st, _ := os.Stat(ep)
	if time.Since(st.ModTime()) > time.Hour {
		t.Error("a hit did not refresh the entry's time")
	}
}

func TestToolID(t *testing.T) {
	a, err := toolID()
	if err != nil || a == ([32]byte{}) {
		t.Fatalf("toolID: %x, %v", a, err)
	}
	if c, err := Open(t.TempDir()); err != nil || c.tool != a {
		t.Fatalf("Open: %v", err)
	}
}

// LoadDeferred gives the file without its functions, and the functions
// when asked; a corrupt second part is reported by rest, never trusted.
func TestLoadDeferred(t *testing.T) {
	c, err := openWith(t.TempDir(), testTool)
	if err != nil {
		t.Fatal(err)
	}
	path, src, f := sample(t)
	if len(f.Funcs) == 0 {
		t.Fatal("the sample has no functions: the test shows nothing")
	}
	c.Store(path, src, f)
	g, rest := c.LoadDeferred(path, src)
	if g == nil || g.Funcs != nil || !reflect.DeepEqual(g.Comments, f.Comments) || !reflect.DeepEqual(g.Errors, f.Errors) {
		t.Fatalf("deferred: %+v", g)
	}
	if !rest() || !reflect.DeepEqual(f, g) {
		t.Fatal("after rest the model is not the stored one")
	}
	for _, fn := range g.Funcs {
		if fn.File != g {
			t.Fatalf("%s: Func.File is not the decoded file", fn.Name)
		}
	}

	// Cut the functions' part short and seal the entry again: the head
	// decodes, the rest does not.
	data, err := encodeFile(f)
	if err != nil {
		t.Fatal(err)
	}
	k := c.key(path, src)
	if !c.Put(k, data[:len(data)-3]) {
		t.Fatal("put")
	}
	if g, rest := c.LoadDeferred(path, src); g == nil || rest() {
		t.Error("a cut second part was trusted (or the head did not decode)")
	}
}
