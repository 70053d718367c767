package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// versionText reads what the toolchain recorded: the module version and
// the VCS revision.
func TestVersionText(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/keychainlint/keychainlint", Version: "v0.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-03T05:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	want := "keychainlint " + version + "\nmodule github.com/keychainlint/keychainlint v0.2.0\nrevision abc123 2026-12-03T05:00:00Z (modified)\nbuilt with go1.26.8\n"
	if got := versionText(info, true); got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
	if got := versionText(nil, false); got != "keychainlint "+version+"\n" {
		t.Errorf("without build info: %q", got)
	}
}

// `go install ./cmd/keychainlint` works from a fresh checkout (a git
// repository holding the files of this one) with -mod=mod, as
// `go install github.com/keychainlint/keychainlint/cmd/keychainlint@latest`
// builds the module, and the installed binary's `version` names the
// module and the checkout's commit.
func TestGoInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command (-short)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	ls := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
	ls.Dir = repoRoot
	out, err := ls.Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	clone := t.TempDir()
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			continue // deleted in the work tree
		}
		dst := filepath.Join(clone, name)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = clone
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "checkout")
	rev := git("rev-parse", "HEAD")
	bin := t.TempDir()
	install := exec.Command("go", "install", "./cmd/keychainlint")
	install.Dir = clone
	install.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOBIN="+bin)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	v, err := exec.Command(filepath.Join(bin, "keychainlint"), "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"keychainlint " + version + "\n", "module github.com/keychainlint/keychainlint ", "revision " + rev + " "} {
		if !strings.Contains(string(v), want) {
			t.Errorf("version of the installed binary:\n%s\nwant %q", v, want)
		}
	}
}
