package backgroundaccess

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
)

// The scan parses the files that name a background entry point by the
// identifiers of keychain.BackgroundNames: every callback of the rule's
// table must be found by one of them (its own signature, the protocol it
// requires, or its sibling's signature), or its file may never be parsed.
func TestCallbacksFoundByBackgroundNames(t *testing.T) {
	names := map[string]bool{}
	for _, n := range keychain.BackgroundNames {
		names[n] = true
	}
	found := func(sigs ...string) bool {
		for _, s := range sigs {
			for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '(' || r == ')' || r == ':' || r == '_' }) {
				if names[part] {
					return true
				}
			}
		}
		return false
	}
	for sig, c := range callbacks {
		if !found(sig) && !found(c.conforms...) && !found(c.sibling...) {
			t.Errorf("%s: none of its identifiers is in keychain.BackgroundNames", sig)
		}
	}
	if !found("register(forTaskWithIdentifier:using:launchHandler:)", "registerForTaskWithIdentifier:usingQueue:launchHandler:") {
		t.Error("the BGTaskScheduler registration is not in keychain.BackgroundNames")
	}
}
