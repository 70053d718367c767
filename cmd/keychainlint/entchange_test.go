package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/internal/gittest"
)

// entProject is an Xcode app whose Debug and Release configurations
// share App/App.entitlements.
const entProject = `// !$*UTF8*$!
{
	objects = {
		F1 = {isa = PBXFileReference; path = Store.swift; sourceTree = "<group>"; };
		B1 = {isa = PBXBuildFile; fileRef = F1; };
		G1 = {isa = PBXGroup; path = App; children = (F1, ); sourceTree = "<group>"; };
		G0 = {isa = PBXGroup; children = (G1, ); sourceTree = "<group>"; };
		P1 = {isa = PBXSourcesBuildPhase; files = (B1, ); };
		T1 = {isa = PBXNativeTarget; name = App; buildPhases = (P1, ); buildConfigurationList = L1; productType = "com.apple.product-type.application"; };
		C1 = {isa = XCBuildConfiguration; name = Debug; buildSettings = {SDKROOT = iphoneos; CODE_SIGN_ENTITLEMENTS = App/App.entitlements; PRODUCT_BUNDLE_IDENTIFIER = com.example.app; }; };
		C2 = {isa = XCBuildConfiguration; name = Release; buildSettings = {SDKROOT = iphoneos; CODE_SIGN_ENTITLEMENTS = App/App.entitlements; PRODUCT_BUNDLE_IDENTIFIER = com.example.app; }; };
		L1 = {isa = XCConfigurationList; buildConfigurations = (C1, C2, ); };
		R1 = {isa = PBXProject; mainGroup = G0; projectDirPath = ""; targets = (T1, ); };
	};
	rootObject = R1;
}
`

// entitlementsXML writes an entitlements file: keychain-access-groups
// (none: no key) and application groups.
func entitlementsXML(groups []string, appGroups ...string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n")
	for _, list := range []struct {
		key    string
		values []string
	}{{"keychain-access-groups", groups}, {"com.apple.security.application-groups", appGroups}} {
		if list.values == nil {
			continue
		}
		b.WriteString("\t<key>" + list.key + "</key>\n\t<array>\n")
		for _, g := range list.values {
			b.WriteString("\t\t<string>" + g + "</string>\n")
		}
		b.WriteString("\t</array>\n")
	}
	b.WriteString("</dict>\n</plist>\n")
	return b.String()
}

// storeSwift is keychain code that names the application group
// group.com.example (so that items may be in it).
const storeSwift = `import Security

let sharedGroup = "group.com.example"

func token(account: String) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "tokens",
        kSecAttrAccount as String: account,
        kSecAttrAccessGroup as String: "ABCDE12345.com.example.app",
        kSecReturnData as String: true,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
`

const (
	appGroup    = "$(AppIdentifierPrefix)com.example.app"
	sharedGroup = "$(AppIdentifierPrefix)com.example.shared"
)

func entRepo(t *testing.T, ent string) *gittest.Repo {
	t.Helper()
	repo := gittest.New(t)
	repo.Write("App.xcodeproj/project.pbxproj", entProject)
	repo.Write("App/Store.swift", storeSwift)
	if ent != "" {
		repo.Write("App/App.entitlements", ent)
	} else {
		// The target had no entitlements: the file and the setting come
		// later.
		repo.Write("App.xcodeproj/project.pbxproj", strings.ReplaceAll(entProject, "CODE_SIGN_ENTITLEMENTS = App/App.entitlements; ", ""))
	}
	repo.Commit("base")
	t.Chdir(repo.Dir)
	return repo
}

// TestAccessGroupChangeDiff: a --diff scan compares the entitlements with
// the revision's and reports, at the changed line, a moved default group
// and a removed group; appending a group, or no change, is silent.
func TestAccessGroupChangeDiff(t *testing.T) {
	for _, tc := range []struct {
		name      string
		before    string // "" for no entitlements file
		after     string
		wantLines []int
		wantText  []string
	}{
		{"the first group changes", entitlementsXML([]string{appGroup, sharedGroup}), entitlementsXML([]string{sharedGroup, appGroup}),
			[]int{7}, []string{`default keychain access group of App.xcodeproj:App moves from "*com.example.app" at HEAD to "*com.example.shared"`}},
		{"a group is removed", entitlementsXML([]string{appGroup, sharedGroup}, "group.com.example"), entitlementsXML([]string{appGroup}),
			[]int{5, 5}, []string{`access group "*com.example.shared" was in the keychain-access-groups of App.xcodeproj:App at HEAD`, `"group.com.example" was in the com.apple.security.application-groups`}},
		{"a group is appended", entitlementsXML([]string{appGroup}), entitlementsXML([]string{appGroup, sharedGroup}, "group.com.example"), nil, nil},
		{"unchanged", entitlementsXML([]string{sharedGroup}), entitlementsXML([]string{sharedGroup}), nil, nil},
		{"a first group where the app had no entitlements", "", entitlementsXML([]string{sharedGroup}),
			[]int{7}, []string{`moves from the application identifier "*com.example.app" (no keychain-access-groups at HEAD) to "*com.example.shared"`}},
		{"a first group that is the application identifier", entitlementsXML(nil, "group.com.example"), entitlementsXML([]string{appGroup, sharedGroup}, "group.com.example"), nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			repo := entRepo(t, tc.before)
			repo.Write("App/App.entitlements", tc.after)
			repo.Write("App.xcodeproj/project.pbxproj", entProject)
			check := func(rev string) {
				t.Helper()
				r := runCmd(t, "--diff", rev, ".")
				fs := parseFindings(t, r.stdout)
				if len(fs) != len(tc.wantLines) {
					t.Fatalf("--diff %s: %d findings, want %d:\n%s", rev, len(fs), len(tc.wantLines), r)
				}
				for i, f := range fs {
					if f.path != "App/App.entitlements" || f.line != tc.wantLines[i] || f.rule != "accessgroupchange" || f.severity != "warning" ||
						!strings.Contains(f.message, strings.Replace(tc.wantText[i], "at HEAD", "at "+rev, 1)) {
						t.Errorf("finding %d: %+v\nwant line %d, %q", i, f, tc.wantLines[i], tc.wantText[i])
					}
				}
				wantCode := 0
				if len(fs) > 0 {
					wantCode = 1
				}
				if r.code != wantCode {
					t.Errorf("exit %d, want %d", r.code, wantCode)
				}
			}
			check("HEAD") // uncommitted
			base := strings.TrimSpace(repo.Git("rev-parse", "HEAD"))
			repo.Commit("change")
			check(base) // committed: a pull request against its base
			if r := runCmd(t, "--diff", "HEAD", "."); r.stdout != "" {
				t.Errorf("--diff HEAD after the commit: nothing changed since:\n%s", r)
			}
			// Without --diff or a baseline there is nothing to compare.
			if r := runCmd(t, "."); r.stdout != "" {
				t.Errorf("a scan without an earlier version:\n%s", r)
			}
			// The SARIF location in the .entitlements file (runCmd
			// validates the log).
			if len(tc.wantLines) > 0 {
				log := decodeSARIF(t, runCmd(t, "--diff", base, "--format", "sarif", ".").stdout)
				if res := log.Runs[0].Results; len(res) != len(tc.wantLines) {
					t.Errorf("SARIF: %d results", len(res))
				}
			}
		})
	}
}

// Without keychain code that names it, a removed application group holds
// no keychain item: only the keychain access group is reported.
func TestAccessGroupChangeUnnamedGroups(t *testing.T) {
	repo := entRepo(t, entitlementsXML([]string{appGroup, sharedGroup}, "group.com.example"))
	repo.Write("App/Store.swift", "import Security\n")
	repo.Write("App/App.entitlements", entitlementsXML([]string{appGroup}))
	r := runCmd(t, "--diff", "HEAD", ".")
	if fs := parseFindings(t, r.stdout); len(fs) != 1 || !strings.Contains(fs[0].message, `"*com.example.shared" was in the keychain-access-groups`) {
		t.Errorf("want the keychain access group only:\n%s", r)
	}
}

// The configuration disables the rule for the entitlements file like for
// any other.
func TestAccessGroupChangeDisabled(t *testing.T) {
	repo := entRepo(t, entitlementsXML([]string{appGroup}))
	repo.Write("App/App.entitlements", entitlementsXML([]string{sharedGroup}))
	repo.Write(".keychainlint.yml", "rules:\n  disable: [accessgroupchange]\n")
	if r := runCmd(t, "--diff", "HEAD", "."); r.stdout != "" || r.code != 0 {
		t.Errorf("disabled in the configuration:\n%s", r)
	}
}

// TestAccessGroupChangeBaseline: --write-baseline records the targets'
// entitlements, --baseline compares with them.
func TestAccessGroupChangeBaseline(t *testing.T) {
	repo := entRepo(t, entitlementsXML([]string{appGroup, sharedGroup}))
	if r := runCmd(t, "--write-baseline", "baseline.json", "."); r.code != 0 {
		t.Fatalf("--write-baseline:\n%s", r)
	}
	data, err := os.ReadFile("baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	var bl struct {
		Targets []struct {
			Target       string
			Entitlements []struct {
				Path                 string
				KeychainAccessGroups []string
			}
		}
	}
	if err := json.Unmarshal(data, &bl); err != nil || len(bl.Targets) != 1 || bl.Targets[0].Target != "App.xcodeproj:App" ||
		len(bl.Targets[0].Entitlements) != 1 || bl.Targets[0].Entitlements[0].Path != "App/App.entitlements" ||
		strings.Join(bl.Targets[0].Entitlements[0].KeychainAccessGroups, ",") != "*com.example.app,*com.example.shared" {
		t.Fatalf("the baseline records the entitlements (%v):\n%s", err, data)
	}
	if r := runCmd(t, "--baseline", "baseline.json", "."); r.stdout != "" || r.code != 0 {
		t.Errorf("unchanged since the baseline:\n%s", r)
	}
	repo.Write("App/App.entitlements", entitlementsXML([]string{appGroup, "$(AppIdentifierPrefix)com.example.other"}))
	// From another directory: the baseline names files relative to the
	// source root.
	t.Chdir("App")
	r := runCmd(t, "--baseline", "../baseline.json", "--srcroot", "..", "..")
	fs := parseFindings(t, r.stdout)
	if r.code != 1 || len(fs) != 1 || fs[0].path != "App.entitlements" || fs[0].line != 5 ||
		!strings.Contains(fs[0].message, `access group "*com.example.shared" was in the keychain-access-groups of App.xcodeproj:App in the baseline ../baseline.json`) {
		t.Errorf("a group removed since the baseline:\n%s", r)
	}
	t.Chdir("..")
	// Refreshing the baseline records the new entitlements: then silent.
	if r := runCmd(t, "--baseline", "baseline.json", "--write-baseline", "baseline.json", "."); r.code != 0 {
		t.Fatalf("refresh:\n%s", r)
	}
	if r := runCmd(t, "--baseline", "baseline.json", "."); r.stdout != "" {
		t.Errorf("after refreshing the baseline:\n%s", r)
	}
	// A baseline that recorded no entitlements compares none.
	os.WriteFile("old.json", []byte(`{"version": 1, "tool": "keychainlint", "findings": []}`), 0o644)
	repo.Write("App/App.entitlements", entitlementsXML([]string{sharedGroup}))
	if r := runCmd(t, "--baseline", "old.json", "."); r.stdout != "" {
		t.Errorf("a baseline without entitlements:\n%s", r)
	}
}

// TestSampleAppDiff: the sample app in a git history where the widget's
// entitlements put a new group before the shared one; the --diff scan
// reports only that (testdata/sampleapp.diff.golden, EXPECTED.md's
// "With --diff" section).
func TestSampleAppDiff(t *testing.T) {
	repo := gittest.New(t)
	copyTree(t, filepath.Join(repoRoot, "testdata", "sampleapp"), repo.Dir)
	repo.Commit("the sample app")
	ent := filepath.Join(repo.Dir, "Widget", "Widget.entitlements")
	src, err := os.ReadFile(ent)
	if err != nil {
		t.Fatal(err)
	}
	const shared = "\t\t<string>$(AppIdentifierPrefix)com.example.sampleapp.shared</string>\n"
	changed := strings.Replace(string(src), shared, "\t\t<string>$(AppIdentifierPrefix)$(PRODUCT_BUNDLE_IDENTIFIER)</string>\n"+shared, 1)
	if changed == string(src) {
		t.Fatal("Widget.entitlements has no shared group any more: update the test")
	}
	repo.Write("Widget/Widget.entitlements", changed)
	t.Chdir(repo.Dir)
	r := runCmd(t, "--diff", "HEAD", ".")
	if r.code != 1 {
		t.Errorf("exit %d, want 1:\n%s", r.code, r)
	}
	compareGolden(t, "sampleapp.diff.golden", r.stdout)
}

// A project that cannot be read at the revision is a note, not a failure:
// its entitlements are not compared.
func TestAccessGroupChangeUnreadableRevision(t *testing.T) {
	repo := entRepo(t, entitlementsXML([]string{appGroup}))
	repo.Write("App.xcodeproj/project.pbxproj", "{ objects = (")
	repo.Commit("broken project")
	repo.Write("App.xcodeproj/project.pbxproj", entProject)
	repo.Write("App/App.entitlements", entitlementsXML([]string{sharedGroup}))
	r := runCmd(t, "--diff", "HEAD", ".")
	if r.stdout != "" || r.code != 0 || !strings.Contains(r.stderr, "keychainlint: note: the projects at HEAD cannot be read, their entitlements are not compared: App.xcodeproj:") {
		t.Errorf("want a note and no finding:\n%s", r)
	}
	// Against the commit before, where the project was fine: the finding.
	if r := runCmd(t, "--diff", "HEAD~1", "."); len(parseFindings(t, r.stdout)) != 1 {
		t.Errorf("against HEAD~1:\n%s", r)
	}
}
