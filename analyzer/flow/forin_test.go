package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A for-in loop over a literal array binds its variable to the elements'
// constants in the body; after the loop the outer variable of that name
// is back; a sequence that is not a literal leaves the variable unknown.
func TestForInLiteralArray(t *testing.T) {
	facts := analyze(t, 0, map[string]string{
		"a.swift": `
func loops(classes: [CFString]) {
    let cls = kSecClassKey
    for cls in [kSecClassGenericPassword, kSecClassInternetPassword] {
        SecItemDelete([kSecClass: cls] as CFDictionary) // inner
    }
    SecItemDelete([kSecClass: cls, kSecAttrLabel: "after"] as CFDictionary)
    for c in classes {
        SecItemDelete([kSecClass: c, kSecAttrLabel: "param"] as CFDictionary)
    }
}`,
		"b.m": `
void loopsObjC(void) {
    for (id cls in @[(__bridge id)kSecClassCertificate, (__bridge id)kSecClassIdentity]) {
        SecItemDelete((__bridge CFDictionaryRef)@{(__bridge id)kSecClass: cls});
    }
}`,
	})
	values := func(marker string) []string {
		e := must(t, call(t, facts, model.OpDelete, marker).Dict, "kSecClass")
		var out []string
		for _, v := range e.Values {
			out = append(out, v.Ident)
		}
		if e.UnknownValue {
			out = append(out, "?")
		}
		return out
	}
	for marker, want := range map[string][]string{
		"[kSecClass: cls] as":            {"kSecClassGenericPassword", "kSecClassInternetPassword"},
		`"after"`:                        {"kSecClassKey"},
		`"param"`:                        {"?"},
		"@{(__bridge id)kSecClass: cls}": {"kSecClassCertificate", "kSecClassIdentity"},
	} {
		got := values(marker)
		if len(got) != len(want) {
			t.Errorf("%s: kSecClass holds %v, want %v", marker, got, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: kSecClass holds %v, want %v", marker, got, want)
				break
			}
		}
	}
}
