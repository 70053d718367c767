package swiftparse_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// sampleSources are the sample app's Swift, Objective-C and C files.
func sampleSources(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, pat := range []string{"Sources/*.swift", "ObjC/*.m", "ObjC/*.h", "C/*.c"} {
		paths, err := filepath.Glob(filepath.Join("..", "testdata", "sampleapp", pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[p] = src
		}
	}
	if len(out) < 6 {
		t.Fatalf("%d sample files, want at least 6", len(out))
	}
	return out
}

// edits returns a sequence of versions of src, each a small edit of the one
// before, as typing makes them: a line inserted, a token changed, a line
// deleted, an unbalanced brace typed and closed again, text appended.
func edits(src []byte, seed int64) [][]byte {
	r := rand.New(rand.NewSource(seed))
	cur := append([]byte{}, src...)
	var out [][]byte
	at := func() int {
		// The start of a random line.
		lines := bytes.Count(cur, []byte{'\n'})
		k := r.Intn(lines + 1)
		off := 0
		for ; k > 0; k-- {
			off += bytes.IndexByte(cur[off:], '\n') + 1
		}
		return off
	}
	splice := func(start, end int, text string) {
		next := append(append(append([]byte{}, cur[:start]...), text...), cur[end:]...)
		cur = next
		out = append(out, cur)
	}
	for i := 0; i < 12; i++ {
		switch i % 6 {
		case 0:
			p := at()
			splice(p, p, "    let extra = kSecAttrAccount // typed\n")
		case 1:
			if k := bytes.Index(cur, []byte("kSecAttr")); k >= 0 {
				splice(k, k+len("kSecAttr"), "kSecAttrX")
			}
		case 2:
			p := at()
			if e := bytes.IndexByte(cur[p:], '\n'); e >= 0 {
				splice(p, p+e+1, "")
			}
		case 3:
			p := at()
			splice(p, p, "{ (")
		case 4:
			if k := bytes.LastIndex(cur, []byte("{ (")); k >= 0 {
				splice(k, k+3, "")
			}
		case 5:
			splice(len(cur), len(cur), fmt.Sprintf("// keystroke %d\n", i))
		}
	}
	return out
}

// An incremental parse gives the model a full parse gives, version after
// version, in Swift, Objective-C and C, through edits that break the syntax
// and repair it.
func TestIncrementalParseMatchesFullParse(t *testing.T) {
	ctx := context.Background()
	inc, full := swiftparse.NewParser(), swiftparse.NewParser()
	defer inc.Close()
	defer full.Close()
	for path, src := range sampleSources(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			_, tree, err := inc.ParseIncremental(ctx, path, src, nil)
			if err != nil || tree == nil {
				t.Fatalf("first parse: tree %v, err %v", tree, err)
			}
			defer func() { tree.Close() }()
			for v, next := range edits(src, int64(len(src))) {
				var got *model.File
				got, tree, err = inc.ParseIncremental(ctx, path, next, tree)
				if err != nil {
					t.Fatalf("version %d: %v", v, err)
				}
				want, err := full.Parse(ctx, path, next)
				if err != nil {
					t.Fatalf("version %d, full parse: %v", v, err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("version %d: the incremental model differs from the full parse's\nincremental:\n%s\nfull:\n%s", v, dumpAll(got), dumpAll(want))
				}
			}
		})
	}
}

// A tree kept for another file, or of another language, is not used.
func TestIncrementalParseIgnoresAnotherFilesTree(t *testing.T) {
	ctx := context.Background()
	p := swiftparse.NewParser()
	defer p.Close()
	srcs := sampleSources(t)
	var swiftPath, objcPath string
	for path := range srcs {
		switch filepath.Ext(path) {
		case ".swift":
			swiftPath = path
		case ".m":
			objcPath = path
		}
	}
	_, tree, err := p.ParseIncremental(ctx, swiftPath, srcs[swiftPath], nil)
	if err != nil {
		t.Fatal(err)
	}
	got, tree2, err := p.ParseIncremental(ctx, objcPath, srcs[objcPath], tree)
	if err != nil {
		t.Fatal(err)
	}
	defer tree2.Close()
	want, err := p.Parse(ctx, objcPath, srcs[objcPath])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("a tree of %s changed the model of %s", swiftPath, objcPath)
	}
}

func dumpAll(f *model.File) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "errors %v\n", f.Errors)
	for _, fn := range f.Funcs {
		fmt.Fprintf(&b, "%v %s\n%s\n", fn.Span, fn.Name, model.Dump(fn))
	}
	return b.String()
}

// When the incremental parse hits the time limit, the file is parsed one
// declaration at a time as Parse does, and no tree is kept; the next
// version is parsed from scratch.
func TestIncrementalParseOverTimeLimit(t *testing.T) {
	ctx := context.Background()
	p := swiftparse.NewParser()
	defer p.Close()
	srcs := sampleSources(t)
	path := filepath.Join("..", "testdata", "sampleapp", "Sources", "TokenStore.swift")
	src := srcs[path]
	// The previous version is almost empty: the whole file is new text
	// to parse, which a limit of a microsecond does not allow.
	_, tree, err := p.ParseIncremental(ctx, path, []byte("// new file\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	restore := swiftparse.ForceChunkedParse()
	next := src
	got, tree, err := p.ParseIncremental(ctx, path, next, tree)
	if err != nil {
		restore()
		t.Fatal(err)
	}
	want, err := p.Parse(ctx, path, next)
	restore()
	if err != nil {
		t.Fatal(err)
	}
	if tree != nil {
		tree.Close()
		t.Errorf("a tree was kept from a parse that hit the time limit")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the model after the time limit differs from Parse's")
	}
	if len(got.Funcs) == 0 {
		t.Errorf("no functions lowered after the time limit")
	}
}

// BenchmarkIncrementalParse compares a full parse of a 5,000-line Swift
// file with an incremental one after a one-line change (in the middle, and
// at the end), lowering included:
//
//	go test -run '^$' -bench IncrementalParse -benchtime 20x ./swiftparse/
func BenchmarkIncrementalParse(b *testing.B) {
	ctx := context.Background()
	srcs := sampleSources(b)
	unit := srcs[filepath.Join("..", "testdata", "sampleapp", "Sources", "PasswordVault.swift")]
	var big []byte
	for bytes.Count(big, []byte{'\n'}) < 5000 {
		// Each copy in a type of its own, so that the file stays valid.
		big = append(big, fmt.Sprintf("enum Copy%d {\n", bytes.Count(big, []byte{'\n'}))...)
		big = append(big, unit...)
		big = append(big, "}\n"...)
	}
	path := "Big.swift"
	p := swiftparse.NewParser()
	defer p.Close()
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Parse(ctx, path, big); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, where := range []string{"middle", "end"} {
		b.Run("incremental-"+where, func(b *testing.B) {
			_, tree, err := p.ParseIncremental(ctx, path, big, nil)
			if err != nil {
				b.Fatal(err)
			}
			at := len(big)
			if where == "middle" {
				at = bytes.IndexByte(big[len(big)/2:], '\n') + len(big)/2 + 1
			}
			i := 0
			for b.Loop() {
				line := fmt.Sprintf("// keystroke %d\n", i)
				i++
				src := append(append(append([]byte{}, big[:at]...), line...), big[at:]...)
				if _, tree, err = p.ParseIncremental(ctx, path, src, tree); err != nil {
					b.Fatal(err)
				}
			}
			tree.Close()
		})
	}
}
