package swiftparse_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// CFSTR("x") lowers to the string literal "x" spanning the whole macro
// call, so a key written as CFSTR("acct") is kSecAttrAccount and a rule's
// fix replaces the whole CFSTR(…).
func TestCFSTRIsAString(t *testing.T) {
	src := `void f(CFMutableDictionaryRef q, CFStringRef a) {
    CFDictionarySetValue(q, CFSTR("acct"), a);
    CFDictionarySetValue(q, CFSTR(name), a);
}
`
	for _, ext := range []string{"c", "m"} {
		f := parse(t, ext, src)
		lits := nodesIn[*model.StringLit](funcNamed(t, f, "f"))
		if len(lits) != 1 {
			t.Fatalf(".%s: %d string literals, want 1 (CFSTR of a non-literal stays a call)", ext, len(lits))
		}
		got := src[lits[0].Span.Start:lits[0].Span.End]
		if lits[0].Value != "acct" || got != `CFSTR("acct")` {
			t.Errorf(".%s: literal %q spans %q, want \"acct\" over CFSTR(\"acct\")", ext, lits[0].Value, got)
		}
	}
}
