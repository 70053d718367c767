package flow

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

const reuseHelpers = `
import Security

func baseQuery(account: String) -> [String: Any] {
    return [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: account]
}

func remove(account: String) {
    SecItemDelete(baseQuery(account: account) as CFDictionary)
}
`

const reuseCaller = `
import Security

final class Store {
    func clear() {
        remove(account: "a")
    }
    func load() -> OSStatus {
        return SecItemCopyMatching(baseQuery(account: "b") as CFDictionary, nil)
    }
}
`

func parseAll(t *testing.T, srcs map[string]string) []*model.File {
	t.Helper()
	var out []*model.File
	for _, path := range []string{"Helpers.swift", "Store.swift"} {
		f, err := swiftparse.ParseFile(path, []byte(srcs[path]))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// edgesOf describes a graph's edges by file and function index, so that
// the graphs of two programs compare.
func edgesOf(p *Program) string {
	g := p.graph()
	where := func(fn *model.Func) string {
		for i, x := range fn.File.Funcs {
			if x == fn {
				return fmt.Sprintf("%s#%d", fn.File.Path, i)
			}
		}
		return "?"
	}
	var lines []string
	for _, f := range p.Files {
		for _, fn := range f.Funcs {
			line := where(fn) + " ->"
			for _, c := range g.edges[fn] {
				line += " " + where(c)
				if c.File != f && !contains(p.Files, c.File) {
					line += "(stale)"
				}
			}
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func contains(files []*model.File, f *model.File) bool {
	for _, x := range files {
		if x == f {
			return true
		}
	}
	return false
}

// afterEdit builds the graph of the helpers and the store, and the
// program after one replacement of from by to in Helpers.swift.
func afterEdit(t *testing.T, from, to string) (p *Program, files, next []*model.File) {
	t.Helper()
	files = parseAll(t, map[string]string{"Helpers.swift": reuseHelpers, "Store.swift": reuseCaller})
	prev := NewProgram(files, 0)
	prev.graph()
	changed, err := swiftparse.ParseFile("Helpers.swift", []byte(strings.Replace(reuseHelpers, from, to, 1)))
	if err != nil {
		t.Fatal(err)
	}
	next = []*model.File{changed, files[1]}
	return NewProgramAfter(prev, next, 0), files, next
}

// After a change inside a function body, the program reuses the callees
// of every function of the unchanged files and of the changed file's
// functions whose text is the same, points those that called into the
// changed file at its new functions, and its graph is the graph a new
// program builds.
func TestProgramAfterReusesTheCallGraph(t *testing.T) {
	// A change of a body in Helpers.swift: the declarations stay.
	p, files, next := afterEdit(t, "SecItemDelete(", "_ = SecItemDelete(")
	changed := next[0]
	got := edgesOf(p)
	fresh := NewProgram(next, 0)
	want := edgesOf(fresh)
	if got != want {
		t.Errorf("graph after the change:\n%s\nwant (a new program's):\n%s", got, want)
	}
	if strings.Contains(got, "(stale)") {
		t.Errorf("an edge points at a function of the old version:\n%s", got)
	}
	// Only remove, whose text changed, is resolved again: baseQuery's
	// text is the same in the new version of its file.
	if n, all := p.resolved.Load(), fresh.resolved.Load(); n != 1 || n >= all {
		t.Errorf("%d functions resolved again, want 1 (remove, whose body changed; a new program resolves %d)", n, all)
	}
	// Store.clear calls remove in the new Helpers.swift.
	var clear *model.Func
	for _, fn := range files[1].Funcs {
		if fn.Name == "clear" {
			clear = fn
		}
	}
	if cs := p.graph().edges[clear]; len(cs) == 0 || cs[0].File != changed {
		t.Errorf("Store.clear's callees %v do not point into the new Helpers.swift", cs)
	}
}

// A change of a declaration (a function added, a signature changed)
// resolves again the functions it touches: the changed or added function
// and those whose bodies name it; the graph is a new program's.
func TestProgramAfterResolvesAgainWhenDeclarationsChange(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		resolved       int64
	}{
		{"a function added", "func remove(", "func added() {}\nfunc remove(", 1},                // added
		{"a parameter renamed", "func remove(account: String)", "func remove(user: String)", 2}, // remove, Store.clear
		{"a result type changed", "-> [String: Any]", "-> NSDictionary", 3},                     // baseQuery, remove, Store.load
	} {
		t.Run(c.name, func(t *testing.T) {
			p, _, next := afterEdit(t, c.from, c.to)
			got, want := edgesOf(p), edgesOf(NewProgram(next, 0))
			if got != want || strings.Contains(got, "(stale)") {
				t.Errorf("graph:\n%s\nwant:\n%s", got, want)
			}
			if n := p.resolved.Load(); n != c.resolved {
				t.Errorf("%d functions resolved, want %d", n, c.resolved)
			}
		})
	}
}

// A class added changes how receivers resolve: every function resolves
// again.
func TestProgramAfterResolvesAllWhenTypesChange(t *testing.T) {
	p, _, next := afterEdit(t, "func remove(", "final class Other {}\nfunc remove(")
	if got, want := edgesOf(p), edgesOf(NewProgram(next, 0)); got != want {
		t.Errorf("graph:\n%s\nwant:\n%s", got, want)
	}
	fresh := NewProgram(next, 0)
	fresh.graph()
	if n, all := p.resolved.Load(), fresh.resolved.Load(); n != all {
		t.Errorf("%d functions resolved, want all %d", n, all)
	}
}

// A function of the changed file whose text is the same keeps its
// callees, pointed at the new versions of the functions it calls there:
// remove is kept and calls the new baseQuery.
func TestProgramAfterRemapsKeptFunctionsCallees(t *testing.T) {
	p, _, next := afterEdit(t, "return [kSecClass", "return  [kSecClass")
	got, want := edgesOf(p), edgesOf(NewProgram(next, 0))
	if got != want || strings.Contains(got, "(stale)") {
		t.Errorf("graph:\n%s\nwant:\n%s", got, want)
	}
	if n := p.resolved.Load(); n != 1 {
		t.Errorf("%d functions resolved again, want 1 (baseQuery)", n)
	}
}

// Over the sample app, edits that add a function named like an existing
// one, remove a function, or change a body: the reused graph is always a
// new program's.
func TestProgramAfterMatchesANewProgramOnTheSampleApp(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "sampleapp", "*", "*.[sm]*"))
	if err != nil || len(paths) < 5 {
		t.Fatalf("sample app: %v (%d files)", err, len(paths))
	}
	var files []*model.File
	for _, path := range paths {
		if model.LangForPath(path) == model.LangUnknown {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := swiftparse.ParseFile(path, src)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	checked := 0
	for i, f := range files {
		var named *model.Func
		for _, fn := range f.Funcs {
			if fn.Kind != model.FuncTopLevel && fn.Name != "" && fn.Span.Valid() && fn.Parent == nil {
				named = fn
				break
			}
		}
		if named == nil || f.Lang != model.Swift {
			continue
		}
		src := string(f.Src)
		body := text(f, named.Span)
		edits := map[string]string{
			"a function of the same name added": src + "\nfunc " + named.Name + "(zzz: Int) {}\n",
			"a function removed":                src[:named.Span.Start] + src[named.Span.End:],
			"a body changed":                    strings.Replace(src, string(body), string(body)+"\n// edited", 1),
		}
		for name, edited := range edits {
			nf, err := swiftparse.ParseFile(f.Path, []byte(edited))
			if err != nil {
				t.Fatal(err)
			}
			prev := NewProgram(files, 0)
			prev.graph()
			next := append([]*model.File(nil), files...)
			next[i] = nf
			got, want := edgesOf(NewProgramAfter(prev, next, 0)), edgesOf(NewProgram(next, 0))
			if got != want || strings.Contains(got, "(stale)") {
				t.Errorf("%s, %s: graph\n%s\nwant\n%s", f.Path, name, got, want)
			}
			checked++
		}
	}
	if checked < 6 {
		t.Fatalf("only %d edits checked", checked)
	}
}
