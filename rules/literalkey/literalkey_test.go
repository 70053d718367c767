package literalkey_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/literalkey"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// The fixtures also show what is silent: the keys' short values ("acct",
// "svce"), a constant's name used as a value, strings that name no key,
// and dictionaries that never reach a SecItem call.
func TestLiteralKey(t *testing.T) {
	diags := ruletest.Run(t, "testdata", literalkey.Analyzer)
	fixes := 0
	for _, d := range diags {
		if d.Severity != driver.Error {
			t.Errorf("%s:%d: severity %s, want error", d.Pos.Filename, d.Pos.Line, d.Severity)
		}
		// The finding covers the key expression it names first.
		name := strings.Fields(d.Message)[0]
		if text := ruletest.Covered(t, d); literal(text) != name {
			t.Errorf("%s:%d:%d: finding covers %q, want %s", d.Pos.Filename, d.Pos.Line, d.Pos.Column, text, name)
		}
		// A literal written at the key gets a fix; a key from a helper or
		// a property is fixed where the helper writes it, not here.
		literal := strings.HasPrefix(name, `"`)
		if literal != (len(d.Fixes) == 1) {
			t.Errorf("%s:%d: %d fixes, want a fix only for a literal key: %s", d.Pos.Filename, d.Pos.Line, len(d.Fixes), d.Message)
		}
		fixes += len(d.Fixes)
	}
	if fixes != 6 {
		t.Errorf("got %d fixes, want 6 (three literal keys in literal.swift, two in literal.m, one in literal.c)", fixes)
	}
}

// literal is the string a literal key spells: "x" for "x", @"x" and
// CFSTR("x"); other text unchanged.
func literal(text string) string {
	if strings.HasPrefix(text, "CFSTR(") && strings.HasSuffix(text, ")") {
		return text[len("CFSTR(") : len(text)-1]
	}
	return strings.TrimPrefix(text, "@")
}
