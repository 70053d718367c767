package swiftparse_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Every comment is collected, with its markers and its exact span.
func TestComments(t *testing.T) {
	for _, c := range []struct {
		ext, src string
		want     []string
	}{
		{"swift", `// header
import Security
/* block
   comment */
func f() {
    let q = [kSecClass: kSecClassKey] // keychainlint:ignore unsupportedattr
    /// doc comment
    SecItemDelete(q as CFDictionary) /* trailing */
}
struct S {
    // member comment
    #if os(macOS) // after a directive
    func m() {}
    #endif
}`, []string{"// header", "/* block\n   comment */", "// keychainlint:ignore unsupportedattr", "/// doc comment", "/* trailing */", "// member comment", "// after a directive"}},
		{"m", `// header
#import <Security/Security.h>
/* block */
@implementation K
- (void)f {
    NSDictionary *q = @{ (__bridge id)kSecClass: (__bridge id)kSecClassKey }; // keychainlint:ignore
#if TARGET_OS_OSX // mac
    SecItemDelete((__bridge CFDictionaryRef)q); /* trailing */
#endif
}
@end`, []string{"// header", "/* block */", "// keychainlint:ignore", "// mac", "/* trailing */"}},
		{"c", "/* c */ void f(void) { /* inside */ } // after\n", []string{"/* c */", "/* inside */", "// after"}},
	} {
		f := parse(t, c.ext, c.src)
		var got []string
		for _, cm := range f.Comments {
			got = append(got, cm.Text)
			if spanText(f, cm.Span) != cm.Text {
				t.Errorf(".%s: comment %q has span text %q", c.ext, cm.Text, spanText(f, cm.Span))
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf(".%s: comments\n got %q\nwant %q", c.ext, got, c.want)
		}
	}
}

// Spans point at the source text of what they describe, also after the
// Swift directives were blanked out.
func TestSpans(t *testing.T) {
	t.Run("swift", func(t *testing.T) {
		src := `struct Store {
    #if os(macOS)
    func save(account: String) -> OSStatus {
        var q = [String: Any]()
        q[kSecAttrAccount as String] = account
        return SecItemAdd(q as CFDictionary, nil)
    }
    #endif
}`
		f := parse(t, "swift", src)
		fn := funcNamed(t, f, "save")
		if got := spanText(f, fn.NameSpan); got != "save" {
			t.Errorf("NameSpan %q", got)
		}
		if got := spanText(f, fn.Span); !strings.HasPrefix(got, "func save(") || !strings.HasSuffix(got, "}") {
			t.Errorf("Span %q", got)
		}
		op := oneOf[*model.DictOp](t, f)
		if got := spanText(f, op.Span); got != "q[kSecAttrAccount as String] = account" {
			t.Errorf("DictOp span %q", got)
		}
		if got := spanText(f, op.Key.Pos()); got != "kSecAttrAccount as String" {
			t.Errorf("key span %q", got)
		}
		if got := spanText(f, model.StripCasts(op.Key).Pos()); got != "kSecAttrAccount" {
			t.Errorf("key name span %q", got)
		}
		s := oneOf[*model.SecItemCall](t, f)
		if got := spanText(f, s.Span); got != "SecItemAdd(q as CFDictionary, nil)" {
			t.Errorf("call span %q", got)
		}
		if got := spanText(f, s.NameSpan); got != "SecItemAdd" {
			t.Errorf("call name span %q", got)
		}
		if p := fn.Params[0]; spanText(f, p.Span) != "account: String" {
			t.Errorf("param span %q", spanText(f, p.Span))
		}
	})
	t.Run("objc", func(t *testing.T) {
		src := `@implementation K
- (OSStatus)saveAccount:(NSString *)a {
    NSMutableDictionary *q = [NSMutableDictionary dictionary];
    [q setObject:a forKey:(__bridge id)kSecAttrAccount];
    return SecItemAdd((__bridge CFDictionaryRef)q, NULL);
}
@end`
		f := parse(t, "m", src)
		fn := funcNamed(t, f, "saveAccount:")
		if got := spanText(f, fn.NameSpan); got != "saveAccount" {
			t.Errorf("NameSpan %q", got)
		}
		op := oneOf[*model.DictOp](t, f)
		if got := spanText(f, op.Span); got != "[q setObject:a forKey:(__bridge id)kSecAttrAccount]" {
			t.Errorf("DictOp span %q", got)
		}
		if got := spanText(f, model.StripCasts(op.Key).Pos()); got != "kSecAttrAccount" {
			t.Errorf("key name span %q", got)
		}
		c := nodes[*model.Call](f)
		for _, call := range c {
			if call.ObjCMessage {
				t.Errorf("setObject:forKey: left as a message send")
			}
		}
		s := oneOf[*model.SecItemCall](t, f)
		if got := spanText(f, s.NameSpan); got != "SecItemAdd" {
			t.Errorf("call name span %q", got)
		}
	})
}

// The Swift grammar nests infix chains without regard to precedence; the
// model has Swift's precedence and associativity.
func TestInfixPrecedence(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a == b || c == d", "((a == b) || (c == d))"},
		{"a || b && c", "(a || (b && c))"},
		{"a && b || c", "((a && b) || c)"},
		{"a < b || c > d", "((a < b) || (c > d))"},
		{"a + b * c", "(a + (b * c))"},
		{"a * b + c", "((a * b) + c)"},
		{"a - b - c", "((a - b) - c)"},
		{"a ?? b ?? c", "(a ?? (b ?? c))"},
		{"a ?? b == c", "((a ?? b) == c)"},
		{"-a + b", "(-a + b)"},
		{"!a || b", "(!a || b)"},
		{"!(a || b)", "!(a || b)"},
		{"(a || b) && c", "((a || b) && c)"},
		{"a << 2 + 1", "((a << 2) + 1)"},
		{"a != b && c", "((a != b) && c)"},
		{"x.count + 1 == y", "((x.count + 1) == y)"},
		{"-(a + b)", "-(a + b)"},
		{"!exists(q)", "!exists(q)"},
		{"!d[k]", "!d[k]"},
		{"-f(1) + 2", "(-f(1) + 2)"},
		{"!(status == errSecSuccess)", "!status(status == errSecSuccess=0)"},
		{"!ok && status != noErr", "(!ok && status(status != noErr=0))"},
	} {
		f := parse(t, "swift", "let v = "+c.src+"\n")
		fn := funcNamed(t, f, "v")
		got := model.DumpExpr(fn.Body[0].(*model.Return).Value)
		if got != c.want {
			t.Errorf("%s lowered to %s, want %s", c.src, got, c.want)
		}
	}
	// Spans of the rebuilt nodes cover their operands.
	f := parse(t, "swift", "let v = status == errSecSuccess || status == errSecItemNotFound\n")
	b := nodes[*model.Binary](f)[0]
	if got := spanText(f, b.Span); got != "status == errSecSuccess || status == errSecItemNotFound" {
		t.Errorf("|| span %q", got)
	}
	cmps := nodes[*model.StatusCmp](f)
	if len(cmps) < 2 || spanText(f, cmps[0].Span) != "status == errSecSuccess" || spanText(f, cmps[1].Span) != "status == errSecItemNotFound" {
		t.Errorf("comparison spans in\n%s", dumpFile(f))
	}
	// A chain too long to rebuild still lowers to comparisons.
	var long []string
	for i := 0; i < 100; i++ {
		long = append(long, fmt.Sprintf("status == %d", -i))
	}
	f = parse(t, "swift", "let v = "+strings.Join(long, " || ")+"\n")
	if _, ok := funcNamed(t, f, "v").Body[0].(*model.Return).Value.(*model.Binary); !ok {
		t.Errorf("100-operand chain lowered to %T", funcNamed(t, f, "v").Body[0].(*model.Return).Value)
	}
	if n := len(nodes[*model.StatusCmp](f)); n < 1 {
		t.Errorf("100-operand chain has no status comparison")
	}
	// C and Objective-C already nest by precedence.
	f = parse(t, "m", "int v(void) { return a == b || c == d && e; }\n")
	if got := model.DumpExpr(funcNamed(t, f, "v").Body[0].(*model.Return).Value); got != "((a == b) || ((c == d) && e))" {
		t.Errorf("Objective-C: %s", got)
	}
}

// A prefix operator binds looser than a postfix chain: the grammar gives
// `!x.contains(k)` as (!x).contains(k), the model as !(x.contains(k)).
func TestPrefixOverPostfixChain(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"!x.contains(k)", "!x.contains(k)"},
		{"!self.contains(k)", "!self.contains(k)"},
		{"!store.exists(key: k)", "!store.exists(key: k)"},
		{"!a.b.c", "!a.b.c"},
		{"!a.b[0]", "!a.b[0]"},
		{"!x?.isEmpty", "!x.isEmpty"},
		{"!a.b!.c", "!a.b!.c"},
		{"-x.count", "-x.count"},
		{"!x.f(!y.g())", "!x.f(!y.g())"},
		{"!x.contains(k) && y", "(!x.contains(k) && y)"},
		{"z || !x.contains(k)", "(z || !x.contains(k))"},
		{"!(try? x.contains(k))", "!x.contains(k)"},
		{".foo.bar", ".foo.bar"},
	} {
		f := parse(t, "swift", "let v = "+c.src+"\n")
		fn := funcNamed(t, f, "v")
		v := fn.Body[0].(*model.Return).Value
		if got := model.DumpExpr(v); got != c.want {
			t.Errorf("%s lowered to %s, want %s", c.src, got, c.want)
		}
	}
	// The negation is over the call, which keeps its receiver.
	f := parse(t, "swift", "func f() { if !self.contains(k) { add() } }\n")
	u, ok := nodes[*model.If](f)[0].Cond.(*model.Unary)
	if !ok || u.Op != "!" {
		t.Fatalf("condition %s", model.DumpExpr(nodes[*model.If](f)[0].Cond))
	}
	call, ok := u.X.(*model.Call)
	if !ok {
		t.Fatalf("negated %T", u.X)
	}
	if m, ok := call.Fun.(*model.Member); !ok || m.Name != "contains" || model.DumpExpr(m.X) != "self" {
		t.Errorf("callee %s", model.DumpExpr(call.Fun))
	}
	// Objective-C already nests it so.
	for _, c := range []struct{ src, want string }{
		{"![obj containsKey:k]", "!obj.containsKey:(containsKey: k)"},
		{"!obj.prop", "!obj.prop"},
		{"!self.store.exists", "!self.store.exists"},
	} {
		f := parse(t, "m", "int v(void) { return "+c.src+"; }\n")
		e := funcNamed(t, f, "v").Body[0].(*model.Return).Value
		if got := model.DumpExpr(e); got != c.want {
			t.Errorf("Objective-C %s lowered to %s, want %s", c.src, got, c.want)
		}
		if _, ok := e.(*model.Unary); !ok {
			t.Errorf("Objective-C %s lowered to %T", c.src, e)
		}
	}
}
