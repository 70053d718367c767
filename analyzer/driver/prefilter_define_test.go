package driver_test

import (
	"strings"
	"testing"
)

// A header without any keychain token that defines a key through a string
// macro (`#define MyAccountKey @"acct"`, kSecAttrAccount's value) is
// parsed in the helper round when keychain code uses the macro, so the
// key is known (here: an account on a cryptographic key, which has none);
// a header of other macros is not parsed. (A macro spelling a constant's
// name, `@"kSecAttrAccount"`, holds a keychain token: round 1 parses it.)
func TestPrefilterParsesStringMacroHeader(t *testing.T) {
	res := run(t, map[string]string{
		"Keys.h": `#define MyAccountKey @"acct"
`,
		"Other.h": `#define MyTitle @"Title"
#define MyColor(x) [UIColor x]
`,
		"Store.m": `#import <Security/Security.h>
#import "Keys.h"
OSStatus MyAdd(NSData *tag) {
    NSDictionary *item = @{(__bridge id)kSecClass: (__bridge id)kSecClassKey,
                           (__bridge id)kSecAttrApplicationTag: tag,
                           MyAccountKey: @"me"};
    return SecItemAdd((__bridge CFDictionaryRef)item, NULL);
}
`,
	})
	if got, want := strings.Join(parsedPaths(res), " "), "Keys.h Store.m"; got != want {
		t.Errorf("parsed %s, want %s", got, want)
	}
	if !hasFinding(res, "unsupportedattr", "Store.m") {
		t.Errorf("want unsupportedattr (kSecAttrAccount on a key) in Store.m; got %v; parsed %v", findings(res), parsedPaths(res))
	}
}
