package driver

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Round 2's needles come from the cache on a second run over the same
// round-1 files, equal to those collected; a changed file collects them
// again; a corrupt entry is not trusted.
func TestHelperNamesCached(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "sampleapp", "Sources", "*.swift"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample sources: %v", err)
	}
	var files []*model.File
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := swiftparse.ParseFile(p, src)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	want := collectHelperNames(files)
	if want.empty() {
		t.Fatal("the sample app needs no helper names: the test shows nothing")
	}
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Cache: c}
	collected := 0
	collectNames = func(fs []*model.File) *helperNames { collected++; return collectHelperNames(fs) }
	defer func() { collectNames = collectHelperNames }()
	if got := helperNamesOf(cfg, files, func() {}); describeNames(got) != describeNames(want) || collected != 1 {
		t.Fatalf("first run: %d collections, needles:\n%s\nwant:\n%s", collected, describeNames(got), describeNames(want))
	}
	if got := helperNamesOf(cfg, files, func() {}); describeNames(got) != describeNames(want) || collected != 1 {
		t.Fatalf("second run: %d collections (want the cache's, none), needles:\n%s\nwant:\n%s", collected, describeNames(got), describeNames(want))
	}
	// Another content for one file: a new key, collected again.
	edited := *files[0]
	edited.Src = append(append([]byte(nil), files[0].Src...), "\n// edited\n"...)
	helperNamesOf(cfg, append([]*model.File{&edited}, files[1:]...), func() {})
	if collected != 2 {
		t.Fatalf("after an edit: %d collections, want 2", collected)
	}
	for name, data := range map[string][]byte{"not gob": []byte("garbage"), "index out of the table": func() []byte {
		h := cachedNames{Idx: map[string]int{"a": 0}, Needles: []cachedNeedle{{Name: 5, Owner: -1}}}
		return encodeNamesForTest(t, h)
	}()} {
		if _, ok := decodeNames(data); ok {
			t.Errorf("%s: decoded, want refused", name)
		}
	}
}

func encodeNamesForTest(t *testing.T, c cachedNames) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// describeNames renders the needles by name, in a fixed order (the
// collection's order follows a map's).
func describeNames(h *helperNames) string {
	name := make([]string, len(h.idx))
	for s, i := range h.idx {
		name[i] = s
	}
	var lines []string
	for _, n := range h.needles {
		owner := ""
		if n.owner >= 0 {
			owner = name[n.owner]
		}
		lines = append(lines, fmt.Sprintf("%s.%s %d %d", owner, name[n.name], n.decl, n.in))
	}
	for s, in := range h.direct {
		lines = append(lines, fmt.Sprintf("direct %s %d", s, in))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
