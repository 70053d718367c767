package accessgroupchange_test

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/rules/accessgroupchange"
)

func TestMayEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"*com.example.app", "*com.example.app", true},
		{"*com.example.app", "*com.example.shared", false},
		{"*com.example.shared", "ABCDE12345.com.example.shared", true},
		{"ABCDE12345.*", "*.shared", true},
		{"ABCDE12345.a", "XYZ*", false},
		{"*", "anything", true},
		{"group.a", "group.b", false},
		{"*x", "y", false},
		{"a*b*c", "abc", true},
		{"a*b*c", "acb", false},
		{"", "", true},
		{"", "*", true},
		{"", "a", false},
	} {
		if got := accessgroupchange.MayEqual(tc.a, tc.b); got != tc.want {
			t.Errorf("MayEqual(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := accessgroupchange.MayEqual(tc.b, tc.a); got != tc.want {
			t.Errorf("MayEqual(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
	long := strings.Repeat("a", 1<<16)
	if !accessgroupchange.MayEqual(long, long+"b") {
		t.Error("values too long to compare are not a certain change")
	}
}

// all names every group.
func all(string) bool { return true }

func target(bundle string, ents ...*model.Entitlements) *model.TargetFacts {
	t := &model.TargetFacts{Target: "App/Vault.xcodeproj:Vault", Entitlements: ents}
	if bundle != "" {
		t.BundleIDs = []string{bundle}
	}
	return t
}

func ent(kag, ag []string, configs ...string) *model.Entitlements {
	e := &model.Entitlements{Path: "App/Vault.entitlements", Configurations: configs, KeychainAccessGroups: kag, AppGroups: ag}
	if len(kag) > 0 {
		e.Line = 5
		for i := range kag {
			e.GroupLines = append(e.GroupLines, 7+i)
		}
	}
	if len(ag) > 0 {
		e.AppGroupsLine = 8 + len(kag)
	}
	return e
}

func lines(fs []accessgroupchange.Finding) []int {
	var out []int
	for _, f := range fs {
		out = append(out, f.Line)
	}
	return out
}

func TestCompare(t *testing.T) {
	const id = "com.example.vault"
	both := []string{"Debug", "Release"}
	for _, tc := range []struct {
		name     string
		old, cur *model.TargetFacts
		want     []int    // lines of the findings
		contains []string // in the messages, in order
	}{
		{
			name: "first group changes",
			old:  target(id, ent([]string{"*com.example.vault", "*com.example.shared"}, nil, both...)),
			cur:  target(id, ent([]string{"*com.example.shared", "*com.example.vault"}, nil, both...)),
			want: []int{7}, contains: []string{`moves from "*com.example.vault" at HEAD~1 to "*com.example.shared"`, `keep "*com.example.vault" first`},
		},
		{
			name: "a group is removed",
			old:  target(id, ent([]string{"*com.example.vault", "*com.example.shared"}, []string{"group.com.example"}, both...)),
			cur:  target(id, ent([]string{"*com.example.vault"}, nil, both...)),
			want: []int{5, 5}, contains: []string{`"*com.example.shared" was in the keychain-access-groups`, `"group.com.example" was in the com.apple.security.application-groups`},
		},
		{
			name: "the old default removed: one finding, the move",
			old:  target(id, ent([]string{"*com.example.vault", "*com.example.shared"}, nil, both...)),
			cur:  target("com.example.other", ent([]string{"*com.example.shared"}, nil, both...)),
			want: []int{7}, contains: []string{`moves from "*com.example.vault" at HEAD~1 to "*com.example.shared" (* stands for $(AppIdentifierPrefix) or another setting the signing supplies), and this version is no longer entitled to "*com.example.vault"`},
		},
		{
			name: "a group is appended",
			old:  target(id, ent([]string{"*com.example.vault"}, nil, both...)),
			cur:  target(id, ent([]string{"*com.example.vault", "*com.example.shared"}, []string{"group.x"}, both...)),
		},
		{
			name: "unchanged",
			old:  target(id, ent([]string{"*com.example.vault"}, []string{"group.x"}, both...)),
			cur:  target(id, ent([]string{"*com.example.vault"}, []string{"group.x"}, both...)),
		},
		{
			name: "groups after the first reordered",
			old:  target(id, ent([]string{"*a", "*b", "*c"}, nil, both...)),
			cur:  target(id, ent([]string{"*a", "*c", "*b"}, nil, both...)),
		},
		{
			name: "a first group where there was none: the default leaves the app ID",
			old:  target(id),
			cur:  target(id, ent([]string{"*com.example.shared"}, nil, both...)),
			want: []int{7}, contains: []string{`from the application identifier "*com.example.vault" (no keychain-access-groups at HEAD~1) to "*com.example.shared"`},
		},
		{
			name: "a first group that is the app ID: no move",
			old:  target(id, ent(nil, []string{"group.x"}, both...)),
			cur:  target(id, ent([]string{"*com.example.vault", "*com.example.shared"}, []string{"group.x"}, both...)),
		},
		{
			name: "a group moved from keychain-access-groups to application groups is kept",
			old:  target(id, ent([]string{"*com.example.vault", "group.x"}, nil, both...)),
			cur:  target(id, ent([]string{"*com.example.vault"}, []string{"group.x"}, both...)),
		},
		{
			name: "a wildcard that may be the old value: not a certain change",
			old:  target(id, ent([]string{"ABCDE12345.com.example.shared"}, nil, both...)),
			cur:  target(id, ent([]string{"*.com.example.shared"}, nil, both...)),
		},
		{
			name: "unknown bundle identifier: the app ID may be anything",
			old:  target(""),
			cur:  target("", ent([]string{"*com.example.shared"}, nil, both...)),
		},
		{
			name: "the earlier entitlements could not be read",
			old:  target(id, &model.Entitlements{Path: "App/Vault.entitlements", Configurations: both, Unread: "malformed"}),
			cur:  target(id, ent([]string{"*com.example.shared"}, nil, both...)),
		},
		{
			name: "a configuration the earlier version may not have had",
			old:  target(id, ent([]string{"*com.example.vault"}, nil, "Release")),
			cur:  target(id, ent([]string{"*com.example.vault"}, nil, "Release"), ent([]string{"*com.example.beta"}, nil, "Beta")),
		},
		{
			name: "keychain-access-groups removed: back to the app ID, the old groups lost",
			old:  target(id, ent([]string{"*com.example.shared"}, []string{"group.x"}, both...)),
			cur:  target(id, ent(nil, []string{"group.x"}, both...)),
			want: []int{8}, contains: []string{`to the application identifier "*com.example.vault" (keychain-access-groups is gone) (* stands for $(AppIdentifierPrefix) or another setting the signing supplies), and this version is no longer entitled to "*com.example.shared": the items earlier versions added there become invisible`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := accessgroupchange.Compare([]*model.TargetFacts{tc.old}, []*model.TargetFacts{tc.cur}, "at HEAD~1", all)
			if l := lines(got); len(l) != len(tc.want) {
				t.Fatalf("findings on lines %v, want %v:\n%v", l, tc.want, got)
			}
			for i, f := range got {
				if f.Line != tc.want[i] || f.Path != "App/Vault.entitlements" {
					t.Errorf("finding %d at %s:%d, want line %d", i, f.Path, f.Line, tc.want[i])
				}
				if !strings.Contains(f.Message, tc.contains[i]) || !strings.Contains(f.Message, "Vault.xcodeproj:Vault") {
					t.Errorf("finding %d: %s\nwant it to contain %q", i, f.Message, tc.contains[i])
				}
			}
		})
	}
}

// A new target has no earlier version to compare with; a file that Debug
// and Release share is reported once.
func TestCompareTargets(t *testing.T) {
	old := target("com.example.vault", ent([]string{"*com.example.vault"}, nil, "Debug", "Release"))
	cur := target("com.example.vault", ent([]string{"*com.example.shared"}, nil, "Debug", "Release"))
	if got := accessgroupchange.Compare([]*model.TargetFacts{old}, []*model.TargetFacts{cur}, "in the baseline", all); len(got) != 1 || !strings.Contains(got[0].Message, "in the baseline") {
		t.Errorf("one finding for both configurations: %v", got)
	}
	other := *old
	other.Target = "App/Vault.xcodeproj:Other"
	if got := accessgroupchange.Compare([]*model.TargetFacts{&other}, []*model.TargetFacts{cur}, "at main", all); len(got) != 0 {
		t.Errorf("a new target: %v", got)
	}
}

// Targets that share an entitlements file get one finding per change,
// naming them all.
func TestCompareSharedFile(t *testing.T) {
	mk := func(name string, kag ...string) *model.TargetFacts {
		tf := target("com.example.vault", ent(kag, nil, "Release"))
		tf.Target = "App/Vault.xcodeproj:" + name
		return tf
	}
	old := []*model.TargetFacts{mk("Vault", "*com.example.vault"), mk("Widget", "*com.example.vault")}
	cur := []*model.TargetFacts{mk("Vault", "*com.example.shared"), mk("Widget", "*com.example.shared")}
	got := accessgroupchange.Compare(old, cur, "at main", all)
	if len(got) != 1 || !strings.Contains(got[0].Message, "of Vault.xcodeproj:Vault, Vault.xcodeproj:Widget moves") {
		t.Errorf("one finding naming both targets: %v", got)
	}
}

// Without code that names the application group, a removed one holds no
// keychain item; a removed keychain-access-groups entry is still
// reported.
func TestCompareUnnamedGroups(t *testing.T) {
	old := target("com.example.vault", ent([]string{"*com.example.vault", "*com.example.shared"}, []string{"group.x"}, "Release"))
	cur := target("com.example.vault", ent([]string{"*com.example.vault"}, nil, "Release"))
	got := accessgroupchange.Compare([]*model.TargetFacts{old}, []*model.TargetFacts{cur}, "at main", nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, `"*com.example.shared" was in the keychain-access-groups`) {
		t.Errorf("only the keychain access group: %v", got)
	}
	if got := accessgroupchange.Compare([]*model.TargetFacts{old}, []*model.TargetFacts{cur}, "at main", all); len(got) != 2 {
		t.Errorf("with code that names groups, both: %v", got)
	}
}

// Only the application groups the code names count.
func TestCompareNamedGroup(t *testing.T) {
	old := target("com.example.vault", ent([]string{"*com.example.vault"}, []string{"group.a", "group.b"}, "Release"))
	cur := target("com.example.vault", ent([]string{"*com.example.vault"}, nil, "Release"))
	got := accessgroupchange.Compare([]*model.TargetFacts{old}, []*model.TargetFacts{cur}, "at main", func(g string) bool { return g == "group.b" })
	if len(got) != 1 || !strings.Contains(got[0].Message, `"group.b"`) {
		t.Errorf("group.b only: %v", got)
	}
}

// A change in a test host is a note; one in a file a shipping app shares
// with it is a warning.
func TestCompareTestHost(t *testing.T) {
	mk := func(name string, host bool, kag ...string) *model.TargetFacts {
		tf := target("com.example.vault", ent(kag, nil, "Release"))
		tf.Target, tf.TestHost = "App/Vault.xcodeproj:"+name, host
		return tf
	}
	got := accessgroupchange.Compare([]*model.TargetFacts{mk("Host", true, "*com.example.vault")}, []*model.TargetFacts{mk("Host", true, "*com.example.shared")}, "at main", all)
	if len(got) != 1 || got[0].Severity != "note" {
		t.Errorf("test host: %+v", got)
	}
	old := []*model.TargetFacts{mk("Host", true, "*com.example.vault"), mk("App", false, "*com.example.vault")}
	cur := []*model.TargetFacts{mk("Host", true, "*com.example.shared"), mk("App", false, "*com.example.shared")}
	if got := accessgroupchange.Compare(old, cur, "at main", all); len(got) != 1 || got[0].Severity != "warning" {
		t.Errorf("shared with an app: %+v", got)
	}
}
