package baseline_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/baseline"
)

func TestRoundTrip(t *testing.T) {
	entries := []baseline.Entry{
		{Fingerprint: "bbb:1", Rule: "deletelimit", File: "B.swift", Line: 3, Message: "m"},
		{Fingerprint: "aaa:1", Rule: "unsupportedattr", File: "A.swift", Line: 9, Message: "m"},
		{Fingerprint: "aaa:1", Rule: "unsupportedattr", File: "A.swift", Line: 9, Message: "m"},
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := baseline.WriteFile(path, entries); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	var f baseline.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if f.Version != 1 || f.Tool != "keychainlint" || len(f.Findings) != 3 || f.Findings[0].File != "A.swift" {
		t.Errorf("file: %+v", f)
	}
	b, err := baseline.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// A fingerprint recorded twice matches twice, then no more.
	for i, want := range []bool{true, true, false} {
		if got := b.Match("aaa:1"); got != want {
			t.Errorf("match %d of aaa:1: %v, want %v", i, got, want)
		}
	}
	if !b.Match("bbb:1") || b.Match("ccc:1") {
		t.Errorf("bbb:1 must match once, ccc:1 never")
	}
}

func TestEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := baseline.Write(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("an empty baseline must list no findings as []:\n%s", buf.String())
	}
	if _, err := baseline.Read(&buf); err != nil {
		t.Error(err)
	}
}

func TestBadFiles(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"not JSON", "x", "not a keychainlint baseline"},
		{"other tool", `{"version": 1, "tool": "other", "findings": []}`, `tool "other"`},
		{"newer version", `{"version": 9, "tool": "keychainlint", "findings": []}`, "newer"},
		{"no fingerprint", `{"version": 1, "tool": "keychainlint", "findings": [{"rule": "x"}]}`, "without fingerprint"},
	} {
		if _, err := baseline.Read(strings.NewReader(tc.text)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if _, err := baseline.ReadFile(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("a missing file must be an error")
	}
}

// The targets' entitlements round-trip, sorted by target; a baseline
// without them reads as recording none.
func TestTargetsRoundTrip(t *testing.T) {
	targets := []baseline.Target{
		{Target: "B.xcodeproj:B", Entitlements: []baseline.Entitlements{}},
		{Target: "A.xcodeproj:A", BundleIDs: []string{"com.example.a"}, Entitlements: []baseline.Entitlements{
			{Path: "A/A.entitlements", Configurations: []string{"Debug", "Release"}, KeychainAccessGroups: []string{"*com.example.a", "*com.example.shared"}, AppGroups: []string{"group.x"}},
		}},
	}
	var buf bytes.Buffer
	if err := baseline.WriteTargets(&buf, nil, targets); err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Targets) != 2 || b.Targets[0].Target != "A.xcodeproj:A" || strings.Join(b.Targets[0].Entitlements[0].KeychainAccessGroups, ",") != "*com.example.a,*com.example.shared" ||
		b.Targets[0].Entitlements[0].AppGroups[0] != "group.x" || b.Targets[1].Entitlements == nil {
		t.Errorf("targets: %+v\n%s", b.Targets, buf.String())
	}
	buf.Reset()
	if err := baseline.Write(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "targets") {
		t.Errorf("no targets, no record:\n%s", buf.String())
	}
	if b, err := baseline.Read(bytes.NewReader(buf.Bytes())); err != nil || b.Targets != nil {
		t.Errorf("a baseline without targets: %v, %v", b.Targets, err)
	}
}
