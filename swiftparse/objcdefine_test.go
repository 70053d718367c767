package swiftparse_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// An object-like macro whose replacement is one string literal lowers as
// a constant returning it, with the literal's own span; other macros
// lower as nothing.
func TestObjCDefineStringLowersAsConstant(t *testing.T) {
	src := `#define kAccountKey @"kSecAttrAccount"
#define kParen  ( "svce" )
#define kCF CFSTR("labl")
#define kAlias kSecAttrService
#define kFunc(x) @"acct"
#define kEscaped @"a\"b"
#define kTwo @"a" @"b"
#ifdef DEBUG
#define kDebugOnly @"agrp"
#endif
`
	for _, ext := range []string{"m", "c"} {
		f := parse(t, ext, src)
		want := map[string]string{"kAccountKey": `@"kSecAttrAccount"`, "kParen": `"svce"`, "kCF": `CFSTR("labl")`, "kDebugOnly": `@"agrp"`}
		values := map[string]string{"kAccountKey": "kSecAttrAccount", "kParen": "svce", "kCF": "labl", "kDebugOnly": "agrp"}
		if len(f.Funcs) != len(want) {
			t.Errorf(".%s: %d bodies, want %d:\n%s", ext, len(f.Funcs), len(want), dumpFile(f))
		}
		for name, text := range want {
			fn := funcNamed(t, f, name)
			if fn.Kind != model.FuncProperty || len(fn.Body) != 1 {
				t.Fatalf(".%s: %s lowers as\n%s", ext, name, model.Dump(fn))
			}
			lit, ok := fn.Body[0].(*model.Return).Value.(*model.StringLit)
			if !ok || lit.Value != values[name] || spanText(f, lit.Span) != text {
				t.Errorf(".%s: %s returns %s, want the literal %s", ext, name, model.Dump(fn), text)
			}
		}
	}
}
