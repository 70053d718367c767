package backgroundaccess_test

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/rules/backgroundaccess"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

// testdata/app is an Xcode app (BgVault) with a notification service
// extension that share TokenStore.swift and an access group
// ($(AppIdentifierPrefix) from the entitlements, the group from an
// .xcconfig), an Info.plist with UIBackgroundModes, an Objective-C PushKit
// delegate, a WidgetKit provider outside any project, and a second app
// (Quiet) that declares no remote-notification mode.
func TestBackgroundAccess(t *testing.T) {
	ruletest.Run(t, "testdata/app", backgroundaccess.Analyzer)
}

// One finding per read, with every entry point that reaches it as a
// related location (at most three) after the add: TokenStore.token() is
// read by the background push, the notification service extension and the
// PushKit delegate, whose file has no keychain token (the scan parses it
// because it names a background callback).
func TestRelatedEntries(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata/app", backgroundaccess.Analyzer)
	var got []string
	for _, d := range diags {
		if filepath.Base(d.Pos.Filename) != "TokenStore.swift" {
			continue
		}
		for _, r := range d.Related {
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(r.Pos.Filename), r.Pos.Line, r.Message))
		}
	}
	want := []string{
		"TokenStore.swift:14: the item is added here without kSecAttrAccessible (default kSecAttrAccessibleWhenUnlocked)",
		"AppDelegate.swift:14: background entry point: a background push (application(_:didReceiveRemoteNotification:fetchCompletionHandler:))",
		"PushDelegate.swift:6: background entry point: a PushKit push (PKPushRegistryDelegate)",
		"NotificationService.swift:5: background entry point: a notification service extension (UNNotificationServiceExtension.didReceive(_:withContentHandler:))",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("related locations:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An update that re-protects the same item, or every item of the class,
// may have migrated it: silent; an update of another item is not a
// migration of this one.
func TestMigration(t *testing.T) {
	ruletest.Run(t, "testdata/migrated", backgroundaccess.Analyzer)
	ruletest.Run(t, "testdata/migratedall", backgroundaccess.Analyzer)
}
