package flow_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A SecItem call writes its result variable: code under `if (result)` or
// `if let x = result as? Data` runs when the call succeeded. Before the
// call bound it, a result declared nil (`= NULL`, `= nil`) kept that
// value, the branch was taken as dead, and the calls in it were lost.
func TestResultVariableWrittenByTheCall(t *testing.T) {
	facts := analyze(t, model.AllPlatforms, map[string]string{
		"a.m": `#import <Security/Security.h>
void Refresh(NSDictionary *query) {
    CFTypeRef result = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, &result);
    if (result) {
        NSDictionary *objcItem = @{(__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword};
        SecItemDelete((__bridge CFDictionaryRef)objcItem);
    }
    CFTypeRef cast = NULL;
    SecItemCopyMatching((__bridge CFDictionaryRef)query, (CFTypeRef *)&cast);
    if (cast != NULL) {
        NSDictionary *castItem = @{(__bridge id)kSecClass: (__bridge id)kSecClassKey};
        SecItemDelete((__bridge CFDictionaryRef)castItem);
    }
}
`,
		"b.swift": `import Security
func refresh(_ query: [String: Any]) {
    var result: AnyObject? = nil
    SecItemCopyMatching(query as CFDictionary, &result)
    if let data = result as? Data {
        let swiftItem: [String: Any] = [kSecClass as String: kSecClassGenericPassword]
        SecItemDelete(swiftItem as CFDictionary)
        print(data)
    }
}
`,
	})
	for _, marker := range []string{"objcItem", "castItem", "swiftItem"} {
		call(t, facts, model.OpDelete, marker)
	}
}
