package project

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

func entitlementsOf(t *testing.T, targets []*model.TargetFacts, name, config string) *model.Entitlements {
	t.Helper()
	for _, tf := range targets {
		if !strings.HasSuffix(tf.Target, ":"+name) {
			continue
		}
		for _, e := range tf.Entitlements {
			for _, c := range e.Configurations {
				if c == config {
					return e
				}
			}
		}
	}
	t.Fatalf("no %s entitlements of %s in %v", config, name, targets)
	return nil
}

// The lines of each access group entry and of the application-groups key
// are recorded (the rule reports there).
func TestEntitlementLines(t *testing.T) {
	set := Discover(context.Background(), []string{filepath.Join("testdata", "e2e", "xcode-ent")}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	rel := entitlementsOf(t, set.Targets(), "Vault", "Release")
	if len(rel.GroupLines) != 2 || rel.GroupLines[0] != 7 || rel.GroupLines[1] != 8 || rel.AppGroupsLine != 10 {
		t.Errorf("lines: groups %v, application groups %d; want [7 8], 10", rel.GroupLines, rel.AppGroupsLine)
	}
	if src, ok := set.DataFile(rel.Path); !ok || !strings.Contains(string(src), "com.example.shared") {
		t.Errorf("DataFile(%s): %v", rel.Path, ok)
	}
	if _, ok := set.DataFile(filepath.Join("testdata", "e2e", "xcode-ent", "Shared", "SharedStore.swift")); ok {
		t.Error("DataFile gives only plists")
	}
}

// TargetsAt reads the projects again from other contents: here the
// Release entitlements file with its groups swapped and the extension's
// file absent.
func TestTargetsAt(t *testing.T) {
	dir := filepath.Join("testdata", "e2e", "xcode-ent")
	set := Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	relAbs, _ := filepath.Abs(filepath.Join(dir, "App", "Vault.entitlements"))
	extAbs, _ := filepath.Abs(filepath.Join(dir, "NotificationService", "NotificationService.entitlements"))
	read := func(abs string) ([]byte, bool) {
		switch abs {
		case relAbs:
			return []byte(`<plist version="1.0"><dict><key>keychain-access-groups</key><array><string>$(AppIdentifierPrefix)com.example.shared</string></array></dict></plist>`), true
		case extAbs:
			return nil, false
		}
		b, err := os.ReadFile(abs)
		return b, err == nil
	}
	old, err := set.TargetsAt(read)
	if err != nil {
		t.Fatal(err)
	}
	rel := entitlementsOf(t, old, "Vault", "Release")
	if got := strings.Join(rel.KeychainAccessGroups, ","); got != "*com.example.shared" || rel.Path != set.files.show(relAbs) {
		t.Errorf("Release at the other revision: %q at %s", got, rel.Path)
	}
	if ext := entitlementsOf(t, old, "NotificationService", "Release"); ext.Unread == "" {
		t.Errorf("an entitlements file absent there is unread: %+v", ext)
	}
	// The scan's own facts are untouched.
	if cur := entitlementsOf(t, set.Targets(), "Vault", "Release"); len(cur.KeychainAccessGroups) != 2 {
		t.Errorf("current facts changed: %v", cur.KeychainAccessGroups)
	}
	// A project absent there has no targets; a malformed one is an error.
	if none, err := set.TargetsAt(func(string) ([]byte, bool) { return nil, false }); len(none) != 0 || err != nil {
		t.Errorf("absent project: %v, %v", none, err)
	}
	if _, err := set.TargetsAt(func(string) ([]byte, bool) { return []byte("{ objects = ("), true }); err == nil {
		t.Error("malformed project at the revision: no error")
	}
}

func TestArrayLines(t *testing.T) {
	src := "<?xml version=\"1.0\"?>\n<plist>\n<dict>\n\t<key>a</key>\n\t<array>\n\t\t<string>x</string>\n\n\t\t<string>y</string>\n\t</array>\n\t<key>b</key>\n\t<true/>\n\t<key>c</key>\n\t<array/>\n</dict>\n</plist>\n"
	got := arrayLines([]byte(src))
	want := map[string][]int{"a": {4, 6, 8}, "b": {10}, "c": {12}}
	for k, w := range want {
		if g := got[k]; len(g) != len(w) || (len(g) > 0 && (g[0] != w[0] || g[len(g)-1] != w[len(w)-1])) {
			t.Errorf("%s: %v, want %v", k, g, w)
		}
	}
	if arrayLines([]byte("bplist00\x00\x01")) != nil {
		t.Error("binary plist: want no lines")
	}
	if arrayLines([]byte("<plist><dict><key>a</key><key>a</key></dict></plist>")) != nil {
		t.Error("duplicate key: want no lines")
	}
}

// An application a test bundle names in TEST_HOST and whose name says it
// is a test application is a test host.
func TestTestHost(t *testing.T) {
	dir := t.TempDir()
	pbx := `{ objects = {
		T1 = {isa = PBXNativeTarget; name = TestHostApp; buildConfigurationList = L1; productType = "com.apple.product-type.application"; };
		T2 = {isa = PBXNativeTarget; name = Tests; buildConfigurationList = L2; productType = "com.apple.product-type.bundle.unit-test"; };
		T3 = {isa = PBXNativeTarget; name = App; buildConfigurationList = L3; productType = "com.apple.product-type.application"; };
		T4 = {isa = PBXNativeTarget; name = AppTests; buildConfigurationList = L4; productType = "com.apple.product-type.bundle.unit-test"; };
		C4 = {isa = XCBuildConfiguration; name = Debug; buildSettings = {SDKROOT = iphoneos; TEST_HOST = "$(BUILT_PRODUCTS_DIR)/App.app/App"; }; };
		L4 = {isa = XCConfigurationList; buildConfigurations = (C4, ); };
		C1 = {isa = XCBuildConfiguration; name = Debug; buildSettings = {SDKROOT = iphoneos; PRODUCT_NAME = "Host App"; }; };
		C2 = {isa = XCBuildConfiguration; name = Debug; buildSettings = {SDKROOT = iphoneos; TEST_HOST = "$(BUILT_PRODUCTS_DIR)/Host App.app/Host App"; }; };
		C3 = {isa = XCBuildConfiguration; name = Debug; buildSettings = {SDKROOT = iphoneos; }; };
		L1 = {isa = XCConfigurationList; buildConfigurations = (C1, ); };
		L2 = {isa = XCConfigurationList; buildConfigurations = (C2, ); };
		L3 = {isa = XCConfigurationList; buildConfigurations = (C3, ); };
		T5 = {isa = PBXNativeTarget; name = "Mac Test Host App"; buildConfigurationList = L3; productType = "com.apple.product-type.application"; };
		R1 = {isa = PBXProject; targets = (T1, T2, T3, T4, T5, ); };
	}; rootObject = R1; }`
	if err := os.MkdirAll(filepath.Join(dir, "X.xcodeproj"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "X.xcodeproj", "project.pbxproj"), []byte(pbx), 0o644); err != nil {
		t.Fatal(err)
	}
	set := Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	hosts := map[string]bool{}
	for _, tf := range set.Targets() {
		hosts[tf.Target[strings.LastIndex(tf.Target, ":")+1:]] = tf.TestHost
	}
	// App hosts AppTests but is the shipping app; "Mac Test Host App" is
	// called one in a project with test bundles.
	if len(hosts) != 5 || !hosts["TestHostApp"] || hosts["App"] || hosts["Tests"] || !hosts["Mac Test Host App"] {
		t.Errorf("test hosts: %v", hosts)
	}
	// A conditional TEST_HOST from an xcconfig names a host too.
	if err := os.WriteFile(filepath.Join(dir, "Tests.xcconfig"), []byte("TEST_HOST[sdk=macosx*] = $(BUILT_PRODUCTS_DIR)/TestHostApp.app/Contents/MacOS/TestHostApp\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pbx = strings.Replace(pbx, `TEST_HOST = "$(BUILT_PRODUCTS_DIR)/Host App.app/Host App"; }; };`, `}; baseConfigurationReference = X1; };
		X1 = {isa = PBXFileReference; path = Tests.xcconfig; sourceTree = "<group>"; };`, 1)
	if err := os.WriteFile(filepath.Join(dir, "X.xcodeproj", "project.pbxproj"), []byte(pbx), 0o644); err != nil {
		t.Fatal(err)
	}
	set = Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	for _, tf := range set.Targets() {
		if strings.HasSuffix(tf.Target, ":TestHostApp") && !tf.TestHost {
			t.Errorf("conditional TEST_HOST in an xcconfig: %+v", tf)
		}
	}
	if testHostApp("$(BUILT_PRODUCTS_DIR)/Mac Host.app/Contents/MacOS/Mac Host") != "Mac Host" || testHostApp("") != "" {
		t.Error("testHostApp")
	}
}
