package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// dump --project shows each target's facts once: bundle id, entitlements
// per configuration with $(AppIdentifierPrefix) as a wildcard, Info.plist.
func TestDumpProjectTargets(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzer", "project", "testdata", "e2e", "xcode-ent")
	var out, errb bytes.Buffer
	if code := run([]string{"dump", "--project", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	proj := filepath.Join(dir, "Vault.xcodeproj")
	for _, want := range []string{
		"SharedStore.swift: module " + proj + ":NotificationService; platforms ios; deployment ios 15.0; from " + proj + "; targets " + proj + ":NotificationService, " + proj + ":Vault; scope ios\n",
		"target " + proj + ":Vault\n  bundle id com.example.vault\n",
		"  entitlements " + filepath.Join(dir, "App", "Vault.entitlements") + " (Release)\n    keychain-access-groups *com.example.vault, *com.example.shared\n    application-groups group.com.example.shared\n    default-data-protection NSFileProtectionComplete\n",
		"    UIBackgroundModes fetch, remote-notification\n",
		"    NSExtensionPointIdentifier com.apple.usernotifications.service\n    NSExtensionPrincipalClass NotificationService.NotificationService\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	if n := strings.Count(out.String(), "target "+proj+":Vault\n"); n != 1 {
		t.Errorf("the app target is shown %d times", n)
	}
}
