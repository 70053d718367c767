package swiftparse

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// The flat tree must answer every question lowering asks exactly as the
// binding's *sitter.Node does: these tests compare the two node for node.

// flatInputs are the inputs compared: ordinary code, comments where
// tree-sitter's field answers are irregular, broken syntax (ERROR and
// MISSING nodes), and deep nesting.
func flatInputs(t *testing.T) map[string]string {
	in := map[string]string{
		"a.swift": `import Security
/// doc
@available(iOS 13.0, *)
final class Store {
    func save(_ data: Data, for account: String = "x" /* c */) throws -> OSStatus {
        let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, /* k */ kSecAttrAccount as String: account]
        let (a, b) = (1, 2)
        if let v = f(), case .some(let w) = g() { print(v, w) }
        guard let r = try? h() else { return errSecParam }
        switch x { case .a: break
        default: break }
        return SecItemAdd(q as CFDictionary, nil)
    }
}
`,
		"b.m": `#import <Security/Security.h>
// top comment
@implementation Keys
- (OSStatus)store:(NSData *)d /* c */ forKey:(NSString *)k {
    NSDictionary *q = @{ (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword };
    [self /* between */ log:q with:/* arg */ d];
#if TARGET_OS_IOS
    int x = 1; // trailing
#elif TARGET_OS_OSX
    int x = 2;
#else
    int x = 3;
#endif
    for (id k in items) { (void)k; }
    return SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}
@end
int (*(*pf))(int a, char *b);
static void f(void) { switch (x) { case 1: break; default: ; } }
`,
		// Zero-width MISSING nodes, whose Parent tree-sitter finds in an
		// earlier sibling.
		"missing.swift": "class A {\n    nonisolated var\n}\nclass B { nonisolated(unsafe) }\n",
		"missing.m":     "void f(void) { int x = 1 }\n",
		"broken.swift":  "func a() {\n let x = [1, 2\n func b( { SecItemAdd(q, nil) }\n class C { var y = \n",
		"broken.m":      "void a(void) { int x = ; [self foo:; }\n@interface X\n- (void)m\n@end\nint g( {",
		"deep.swift":    "let x = " + strings.Repeat("(", 800) + "1" + strings.Repeat(")", 800) + "\nlet m = a" + strings.Repeat(".b", 800) + "\n",
		"deep.m":        "int f(void) { return " + strings.Repeat("[", 500) + "x" + strings.Repeat(" m]", 500) + "; }\nint " + strings.Repeat("(*", 500) + "g" + strings.Repeat(")", 500) + "(void);\n",
	}
	for _, dir := range []string{"../testdata/sampleapp"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.Contains(".swift.m.h.c", filepath.Ext(path)) || filepath.Ext(path) == "" {
				return err
			}
			src, err := os.ReadFile(path)
			in[path] = string(src)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return in
}

func TestFlatMatchesBinding(t *testing.T) {
	for name, src := range flatInputs(t) {
		t.Run(name, func(t *testing.T) {
			flat := compareFlat(t, name, []byte(src))
			if strings.HasPrefix(name, "missing.") {
				// The inputs do have the nodes whose Parent is not up.
				odd := 0
				for i := range flat.nodes {
					if n := &flat.nodes[i]; n.Parent() != n.up() {
						odd++
					}
				}
				if odd == 0 {
					t.Errorf("no node whose tree-sitter Parent is not its parent")
				}
			}
		})
	}
}

// TestFlatMatchesBindingOnFiles compares the trees of the files listed
// (one path a line) in $KEYCHAINLINT_FLAT_FILES, e.g. a real corpus.
func TestFlatMatchesBindingOnFiles(t *testing.T) {
	list := os.Getenv("KEYCHAINLINT_FLAT_FILES")
	if list == "" {
		t.Skip("KEYCHAINLINT_FLAT_FILES not set")
	}
	data, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		compareFlat(t, path, src)
	}
}

// compareFlat parses src with the binding, flattens the tree, compares
// the two and returns the flat tree (its sitter tree still open).
func compareFlat(t *testing.T, name string, src []byte) *flatTree {
	t.Helper()
	lang := swiftLang
	if !strings.HasSuffix(name, ".swift") {
		lang = objcLang
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(lang)
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tree.Close)
	flat := flatten(tree, lang, nil)
	tables := tablesFor(lang)

	// Pair the nodes by walking both trees with the binding's cursor.
	pair := map[*sitter.Node]*node{}
	type item struct {
		b     *sitter.Node
		f     *node
		field string
	}
	var order []item
	stack := []item{{tree.RootNode(), flat.root(), ""}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		pair[it.b] = it.f
		order = append(order, it)
		var kids []item
		cur := sitter.NewTreeCursor(it.b)
		if cur.GoToFirstChild() {
			for i := 0; ; i++ {
				kids = append(kids, item{cur.CurrentNode(), it.f.Child(i), cur.CurrentFieldName()})
				if !cur.GoToNextSibling() {
					break
				}
			}
		}
		cur.Close()
		if len(kids) != int(it.f.ChildCount()) {
			t.Fatalf("%s: %d children, flat %d", desc(it.b), len(kids), it.f.ChildCount())
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
	if len(order) != len(flat.nodes) {
		t.Fatalf("%d nodes, flat %d", len(order), len(flat.nodes))
	}
	errs := 0
	errorf := func(format string, args ...any) {
		t.Helper()
		t.Errorf(format, args...)
		if errs++; errs >= 20 {
			t.FailNow()
		}
	}
	same := func(what string, b *sitter.Node, got *node) {
		t.Helper()
		want := pair[b]
		if b == nil {
			want = nil
		} else if want == nil {
			t.Fatalf("%s: %s is not in the walk", what, desc(b))
		}
		if got != want {
			errorf("%s: flat gives %s, binding %s", what, fdesc(got), desc(b))
		}
	}
	for _, it := range order {
		b, f := it.b, it.f
		what := desc(b)
		if b.Type() != f.Type() || b.StartByte() != f.StartByte() || b.EndByte() != f.EndByte() ||
			b.StartPoint() != sitter.Point(f.StartPoint()) || b.EndPoint() != sitter.Point(f.EndPoint()) ||
			b.IsNamed() != f.IsNamed() || b.IsMissing() != f.IsMissing() || b.IsExtra() != f.IsExtra() ||
			b.HasError() != f.HasError() || b.IsError() != f.IsError() ||
			b.ChildCount() != f.ChildCount() || b.NamedChildCount() != f.NamedChildCount() ||
			b.Content(src) != f.Content(src) || it.field != f.fieldName() {
			errorf("%s: flat %s %q [%d-%d] named=%v missing=%v extra=%v err=%v/%v children=%d/%d field=%q",
				what, f.Type(), f.Content(src), f.StartByte(), f.EndByte(), f.IsNamed(), f.IsMissing(), f.IsExtra(),
				f.HasError(), f.IsError(), f.ChildCount(), f.NamedChildCount(), f.fieldName())
		}
		same(what+" Parent", b.Parent(), f.Parent())
		same(what+" NextSibling", b.NextSibling(), f.NextSibling())
		same(what+" PrevSibling", b.PrevSibling(), f.PrevSibling())
		if b.ChildCount() > 0 {
			for i := 0; i < int(b.ChildCount()) && i < 200; i++ {
				same(fmt.Sprintf("%s Child(%d)", what, i), b.Child(i), f.Child(i))
				if bf, ff := b.FieldNameForChild(i), f.FieldNameForChild(i); bf != ff {
					errorf("%s FieldNameForChild(%d) = %q, binding %q", what, i, ff, bf)
				}
			}
			for i := 0; i < int(b.NamedChildCount()) && i < 200; i++ {
				same(fmt.Sprintf("%s NamedChild(%d)", what, i), b.NamedChild(i), f.NamedChild(i))
			}
			for _, field := range tables.fields[1:] {
				same(what+" ChildByFieldName("+field+")", b.ChildByFieldName(field), f.ChildByFieldName(field))
			}
		}
		if s, e := b.StartPoint(), b.EndPoint(); b.IsNamed() {
			same(what+" NamedDescendantForPointRange", tree.RootNode().NamedDescendantForPointRange(s, e),
				flat.root().NamedDescendantForPointRange(point(s), point(e)))
			same(what+" NamedDescendantForPointRange(start)", tree.RootNode().NamedDescendantForPointRange(s, s),
				flat.root().NamedDescendantForPointRange(point(s), point(s)))
		}
	}
	return flat
}

func desc(n *sitter.Node) string {
	if n == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s[%d-%d]", n.Type(), n.StartByte(), n.EndByte())
}

func fdesc(n *node) string {
	if n == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%s[%d-%d]", n.Type(), n.StartByte(), n.EndByte())
}

// A flat tree's buffers are reused for the next tree only once the first
// is done with: a tree made while another is in use gets its own.
func TestFlatScratchReuse(t *testing.T) {
	parse := func(src string) *sitter.Tree {
		p := sitter.NewParser()
		defer p.Close()
		p.SetLanguage(swiftLang)
		tree, err := p.ParseCtx(context.Background(), nil, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(tree.Close)
		return tree
	}
	ta, tb := parse("let a = f(1)\n"), parse("class B { var x: Int { get } }\n")
	kinds := func(ft *flatTree) string {
		var out []string
		for i := range ft.nodes {
			out = append(out, ft.nodes[i].Type())
		}
		return strings.Join(out, " ")
	}
	var s flatScratch
	a := flatten(ta, swiftLang, &s)
	want := kinds(a)
	b := flatten(tb, swiftLang, &s)
	if got := kinds(a); got != want {
		t.Errorf("a tree made while the first was in use changed it:\n%s\nwant\n%s", got, want)
	}
	if &a.nodes[0] == &b.nodes[0] {
		t.Errorf("two trees in use share their nodes")
	}
	if d := a.root().Child(0); d.Type() != "property_declaration" || d.ChildByFieldName("value") == nil {
		t.Errorf("first tree unusable")
	}
	s.done()
	c := flatten(ta, swiftLang, &s)
	if &c.nodes[0] != &a.nodes[0] {
		t.Errorf("the buffers of a finished tree were not reused")
	}
	if got := kinds(c); got != want {
		t.Errorf("reused buffers give %s, want %s", got, want)
	}
}
