package cache

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// corpusFiles are the sample app and every rule fixture: Swift,
// Objective-C and C, with closures, nested functions, #if regions,
// availability checks and syntax errors.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, pat := range []string{"../../testdata/sampleapp/*/*", "../../rules/*/testdata/*"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			if model.LangForPath(p) != model.LangUnknown {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) < 20 {
		t.Fatalf("only %d source files found", len(paths))
	}
	return paths
}

func parseFile(t *testing.T, p *swiftparse.Parser, path string) *model.File {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.Parse(context.Background(), path, src)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestRoundTrip checks that a decoded model equals the lowered one, with
// the same sharing: encoding the decoded model gives the same bytes, and
// the codec writes a back reference for every pointer seen before, so
// equal bytes mean equal pointer graphs.
func TestRoundTrip(t *testing.T) {
	p := swiftparse.NewParser()
	defer p.Close()
	for _, path := range corpusFiles(t) {
		f := parseFile(t, p, path)
		data, err := encodeFile(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		g, err := decodeFile(data, f.Src)
		if err != nil {
			t.Fatalf("%s: decode: %v", path, err)
		}
		if !reflect.DeepEqual(f, g) {
			t.Errorf("%s: decoded model differs", path)
		}
		again, err := encodeFile(g)
		if err != nil || !bytes.Equal(data, again) {
			t.Errorf("%s: re-encoding the decoded model gives other bytes (sharing lost?)", path)
		}
		for _, fn := range g.Funcs {
			if fn.File != g {
				t.Fatalf("%s: %s: Func.File does not point at the decoded file", path, fn.Name)
			}
		}
		for i := range f.Funcs {
			if model.Dump(f.Funcs[i]) != model.Dump(g.Funcs[i]) {
				t.Errorf("%s: dump of %s differs", path, f.Funcs[i].Name)
			}
		}
	}
}

// TestSharingPreserved builds a model in which one Call is reached twice
// (as a SecItemCall's Call and as a statement's expression) and a Func
// points back at its parent: the decoded model shares the same way.
func TestSharingPreserved(t *testing.T) {
	call := &model.Call{Fun: &model.Ident{Name: "SecItemAdd"}}
	f := &model.File{Path: "a.swift", Lang: model.Swift}
	outer := &model.Func{Name: "outer", File: f}
	inner := &model.Func{Name: "inner", File: f, Parent: outer}
	outer.Body = []model.Stmt{
		&model.ExprStmt{X: &model.SecItemCall{Op: model.OpAdd, Call: call}},
		&model.ExprStmt{X: call},
		&model.ExprStmt{X: &model.Closure{Fn: inner}},
	}
	f.Funcs = []*model.Func{outer, inner}
	data, err := encodeFile(f)
	if err != nil {
		t.Fatal(err)
	}
	g, err := decodeFile(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := g.Funcs[0]
	sc := o.Body[0].(*model.ExprStmt).X.(*model.SecItemCall)
	if sc.Call != o.Body[1].(*model.ExprStmt).X.(*model.Call) {
		t.Error("the SecItemCall's Call is no longer the statement's Call")
	}
	if g.Funcs[1].Parent != o || o.Body[2].(*model.ExprStmt).X.(*model.Closure).Fn != g.Funcs[1] {
		t.Error("Func.Parent / Closure.Fn sharing lost")
	}
}

// TestNodeTypesComplete checks that every model type with a Pos method
// (every node an Expr, Stmt or Node may hold) is in nodeTypes: a node type
// added to the model without it would make every file that uses it
// uncacheable.
func TestNodeTypesComplete(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, "../model", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, nt := range nodeTypes {
		registered[nt.Elem().Name()] = true
	}
	n := 0
	for _, pkg := range pkgs {
		for _, file := range pkg.Files {
			for _, d := range file.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Recv == nil || fd.Name.Name != "Pos" {
					continue
				}
				star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				name := star.X.(*ast.Ident).Name
				n++
				if !registered[name] {
					t.Errorf("model.%s has a Pos method but is not in nodeTypes", name)
				}
			}
		}
	}
	if n != len(nodeTypes) {
		t.Errorf("%d node types in the model, %d registered", n, len(nodeTypes))
	}
}

// TestDecodeRejectsGarbage: every prefix and a few corruptions of a valid
// payload decode to an error or a model, never a panic or a huge
// allocation.
func TestDecodeRejectsGarbage(t *testing.T) {
	p := swiftparse.NewParser()
	defer p.Close()
	f := parseFile(t, p, "../../testdata/sampleapp/Sources/KeyRing.swift")
	data, err := encodeFile(f)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 1 + n/16 {
		if _, err := decodeFile(data[:n], nil); err == nil {
			t.Fatalf("a payload cut at %d of %d bytes decoded", n, len(data))
		}
	}
	for i := 0; i < len(data); i += 1 + i/8 {
		bad := bytes.Clone(data)
		bad[i] ^= 0xff
		decodeFile(bad, nil) // must not panic
	}
}

// Fingerprint does not tell an empty slice or map from a nil one: the same
// facts decoded by encoding/gob (which gives back nil) and freshly parsed
// must give the same key.
func TestFingerprintEmptyIsNil(t *testing.T) {
	type facts struct {
		Lines []int
		Names map[string]int
	}
	a, err := Fingerprint(&facts{Lines: []int{}, Names: map[string]int{}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fingerprint(&facts{})
	c, _ := Fingerprint(&facts{Lines: []int{0}})
	if string(a) != string(b) || string(a) == string(c) {
		t.Errorf("empty %x, nil %x, one element %x", a, b, c)
	}
}
