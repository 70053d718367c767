package swiftparse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// parse parses src as a file of the given extension ("swift", "m", "c")
// and fails the test on an error.
func parse(t testing.TB, ext, src string) *model.File {
	t.Helper()
	f, err := swiftparse.ParseFile("test."+ext, []byte(src))
	if err != nil {
		t.Fatalf("ParseFile(.%s): %v", ext, err)
	}
	if f == nil {
		t.Fatalf("ParseFile(.%s): nil file", ext)
	}
	return f
}

// dumpFile renders every body of a file, platforms included, the way
// `keychainlint dump` does.
func dumpFile(f *model.File) string {
	var b strings.Builder
	for _, fn := range f.Funcs {
		if fn.Platforms != model.AllPlatforms {
			fmt.Fprintf(&b, "[%s] ", fn.Platforms)
		}
		b.WriteString(model.Dump(fn))
	}
	return b.String()
}

// funcNamed returns the body with the given name (and owner, when owner is
// not ""), or fails the test.
func funcNamed(t testing.TB, f *model.File, name string) *model.Func {
	t.Helper()
	for _, fn := range f.Funcs {
		if fn.Name == name {
			return fn
		}
	}
	t.Fatalf("no body named %q in\n%s", name, dumpFile(f))
	return nil
}

// nodes returns every node of type T below the bodies of f, closures
// included, in source order.
func nodes[T model.Node](f *model.File) []T {
	var out []T
	for _, fn := range f.Funcs {
		model.InspectFunc(fn, func(n model.Node) bool {
			if x, ok := n.(T); ok {
				out = append(out, x)
			}
			return true
		})
	}
	return out
}

// nodesIn is nodes for one body.
func nodesIn[T model.Node](fn *model.Func) []T {
	var out []T
	model.InspectFunc(fn, func(n model.Node) bool {
		if x, ok := n.(T); ok {
			out = append(out, x)
		}
		return true
	})
	return out
}

// keyName names a dictionary key: the identifier or string literal under
// any casts, "" for anything else.
func keyName(e model.Expr) string {
	switch x := model.StripCasts(e).(type) {
	case *model.Ident:
		return x.Name
	case *model.StringLit:
		return `"` + x.Value + `"`
	}
	return ""
}

// identName returns the name of an identifier under casts, "" otherwise.
func identName(e model.Expr) string {
	if id, ok := model.StripCasts(e).(*model.Ident); ok {
		return id.Name
	}
	return ""
}

// dictKeys lists the key names of a dictionary literal.
func dictKeys(d *model.DictLit) []string {
	var ks []string
	for _, e := range d.Entries {
		ks = append(ks, keyName(e.Key))
	}
	return ks
}

// spanText returns the source text of a span.
func spanText(f *model.File, sp model.Span) string {
	if sp.Start < 0 || sp.End > len(f.Src) || sp.Start > sp.End {
		return fmt.Sprintf("<bad span %v>", sp)
	}
	return string(f.Src[sp.Start:sp.End])
}

// wantDump checks that the dump of the whole file contains each of want,
// in order.
func wantDump(t *testing.T, f *model.File, want ...string) {
	t.Helper()
	d := dumpFile(f)
	rest := d
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			if strings.Contains(d, w) {
				t.Errorf("dump has %q, but not after the previous expectation; dump:\n%s", w, d)
			} else {
				t.Errorf("dump lacks %q; dump:\n%s", w, d)
			}
			return
		}
		rest = rest[i+len(w):]
	}
}

// idiomCase is one source snippet and what its model must contain.
type idiomCase struct {
	name string
	ext  string // "swift", "m" or "c"
	src  string
	// dump lists substrings the file's dump must contain, in order.
	dump []string
	// notDump lists substrings the dump must not contain.
	notDump []string
	// check makes further assertions on the model.
	check func(t *testing.T, f *model.File)
}

func runIdioms(t *testing.T, cases []idiomCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.ext+"/"+c.name, func(t *testing.T) {
			f := parse(t, c.ext, c.src)
			if len(f.Errors) > 0 {
				t.Errorf("syntax errors at %v in\n%s", f.Errors, c.src)
			}
			wantDump(t, f, c.dump...)
			for _, nd := range c.notDump {
				if d := dumpFile(f); strings.Contains(d, nd) {
					t.Errorf("dump contains %q; dump:\n%s", nd, d)
				}
			}
			if c.check != nil {
				c.check(t, f)
			}
		})
	}
}

// oneOf returns the only node of type T in f, or fails.
func oneOf[T model.Node](t *testing.T, f *model.File) T {
	t.Helper()
	ns := nodes[T](f)
	if len(ns) != 1 {
		var zero T
		t.Fatalf("want one %T, found %d in\n%s", zero, len(ns), dumpFile(f))
	}
	return ns[0]
}
