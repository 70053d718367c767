package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The pre-commit hook's entry is the command with flags it accepts: run
// on a staged file with findings it fails (exit 1), as the hook must.
func TestPreCommitHookEntry(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^  entry: keychainlint (.*)$`).FindSubmatch(b)
	if m == nil || !strings.Contains(string(b), "language: golang") || !strings.Contains(string(b), "- id: keychainlint") {
		t.Fatalf(".pre-commit-hooks.yaml: no golang hook keychainlint with an entry:\n%s", b)
	}
	file := filepath.Join(repoRoot, "testdata", "sampleapp", "Sources", "KeyRing.swift")
	r := runCmd(t, append(strings.Fields(string(m[1])), file)...)
	if r.code != 1 || !strings.Contains(r.stdout, "KeyRing.swift:") {
		t.Errorf("the hook's entry on KeyRing.swift:\n%s", r)
	}
}

// The action's scan step calls the command with flags it accepts, and
// passes every input through the environment (never spliced into the
// script, where a crafted input would be shell code).
func TestActionScanStep(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "${{ inputs.") && strings.Contains(line, "run:") {
			t.Errorf("an input is spliced into a script: %s", line)
		}
	}
	m := regexp.MustCompile(`(?m)^\s*"\$\(go env GOPATH\)/bin/keychainlint" (.*) \$ARGS -- \$PATHS$`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("action.yml: no keychainlint command line in the scan step")
	}
	sarif := filepath.Join(t.TempDir(), "out.sarif")
	repl := strings.NewReplacer(`"$SARIF"`, sarif, `"$FAIL_ON"`, "warning")
	args := strings.Fields(repl.Replace(m[1]))
	r := runCmd(t, append(args, "--", filepath.Join(repoRoot, "testdata", "sampleapp"))...)
	if r.code != 1 || !strings.Contains(r.stdout, "::error file=") {
		t.Errorf("the action's command line:\n%s", r)
	}
	if st, err := os.Stat(sarif); err != nil || st.Size() == 0 {
		t.Errorf("no SARIF log written: %v", err)
	}
	if !strings.Contains(text, "go install \"github.com/keychainlint/keychainlint/cmd/keychainlint@${KEYCHAINLINT_VERSION}\"") {
		t.Errorf("action.yml does not install with go install")
	}
}

// The Xcode build-phase script scans the phase's input files when Xcode
// lists them (SCRIPT_INPUT_FILE_*), else the files git reports changed,
// and fails the build on errors only.
func TestXcodeBuildPhaseScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command (-short)")
	}
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	bin := filepath.Join(t.TempDir(), "keychainlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	script := filepath.Join(repoRoot, "docs", "xcode-build-phase.sh")
	src := t.TempDir()
	git := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	keyring, _ := os.ReadFile(filepath.Join(repoRoot, "testdata", "sampleapp", "Sources", "KeyRing.swift"))
	vault, _ := os.ReadFile(filepath.Join(repoRoot, "testdata", "sampleapp", "Sources", "PasswordVault.swift"))
	os.WriteFile(filepath.Join(src, "KeyRing.swift"), keyring, 0o644)
	os.WriteFile(filepath.Join(src, "PasswordVault.swift"), vault, 0o644)
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	runScript := func(env ...string) (string, int) {
		cmd := exec.Command("bash", script)
		cmd.Dir = src
		cmd.Env = append(os.Environ(), append([]string{"KEYCHAINLINT=" + bin, "SRCROOT=" + src, "XDG_CACHE_HOME=" + t.TempDir()}, env...)...)
		out, err := cmd.CombinedOutput()
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	// Nothing changed since HEAD: nothing to scan.
	if out, code := runScript(); code != 0 || strings.Contains(out, ".swift:") {
		t.Errorf("clean tree: exit %d\n%s", code, out)
	}
	// KeyRing.swift changed: its findings only; it has errors.
	os.WriteFile(filepath.Join(src, "KeyRing.swift"), append(keyring, '\n'), 0o644)
	out, code := runScript()
	if code != 1 || !strings.Contains(out, "KeyRing.swift:") || strings.Contains(out, "PasswordVault.swift:") {
		t.Errorf("changed KeyRing.swift: exit %d\n%s", code, out)
	}
	git("commit", "-q", "-am", "keyring")
	// A new file with warnings (and a note) only: shown, and the build
	// does not fail.
	warnings, _ := os.ReadFile(filepath.Join(repoRoot, "rules", "deprecatedkey", "testdata", "accessible.swift"))
	os.WriteFile(filepath.Join(src, "Accessible.swift"), warnings, 0o644)
	out, code = runScript()
	if code != 0 || !strings.Contains(out, "Accessible.swift:") || !strings.Contains(out, ": warning: ") || strings.Contains(out, "KeyRing.swift:") {
		t.Errorf("new Accessible.swift: exit %d\n%s", code, out)
	}
	// Xcode's input files win over git: PasswordVault.swift has errors.
	out, code = runScript("SCRIPT_INPUT_FILE_COUNT=1", "SCRIPT_INPUT_FILE_0="+filepath.Join(src, "PasswordVault.swift"))
	if code != 1 || !strings.Contains(out, "PasswordVault.swift:") || strings.Contains(out, "KeyRing.swift:") || !strings.Contains(out, ": error: ") {
		t.Errorf("SCRIPT_INPUT_FILE_0: exit %d\n%s", code, out)
	}
}
