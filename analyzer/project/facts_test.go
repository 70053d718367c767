package project

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"howett.net/plist"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

func infoOf(t *testing.T, dir, file string) *model.ProjectInfo {
	t.Helper()
	set := Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	p := filepath.Join(dir, file)
	abs, _ := filepath.Abs(p)
	info := set.Info(abs, p)
	if info == nil {
		t.Fatalf("%s: no project info", file)
	}
	return info
}

func target(t *testing.T, info *model.ProjectInfo, name string) *model.TargetFacts {
	t.Helper()
	for _, tf := range info.Targets {
		if strings.HasSuffix(tf.Target, ":"+name) {
			return tf
		}
	}
	t.Fatalf("no target %s in %v", name, info.Targets)
	return nil
}

func TestTargetFacts(t *testing.T) {
	dir := filepath.Join("testdata", "e2e", "xcode-ent")
	info := infoOf(t, dir, "Shared/SharedStore.swift")
	if len(info.Targets) != 2 {
		t.Fatalf("SharedStore.swift is in both targets: %d", len(info.Targets))
	}
	app := target(t, info, "Vault")
	if strings.Join(app.BundleIDs, ",") != "com.example.vault" {
		t.Errorf("bundle id from Team.xcconfig through #include: %v", app.BundleIDs)
	}
	if len(app.Entitlements) != 2 {
		t.Fatalf("Debug and Release name different files: %+v", app.Entitlements)
	}
	rel := app.Entitlements[1] // Release, "$(TARGET_NAME)/../App/$(PRODUCT_NAME).entitlements"
	if filepath.ToSlash(rel.Path) != filepath.ToSlash(filepath.Join(dir, "App/Vault.entitlements")) || rel.Unread != "" {
		t.Errorf("release entitlements: %+v", rel)
	}
	if got := strings.Join(rel.KeychainAccessGroups, ","); got != "*com.example.vault,*com.example.shared" {
		t.Errorf("$(AppIdentifierPrefix) is a wildcard, $(PRODUCT_BUNDLE_IDENTIFIER) expanded: %s", got)
	}
	if got := strings.Join(rel.AppGroups, ","); got != "group.com.example.shared" {
		t.Errorf("app group from an xcconfig variable: %s", got)
	}
	if rel.DefaultDataProtection != "NSFileProtectionComplete" || rel.Line != 5 {
		t.Errorf("data protection %q, line %d", rel.DefaultDataProtection, rel.Line)
	}
	ip := app.InfoPlist
	if ip == nil || ip.BundleID != "com.example.vault" || strings.Join(ip.BackgroundModes, ",") != "fetch,remote-notification" ||
		strings.Join(ip.BGTaskIdentifiers, ",") != "com.example.vault.refresh" {
		t.Errorf("Info.plist: %+v", ip)
	}
	ext := target(t, info, "NotificationService")
	if ext.InfoPlist == nil || ext.InfoPlist.ExtensionPoint != "com.apple.usernotifications.service" ||
		ext.InfoPlist.ExtensionPrincipalClass != "NotificationService.NotificationService" ||
		ext.InfoPlist.BundleID != "com.example.vault.notification-service" {
		t.Errorf("extension Info.plist: %+v", ext.InfoPlist)
	}
	groups, known := info.Entitled()
	if !known || !contains(groups, "group.com.example.shared") || !contains(groups, "*com.example.debug") {
		t.Errorf("entitled: %v %v", groups, known)
	}
}

// writeProject writes a one-target project whose settings are given.
func writeProject(t *testing.T, dir, settings string) {
	t.Helper()
	pbx := `{ objects = {
		F1 = {isa = PBXFileReference; path = A.swift; sourceTree = "<group>"; };
		B1 = {isa = PBXBuildFile; fileRef = F1; };
		G0 = {isa = PBXGroup; children = (F1); sourceTree = "<group>"; };
		P1 = {isa = PBXSourcesBuildPhase; files = (B1); };
		T1 = {isa = PBXNativeTarget; name = A; buildPhases = (P1); buildConfigurationList = L1; productType = "com.apple.product-type.application"; };
		C1 = {isa = XCBuildConfiguration; name = Release; buildSettings = {SDKROOT = iphoneos; ` + settings + `}; };
		L1 = {isa = XCConfigurationList; buildConfigurations = (C1); };
		R1 = {isa = PBXProject; mainGroup = G0; targets = (T1); };
	}; rootObject = R1; }`
	if err := os.MkdirAll(filepath.Join(dir, "A.xcodeproj"), 0o755); err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "A.xcodeproj", "project.pbxproj"), []byte(pbx), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "A.swift"), []byte("import Security\n"), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestBinaryEntitlements(t *testing.T) {
	dir := t.TempDir()
	writeProject(t, dir, `CODE_SIGN_ENTITLEMENTS = A.entitlements; PRODUCT_BUNDLE_IDENTIFIER = com.example.a;`)
	b, err := plist.Marshal(map[string]any{"keychain-access-groups": []string{"$(AppIdentifierPrefix)com.example.a"}}, plist.BinaryFormat)
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, "A.entitlements"), b, 0o644))
	e := target(t, infoOf(t, dir, "A.swift"), "A").Entitlements[0]
	if e.Unread != "" || strings.Join(e.KeychainAccessGroups, ",") != "*com.example.a" {
		t.Errorf("binary entitlements: %+v", e)
	}
}

func TestEntitlementsNotRead(t *testing.T) {
	for _, c := range []struct{ name, setting, want string }{
		{"unexpandable path", `CODE_SIGN_ENTITLEMENTS = "$(CI_DIR)/A.entitlements";`, "cannot be expanded"},
		{"missing file", `CODE_SIGN_ENTITLEMENTS = Missing.entitlements;`, "not in the scan"},
		{"link out of the tree", `CODE_SIGN_ENTITLEMENTS = Link.entitlements;`, "not in the scan"},
		{"malformed", `CODE_SIGN_ENTITLEMENTS = Bad.entitlements;`, "malformed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			outside := filepath.Join(t.TempDir(), "Out.entitlements")
			must(t, os.WriteFile(outside, []byte(`<plist><dict><key>keychain-access-groups</key><array><string>x</string></array></dict></plist>`), 0o644))
			must(t, os.Symlink(outside, filepath.Join(dir, "Link.entitlements")))
			must(t, os.WriteFile(filepath.Join(dir, "Bad.entitlements"), []byte("<plist><dict><key>"), 0o644))
			writeProject(t, dir, c.setting)
			info := infoOf(t, dir, "A.swift")
			e := target(t, info, "A").Entitlements[0]
			if !strings.Contains(e.Unread, c.want) || len(e.KeychainAccessGroups) != 0 {
				t.Errorf("got %+v, want unread %q", e, c.want)
			}
			if g, known := info.Entitled(); !known || !contains(g, "*") {
				t.Errorf("unread entitlements entitle to anything: %v %v", g, known)
			}
		})
	}
}

func TestGeneratedInfoPlist(t *testing.T) {
	dir := t.TempDir()
	writeProject(t, dir, `GENERATE_INFOPLIST_FILE = YES; PRODUCT_BUNDLE_IDENTIFIER = "com.example.$(PRODUCT_NAME:rfc1034identifier)"; PRODUCT_NAME = "My App"; INFOPLIST_KEY_UIBackgroundModes = "fetch processing";`)
	ip := target(t, infoOf(t, dir, "A.swift"), "A").InfoPlist
	if ip == nil || ip.Path != "" || ip.BundleID != "com.example.My-App" || strings.Join(ip.BackgroundModes, ",") != "fetch,processing" {
		t.Errorf("generated Info.plist: %+v", ip)
	}
}

func TestExpandWild(t *testing.T) {
	s := map[string]string{"A": "x$(B)", "B": "y", "LOOP": "$(LOOP)z", "N": "a b"}
	for in, want := range map[string]string{
		"$(A).$(B)":                   "xy.y",
		"${A}":                        "xy",
		"$(AppIdentifierPrefix)com.a": "*com.a",
		"$(UNSET)$(UNSET2)x":          "*x",
		"$(A:upper)":                  "XY",
		"$(N:rfc1034identifier)":      "a-b",
		"$(A:unknownmod)":             "*",
		"$(LOOP)":                     "*z",
		"$(open":                      "$(open",
	} {
		if got := expandWild(in, s); got != want {
			t.Errorf("expandWild(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzDataPlist(f *testing.F) {
	for _, p := range []string{"testdata/e2e/xcode-ent/App/Info.plist", "testdata/e2e/xcode-ent/App/Vault.entitlements"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	bin, _ := plist.Marshal(map[string]any{"keychain-access-groups": []string{"a", "b"}, "n": 1}, plist.BinaryFormat)
	f.Add(bin)
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := parseDataPlist(b); err != nil && strings.Contains(err.Error(), "unreadable property list") {
			t.Fatalf("the plist library panicked on %q: %v", b, err)
		}
		_ = expandWild(string(b), map[string]string{"A": string(b)})
	})
}

// Settings that each name the next many times would multiply; the
// expansion resolves a bounded number of references (counted, not timed).
func TestExpandWildBounded(t *testing.T) {
	s := map[string]string{}
	for i := 0; i < 8; i++ {
		s[string(rune('A'+i))] = strings.Repeat("$("+string(rune('A'+i+1))+")", 50)
	}
	s["I"] = "x"
	budget := maxExpandRefs
	got := expandDepth("$(A)", s, nil, &budget)
	if budget >= 0 || !strings.Contains(got, Wildcard) || len(got) > 100*maxExpandRefs {
		t.Errorf("budget %d, %d bytes", budget, len(got))
	}
}

// A project that names an Info.plist or entitlements file in another case
// than the file system has it builds in Xcode (macOS file systems ignore
// case), so the file is read; two files that differ only in case are not
// guessed between.
func TestFactsPathCaseInsensitive(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "e2e", "xcode-ent"))); err != nil {
		t.Fatal(err)
	}
	app := filepath.Join(dir, "App")
	for from, to := range map[string]string{"Vault.entitlements": "VAULT.entitlements", "Info.plist": "info.plist"} {
		if err := os.Rename(filepath.Join(app, from), filepath.Join(app, to)); err != nil {
			t.Fatal(err)
		}
	}
	vault := target(t, infoOf(t, dir, "Shared/SharedStore.swift"), "Vault")
	rel := vault.Entitlements[1]
	if rel.Unread != "" || len(rel.KeychainAccessGroups) == 0 || filepath.Base(rel.Path) != "VAULT.entitlements" {
		t.Errorf("entitlements named in another case: %+v", rel)
	}
	if vault.InfoPlist == nil || filepath.Base(vault.InfoPlist.Path) != "info.plist" {
		t.Errorf("Info.plist named in another case: %+v", vault.InfoPlist)
	}

	// Two candidates that differ only in case: neither is read. (Only
	// where the file system can hold both.)
	if _, err := os.Stat(filepath.Join(app, "vault.entitlements")); err == nil {
		t.Log("this file system ignores case: the two-candidate case cannot be built here")
		return
	}
	if err := os.WriteFile(filepath.Join(app, "vault.entitlements"), []byte("<plist><dict/></plist>"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel = target(t, infoOf(t, dir, "Shared/SharedStore.swift"), "Vault").Entitlements[1]
	if rel.Unread == "" {
		t.Errorf("two files that differ in case: one was picked: %+v", rel)
	}
}
