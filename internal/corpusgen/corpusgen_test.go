package corpusgen_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/internal/corpusgen"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// readCorpus returns the files below dir by slash-separated relative path.
func readCorpus(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = src
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestCorpusGenerates(t *testing.T) {
	const n = 200
	dir := t.TempDir()
	total, err := corpusgen.Generate(dir, n, 42)
	if err != nil {
		t.Fatal(err)
	}
	files := readCorpus(t, dir)
	if len(files) != n {
		t.Fatalf("%d files written, want %d", len(files), n)
	}

	var sum int64
	langs := map[string]int{}
	keychain := 0
	for path, src := range files {
		sum += int64(len(src))
		langs[filepath.Ext(path)]++
		if source.MayHaveKeychainCode(src) {
			keychain++
		}
		if len(src) < corpusgen.MinSize || len(src) > corpusgen.MaxSize+8<<10 {
			t.Errorf("%s: %d bytes, want about %d to %d", path, len(src), corpusgen.MinSize, corpusgen.MaxSize)
		}
	}
	if sum != total {
		t.Errorf("Generate reported %d bytes, files hold %d", total, sum)
	}
	if langs[".swift"] < n*40/100 || langs[".m"] < n*40/100 || langs[".c"] < 1 || langs[".c"] > n*10/100 {
		t.Errorf("languages %v: want about half .swift, half .m and a few .c", langs)
	}
	if f := float64(keychain) / n; f < 0.25 || f > 0.35 {
		t.Errorf("keychain fraction %.2f (%d of %d), want about %.2f", f, keychain, n, corpusgen.KeychainFraction)
	}

	// The planned kinds match the contents.
	for _, s := range corpusgen.Plan(n, 42) {
		src, ok := files[s.Path]
		if !ok {
			t.Fatalf("planned %s not written", s.Path)
		}
		if got := source.MayHaveKeychainCode(src); got != s.Keychain {
			t.Errorf("%s: mentions keychain = %v, planned %v", s.Path, got, s.Keychain)
		}
		if !strings.HasSuffix(s.Path, s.Lang.Ext()) {
			t.Errorf("%s: planned language %v", s.Path, s.Lang)
		}
	}

	// Deterministic for a fixed seed, different for another seed.
	dir2 := t.TempDir()
	if _, err := corpusgen.Generate(dir2, n, 42); err != nil {
		t.Fatal(err)
	}
	again := readCorpus(t, dir2)
	for path, src := range files {
		if !bytes.Equal(src, again[path]) {
			t.Fatalf("%s differs between two runs with the same seed", path)
		}
	}
	other := corpusgen.Plan(n, 43)
	same := 0
	for i, s := range corpusgen.Plan(n, 42) {
		if s.Path == other[i].Path {
			same++
		}
	}
	if same == n {
		t.Error("seeds 42 and 43 planned the same files")
	}
}

// TestCorpusParses checks that the generated code is free of syntax
// errors as the front end sees them.
func TestCorpusParses(t *testing.T) {
	const n = 60
	p := swiftparse.NewParser()
	defer p.Close()
	for _, s := range corpusgen.Plan(n, 7) {
		src := corpusgen.Content(s)
		f, err := p.Parse(context.Background(), s.Path, src)
		if err != nil {
			t.Fatalf("%s: %v", s.Path, err)
		}
		if len(f.Errors) > 0 {
			e := f.Errors[0]
			t.Errorf("%s (%v): %d syntax errors, the first at bytes %d-%d: %q", s.Path, s.Lang, len(f.Errors), e.Start, e.End,
				src[e.Start:min(e.End, e.Start+80)])
		}
		if len(f.Funcs) == 0 {
			t.Errorf("%s: no functions lowered", s.Path)
		}
	}
}
