package deprecatedkey

import (
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// The deployment target does not silence an unconditional use (it still
// runs on current systems, where the replacement exists), but when it is
// older than the replacement the advice says to add an availability check
// and keep the constant in the fallback, and no drop-in fix is offered.
func TestDeploymentTarget(t *testing.T) {
	src := `import Security

func read(prompt: String) -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseOperationPrompt as String: prompt]
    return SecItemCopyMatching(query as CFDictionary, nil)
}

@available(iOS 11.0, macOS 10.13, *)
func readGuarded(prompt: String) -> OSStatus {
    let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecUseOperationPrompt as String: prompt]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
`
	f, err := swiftparse.ParseFile("Read.swift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	first := strings.Index(src, "kSecUseOperationPrompt")
	second := strings.LastIndex(src, "kSecUseOperationPrompt")
	site := func(off int) flow.Site {
		return flow.Site{File: f, Span: model.Span{Start: off, End: off + len("kSecUseOperationPrompt")}}
	}
	dep, _ := keychain.LookupDeprecated("kSecUseOperationPrompt")
	for _, tc := range []struct {
		name   string
		deploy map[model.Platform]model.OSVersion
		off    int
		want   string // substring of the advice, "" for none
	}{
		{"no project facts", nil, first, ""},
		{"iOS 8 target", map[model.Platform]model.OSVersion{model.IOS: {Major: 8}}, first, "; the replacement needs iOS 11.0 and the deployment target lets this code run on earlier versions (from iOS 8.0): use it under an availability check"},
		{"iOS 8 and macOS 10.9", map[model.Platform]model.OSVersion{model.IOS: {Major: 8}, model.MacOS: {Major: 10, Minor: 9}}, first, "needs iOS 11.0, macOS 10.13 and the deployment target lets this code run on earlier versions (from iOS 8.0, macOS 10.9)"},
		{"iOS 12 target", map[model.Platform]model.OSVersion{model.IOS: {Major: 12}}, first, ""},
		{"guarded by @available", map[model.Platform]model.OSVersion{model.IOS: {Major: 8}}, second, ""},
	} {
		f.Project = nil
		if tc.deploy != nil {
			f.Project = &model.ProjectInfo{Deployment: tc.deploy}
		}
		s := site(tc.off)
		runs := replacementRuns(s, model.AllPlatforms, dep)
		if runs != model.AllPlatforms {
			t.Errorf("%s: runs on %v, want all platforms (the use is unconditional)", tc.name, runs)
		}
		got := needsAvailabilityCheck(s, runs, dep)
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: advice %q, want %q", tc.name, got, tc.want)
		}
	}
}

// @available raises the lowest version, but not past the replacement's
// introduction: the advice names the version the guard allows.
func TestDeploymentTargetWithGuard(t *testing.T) {
	src := "@available(iOS 9.0, *)\nlet failUI = String(kSecUseAuthenticationUIFail)\n"
	f, err := swiftparse.ParseFile("Alias.swift", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f.Project = &model.ProjectInfo{Deployment: map[model.Platform]model.OSVersion{model.IOS: {Major: 8}}}
	off := strings.Index(src, "kSecUseAuthenticationUIFail")
	s := flow.Site{File: f, Span: model.Span{Start: off, End: off + len("kSecUseAuthenticationUIFail")}}
	dep, _ := keychain.LookupDeprecated("kSecUseAuthenticationUIFail")
	if got := needsAvailabilityCheck(s, model.IOS, dep); !strings.Contains(got, "needs iOS 11.0 and the deployment target lets this code run on earlier versions (from iOS 9.0)") {
		t.Errorf("advice %q", got)
	}
}
