package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/internal/gittest"
)

// TestDiffRunsNoRepositoryProgram: a scanned repository (a tarball, a
// pull request's checkout) may configure programs that git runs while it
// diffs: an external diff driver, a textconv filter, a clean filter
// (applied to work-tree files compared with a revision), an fsmonitor
// hook. --diff must run none of them: each would create a marker file.
func TestDiffRunsNoRepositoryProgram(t *testing.T) {
	repo := gittest.New(t)
	repo.Write("Vault.swift", "import Security\n")
	// An Xcode project and its entitlements, which --diff reads at the
	// revision (entchange.go) as well.
	repo.Write("App.xcodeproj/project.pbxproj", entProject)
	repo.Write("App/Store.swift", "import Security\n")
	repo.Write("App/App.entitlements", entitlementsXML([]string{appGroup}))
	repo.Commit("base")
	marker := filepath.Join(t.TempDir(), "ran")
	script := repo.Write("hook.sh", "#!/bin/sh\necho \"$0 $*\" >> "+marker+"\ncat \"$@\" 2>/dev/null\n")
	if err := os.Chmod(script, 0o755); err != nil {
		t.Fatal(err)
	}
	repo.Write(".gitattributes", "*.swift diff=evil filter=evil\n*.entitlements diff=evil filter=evil\n*.pbxproj diff=evil filter=evil\n")
	for _, kv := range [][2]string{
		{"diff.external", script},
		{"diff.evil.command", script},
		{"diff.evil.textconv", script},
		{"filter.evil.clean", script},
		{"filter.evil.process", script},
		{"core.fsmonitor", script},
		{"core.pager", script},
		{"pager.diff", script},
	} {
		repo.Git("config", kv[0], kv[1])
	}
	// The configuration works: plain git runs the hook.
	repo.Git("diff", "HEAD")
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("the test's hooks do not run even for plain git diff (%v): the test would prove nothing", err)
	}
	if err := os.Remove(marker); err != nil {
		t.Fatal(err)
	}
	repo.Write("Vault.swift", "import Security\nfunc wipe() {\n    SecItemDelete([kSecClass as String: kSecClassGenericPassword] as CFDictionary)\n}\n")
	repo.Write("App/App.entitlements", entitlementsXML([]string{sharedGroup}))
	t.Chdir(repo.Dir)
	r := runCmd(t, "--diff", "HEAD", "--exit-zero", ".")
	if r.code != 0 || !strings.Contains(r.stdout, "Vault.swift:3:") || !strings.Contains(r.stdout, "App/App.entitlements:7:") {
		t.Fatalf("--diff HEAD: want the finding on the changed line:\n%s", r)
	}
	if data, err := os.ReadFile(marker); err == nil {
		t.Fatalf("keychainlint --diff ran a program the repository configures:\n%s", data)
	}
}
