package inventory

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// TestWrapper: a wrapper that passes its dictionary parameter to
// SecItemAdd is not an item of its own; the caller's dictionary is, made
// "through" the wrapper.
func TestWrapper(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"W.swift": `
import Security
func addItem(_ q: [String: Any]) -> OSStatus {
    return SecItemAdd(q as CFDictionary, nil)
}
func saveToken(_ d: Data) {
    _ = addItem([kSecClass as String: kSecClassGenericPassword,
                 kSecAttrService as String: "svc", kSecAttrAccount as String: "token",
                 kSecUseDataProtectionKeychain as String: true,
                 kSecValueData as String: d])
}
`})
	if len(inv.Items) != 1 {
		t.Fatalf("want 1 item, got %d: %+v", len(inv.Items), inv.Items)
	}
	it := inv.Items[0]
	if len(it.Adds) != 1 || it.Adds[0].Function != "saveToken(_:)" || it.Adds[0].Via != "addItem(_:)" {
		t.Errorf("adds: %+v", it.Adds)
	}
	if it.Keychain != KeychainDP {
		t.Errorf("keychain: %s", it.Keychain)
	}
}

// TestProtection: a key set on one path only is "not set on some paths";
// the keychain column follows kSecUseDataProtectionKeychain and the
// platforms; an add the engine cannot follow is a row of unknowns.
func TestProtection(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"P.swift": `
import Security
func save(_ d: Data, strict: Bool) {
    var q: [String: Any] = [kSecClass as String: kSecClassGenericPassword,
                            kSecAttrService as String: "svc", kSecAttrAccount as String: "a",
                            kSecValueData as String: d]
    if strict {
        q[kSecAttrAccessible as String] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
    }
    SecItemAdd(q as CFDictionary, nil)
}
#if os(iOS)
func saveIOS(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword,
                kSecAttrService as String: "svc", kSecAttrAccount as String: "b",
                kSecValueData as String: d] as CFDictionary, nil)
}
#endif
func saveOpaque(_ q: CFDictionary) {
    SecItemAdd(q, nil)
}
`})
	if len(inv.Items) != 3 {
		t.Fatalf("want 3 items, got %d: %+v", len(inv.Items), inv.Items)
	}
	a, ios, opaque := inv.Items[0], inv.Items[1], inv.Items[2]
	if got := a.Accessible.text(unsetAccessible); got != "kSecAttrAccessibleWhenUnlockedThisDeviceOnly | not set on some paths" {
		t.Errorf("accessible: %s", got)
	}
	if a.Keychain != KeychainFile {
		t.Errorf("keychain: %s", a.Keychain)
	}
	if ios.Keychain != KeychainNoMac || ios.Platforms != "ios,maccatalyst" { // os(iOS) holds on Mac Catalyst
		t.Errorf("iOS-only add: keychain %s, platforms %s", ios.Keychain, ios.Platforms)
	}
	if got := opaque.Class.text("unknown"); !strings.HasPrefix(got, "unknown") {
		t.Errorf("opaque class: %s", got)
	}
	if opaque.Keychain != KeychainSome {
		t.Errorf("opaque keychain: %s", opaque.Keychain)
	}
	if len(opaque.Attributes) != len(identifying) {
		t.Errorf("an unknown class shows every identifying attribute: %+v", opaque.Attributes)
	}
}

// TestDeterministic: the inventory does not depend on the order of the
// flow results.
func TestDeterministic(t *testing.T) {
	files := map[string]string{"Store.swift": store, "Other.swift": `
import Security
func other(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassInternetPassword,
                kSecAttrServer as String: "example.com", kSecAttrAccount as String: "me",
                kSecValueData as String: d] as CFDictionary, nil)
}
`}
	rs := results(t, model.AllPlatforms, files)
	want := Build(rs, Options{})
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		r.Shuffle(len(rs), func(i, j int) { rs[i], rs[j] = rs[j], rs[i] })
		if got := Build(rs, Options{}); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d: a different inventory", i)
		}
	}
	if want.Items[0].Adds[0].File != "Other.swift" {
		t.Errorf("rows are not in file order: %+v", want.Items[0].Adds)
	}
}

// TestEmpty: no results, nil results, a program without SecItem calls.
func TestEmpty(t *testing.T) {
	for _, inv := range []*Inventory{
		Build(nil, Options{}),
		Build([]*flow.Result{nil}, Options{}),
		build(t, model.AllPlatforms, map[string]string{"E.swift": "let x = 1\n"}),
	} {
		if len(inv.Items) != 0 || len(inv.Queries) != 0 || inv.Items == nil || inv.Queries == nil {
			t.Errorf("empty inventory: %+v", inv)
		}
	}
}

// TestUpdateSets: an update that changes the protection of an item says
// so; one that changes only the data does not.
func TestUpdateSets(t *testing.T) {
	inv := build(t, model.AllPlatforms, map[string]string{"U.swift": `
import Security
struct Store {
    func save(_ d: Data, account: String) {
        SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                    kSecAttrAccount as String: account, kSecValueData as String: d] as CFDictionary, nil)
    }
    func protect(account: String) {
        SecItemUpdate([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                       kSecAttrAccount as String: account] as CFDictionary,
                      [kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock] as CFDictionary)
    }
    func replace(_ d: Data, account: String) {
        SecItemUpdate([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                       kSecAttrAccount as String: account] as CFDictionary,
                      [kSecValueData as String: d] as CFDictionary)
    }
}
`})
	if len(inv.Items) != 1 || len(inv.Items[0].Updates) != 2 {
		t.Fatalf("want one item with two updates: %+v", inv.Items)
	}
	protect, replace := inv.Items[0].Updates[0], inv.Items[0].Updates[1]
	if strings.Join(protect.Sets, ",") != "kSecAttrAccessible = kSecAttrAccessibleAfterFirstUnlock" || len(replace.Sets) != 0 {
		t.Errorf("sets: %q, %q", protect.Sets, replace.Sets)
	}
	if !strings.HasSuffix(protect.text(), ", sets kSecAttrAccessible = kSecAttrAccessibleAfterFirstUnlock") {
		t.Errorf("text: %s", protect.text())
	}
}

// TestTestCode: the adds and queries of test code are left out unless
// Options.Tests; with it, an item only tests add is marked Test.
func TestTestCode(t *testing.T) {
	src := map[string]string{
		"App.swift": `
import Security
func save(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                kSecAttrAccount as String: "app", kSecValueData as String: d] as CFDictionary, nil)
}
`,
		"AppTests.swift": `
import Security
func testSave(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                kSecAttrAccount as String: "fixture", kSecValueData as String: d] as CFDictionary, nil)
    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)
}
`,
	}
	rs := results(t, model.AllPlatforms, src)
	for _, r := range rs {
		if r.File.Path == "AppTests.swift" {
			r.File.Project = &model.ProjectInfo{Test: true}
		}
	}
	inv := Build(rs, Options{})
	if len(inv.Items) != 1 || inv.Items[0].Test || len(inv.Items[0].Deletes) != 0 {
		t.Errorf("without tests: %+v", inv.Items)
	}
	inv = Build(rs, Options{Tests: true})
	if len(inv.Items) != 2 || inv.Items[0].Test || !inv.Items[1].Test || len(inv.Items[0].Deletes) != 1 {
		t.Errorf("with tests: %d items", len(inv.Items))
	}
}

// TestDefaultAccessGroup: an item added without kSecAttrAccessGroup goes
// to the first keychain-access-groups entry of each Xcode target that
// builds it, else to its application identifier; an item with a group
// has no default.
func TestDefaultAccessGroup(t *testing.T) {
	rs := results(t, model.AllPlatforms, map[string]string{"G.swift": `
import Security
func save(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                kSecAttrAccount as String: "a", kSecValueData as String: d] as CFDictionary, nil)
}
func saveShared(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "svc",
                kSecAttrAccount as String: "b", kSecAttrAccessGroup as String: "ABCDE12345.com.example.shared",
                kSecValueData as String: d] as CFDictionary, nil)
}
`})
	rs[0].File.Project = &model.ProjectInfo{Module: "App.xcodeproj:App", Targets: []*model.TargetFacts{
		{Target: "App.xcodeproj:App", BundleIDs: []string{"com.example.app"}, Entitlements: []*model.Entitlements{{KeychainAccessGroups: []string{"*com.example.shared", "*com.example.app"}}}},
		{Target: "App.xcodeproj:Widget", BundleIDs: []string{"com.example.app.widget"}, Entitlements: []*model.Entitlements{{AppGroups: []string{"group.com.example"}}}},
		{Target: "App.xcodeproj:Tool", Entitlements: []*model.Entitlements{{Unread: "not in the scan"}}},
		{Target: "App.xcodeproj:Ext", BundleIDs: []string{"*.ext"}, Entitlements: []*model.Entitlements{{}}},
	}}
	inv := Build(rs, Options{})
	if len(inv.Items) != 2 {
		t.Fatalf("want 2 items, got %d", len(inv.Items))
	}
	// The Ext's bundle identifier could not be expanded: one wildcard.
	want := "*.ext (App.xcodeproj:Ext), *com.example.app.widget (App.xcodeproj:Widget), *com.example.shared (App.xcodeproj:App)"
	if got := strings.Join(inv.Items[0].DefaultAccessGroups, ", "); got != want {
		t.Errorf("default groups: %s, want %s", got, want)
	}
	if got := inv.Items[0].accessGroup(); got != "- (the default access group: "+want+")" {
		t.Errorf("text: %s", got)
	}
	if len(inv.Items[1].DefaultAccessGroups) != 0 || inv.Items[1].accessGroup() != `"ABCDE12345.com.example.shared"` {
		t.Errorf("an item with a group: %+v, %s", inv.Items[1].DefaultAccessGroups, inv.Items[1].accessGroup())
	}
}

// TestMacKeychain: where the macOS shim sends each add: the file
// keychain without a key that chooses (or with
// kSecUseDataProtectionKeychain false), the data-protection keychain for
// access control or synchronizable true, open for a value from a
// parameter.
func TestMacKeychain(t *testing.T) {
	inv := build(t, model.MacOS, map[string]string{"M.swift": `
import Security
func a(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "plain", kSecValueData as String: d] as CFDictionary, nil)
}
func b(_ d: Data, ac: SecAccessControl) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "ac", kSecAttrAccessControl as String: ac, kSecValueData as String: d] as CFDictionary, nil)
}
func c(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "no", kSecUseDataProtectionKeychain as String: false, kSecValueData as String: d] as CFDictionary, nil)
}
func e(_ d: Data, dp: Bool) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "param", kSecUseDataProtectionKeychain as String: dp, kSecValueData as String: d] as CFDictionary, nil)
}
func f(_ d: Data) {
    SecItemAdd([kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: "sync", kSecAttrSynchronizable as String: true, kSecValueData as String: d] as CFDictionary, nil)
}
`})
	var got []string
	for _, it := range inv.Items {
		got = append(got, attr(it, "kSecAttrAccount").text("-")+": "+it.Keychain)
	}
	want := []string{
		`"plain": ` + KeychainFile,
		`"ac": ` + KeychainDP,
		`"no": ` + KeychainFile,
		`"param": ` + KeychainSome,
		`"sync": ` + KeychainDP,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("keychains:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
