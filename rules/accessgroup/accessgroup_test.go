package accessgroup_test

import (
	"testing"

	"github.com/keychainlint/keychainlint/rules/accessgroup"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// testdata is an Xcode app and a notification service extension: the app
// is entitled to $(AppIdentifierPrefix)$(PRODUCT_BUNDLE_IDENTIFIER),
// $(AppIdentifierPrefix)com.example.shared (and, in Debug,
// ...com.example.debug) and the application group group.$(SHARED_GROUP)
// from an xcconfig; the extension to the shared group only.
func TestAccessGroup(t *testing.T) {
	ruletest.Run(t, "testdata", accessgroup.Analyzer)
}
