package swiftparse_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// When the whole-file parse gives up at the time limit, the file is parsed
// again one top-level declaration at a time: the broken declaration is
// lost to the time limit, every other one is lowered with the offsets it
// has in the file.
func TestTimedOutFileIsParsedPerDeclaration(t *testing.T) {
	defer swiftparse.SetParseTimeLimit(func(int) time.Duration { return 300 * time.Millisecond })()
	first := "import Security\n\n// first\nfunc first() {\n    SecItemDelete([kSecClass: kSecClassGenericPassword] as CFDictionary)\n}\n"
	second := "@available(iOS 13, *)\nfunc second() {\n    SecItemAdd([kSecClass: kSecClassKey] as CFDictionary, nil)\n}\n"
	after := "func after() { SecItemDelete(q) }\n"
	for _, c := range []struct {
		name, src string
		bodies    []string
	}{
		// The broken bytes at the end of the file (the input of issue 9).
		{"at the end", first + second + pathologicalSwift, []string{"first", "second"}},
		// A declaration after the broken one (the whole parse gives up on
		// this one too; the broken line leaves two braces open).
		{"in between", first + second + pathologicalSwift + "\n" + after, []string{"first", "second", "after"}},
	} {
		src := []byte(c.src)
		f, err := swiftparse.ParseFile("slow.swift", src)
		if err != nil {
			t.Fatal(err)
		}
		bad := strings.Index(c.src, pathologicalSwift)
		want := model.Span{Start: bad, End: bad + len(pathologicalSwift)}
		if !f.TimedOut || len(f.TimedOutRegions) != 1 || f.TimedOutRegions[0] != want {
			t.Errorf("%s: TimedOut %v, lost %v; want the broken line %v only", c.name, f.TimedOut, f.TimedOutRegions, want)
		}
		var names []string
		for _, fn := range f.Funcs {
			names = append(names, fn.Name)
			call := nodesIn[*model.SecItemCall](fn)
			if len(call) != 1 {
				t.Errorf("%s: %s has %d SecItem calls:\n%s", c.name, fn.Name, len(call), model.Dump(fn))
				continue
			}
			// Offsets are the file's: the call's text is where it says.
			if got := spanText(f, call[0].Span); !strings.HasPrefix(got, "SecItem") || !strings.HasSuffix(got, ")") {
				t.Errorf("%s: %s: the call's span covers %q", c.name, fn.Name, got)
			}
			if got := spanText(f, fn.Span); !strings.Contains(got, "func "+fn.Name+"()") {
				t.Errorf("%s: %s's span covers %q", c.name, fn.Name, got)
			}
		}
		if strings.Join(names, " ") != strings.Join(c.bodies, " ") {
			t.Errorf("%s: bodies %q, want %q", c.name, names, c.bodies)
		}
		wantComment(t, f, "// first")
		// The attribute stays with its declaration, in the second chunk.
		sec := strings.Index(c.src, "func second")
		if a := f.Availability; len(a) != 1 || a[0].Span.Start != strings.Index(c.src, "@available") || a[0].Span.End <= sec {
			t.Errorf("%s: availability %+v, want @available(iOS 13, *) over second()", c.name, a)
		}
	}
}

// The recovery of a timed-out file is bounded: it spends at most the
// file's time limit again, then records what is left as lost.
// (TestParseTimeLimit: a file of one declaration is lost whole without a
// second parse.)
func TestTimedOutRecoveryIsBounded(t *testing.T) {
	defer swiftparse.SetParseTimeLimit(func(int) time.Duration { return 200 * time.Millisecond })()
	src := strings.Repeat(pathologicalSwift+"\n", 40)
	before := swiftparse.ChunkParses()
	f, err := swiftparse.ParseFile("many.swift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Each chunk may take a fifth of the file's limit and all of them
	// together the file's limit: after five that time out (and a last
	// one on the rest of the budget) the others are not tried.
	if n := swiftparse.ChunkParses() - before; n > 7 {
		t.Errorf("%d chunks parsed, want at most 7", n)
	}
	if !f.TimedOut || len(f.TimedOutRegions) == 0 {
		t.Fatalf("nothing recorded as lost: %+v", f.TimedOutRegions)
	}
	// The lost regions cover every broken declaration.
	covered := 0
	for _, sp := range f.TimedOutRegions {
		covered += strings.Count(src[sp.Start:sp.End], pathologicalSwift)
	}
	if covered != 40 {
		t.Errorf("lost regions %v cover %d of the 40 broken declarations", f.TimedOutRegions, covered)
	}
}

// The per-declaration recovery lowers a file as the whole-file parse
// does: every body of the sample app's Swift, Objective-C and C files, with
// its platforms, spans and statements, and the file's comments and
// availability regions.
func TestChunkedParseLowersLikeWholeParse(t *testing.T) {
	paths, err := filepath.Glob("../testdata/sampleapp/*/*.*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range paths {
		if model.LangForPath(path) == model.LangUnknown {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := swiftparse.ParseFile(path, src)
		if err != nil {
			t.Fatal(err)
		}
		restore := swiftparse.ForceChunkedParse()
		before := swiftparse.ChunkParses()
		chunked, err := swiftparse.ParseFile(path, src)
		parses := swiftparse.ChunkParses() - before
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if parses < 2 {
			t.Errorf("%s: parsed in %d chunks", path, parses)
			continue
		}
		n++
		t.Logf("%s: %d chunks", path, parses)
		if chunked.TimedOut || len(chunked.TimedOutRegions) != 0 {
			t.Errorf("%s: lost %v", path, chunked.TimedOutRegions)
		}
		if a, b := dumpFile(whole), dumpFile(chunked); a != b {
			t.Errorf("%s: lowered in %d chunks differs:\n%s\nwhole:\n%s", path, parses, b, a)
		}
		if !reflect.DeepEqual(whole.Comments, chunked.Comments) || !reflect.DeepEqual(whole.Availability, chunked.Availability) ||
			!reflect.DeepEqual(whole.Errors, chunked.Errors) || !reflect.DeepEqual(whole.Structs, chunked.Structs) || !reflect.DeepEqual(whole.Classes, chunked.Classes) {
			t.Errorf("%s: comments, availability, errors or types differ:\n%+v\n%+v", path, chunked, whole)
		}
	}
	if n < 5 {
		t.Errorf("only %d files compared", n)
	}
}

// After a file parsed per declaration, the reused Parser parses the next
// file whole again (not only the last chunk's range).
func TestParserAfterChunkedParse(t *testing.T) {
	defer swiftparse.SetParseTimeLimit(func(int) time.Duration { return 300 * time.Millisecond })()
	p := swiftparse.NewParser()
	defer p.Close()
	slow := "func first() {}\n" + pathologicalSwift + "\nfunc after() {}\n"
	if f, err := p.Parse(context.Background(), "slow.swift", []byte(slow)); err != nil || !f.TimedOut || len(f.Funcs) != 2 {
		t.Fatalf("chunked parse: %v, %+v", err, f)
	}
	next := strings.Repeat("// padding\n", 10) + swiftPrefix
	f, err := p.Parse(context.Background(), "next.swift", []byte(next))
	if err != nil {
		t.Fatal(err)
	}
	wantPrefix(t, f)
	if f.TimedOut || len(f.Errors) != 0 || len(f.Funcs) != 1 {
		t.Errorf("the next file: errors %v, TimedOut %v, %d bodies", f.Errors, f.TimedOut, len(f.Funcs))
	}
}
