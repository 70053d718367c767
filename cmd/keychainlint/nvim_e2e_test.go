package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestNeovimEndToEnd drives `keychainlint lsp` from a real client,
// headless Neovim running editors/nvim/e2e.lua: it opens a Swift and an
// Objective-C file of the sample app, waits for the diagnostics and checks
// them against the CLI's findings for the same files (position, rule,
// severity, message, doc URL), applies each file's preferred quick fix
// through textDocument/codeAction, checks that the finding is gone and the
// buffer holds exactly the CLI's fix, and shuts the server down (exit
// status 0). Without nvim it skips, except in CI (CI set, or
// KEYCHAINLINT_REQUIRE_NVIM=1 as .ci/run sets it), where it fails.
func TestNeovimEndToEnd(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if requireNvim() {
			t.Fatalf("nvim is not installed, and CI requires the Neovim end-to-end test (apt-get install -y neovim): %v", err)
		}
		t.Skip("SKIP: nvim is not installed: the Neovim end-to-end test of keychainlint lsp did not run (apt-get install -y neovim)")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "keychainlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// A copy of the sample app is the workspace: nothing edits testdata.
	root := filepath.Join(tmp, "sampleapp")
	if err := os.CopyFS(root, os.DirFS(filepath.Join(repoRoot, "testdata", "sampleapp"))); err != nil {
		t.Fatal(err)
	}
	rels := []string{"Sources/PasswordVault.swift", "ObjC/LegacyKeychain.m"}

	// The CLI's findings on the same files.
	want := cliFindings(t, bin, root, rels)
	expected := map[string][]string{}
	for path, fs := range want {
		for _, f := range fs {
			expected[path] = append(expected[path], fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
		}
	}
	// In each file: the first finding with a fix gets its preferred quick
	// fix, the first without one a "Suppress RULE on this line".
	var files []string
	var actions []map[string]any
	fixOf := map[string]cliFix{}
	for _, rel := range rels {
		path := filepath.Join(root, filepath.FromSlash(rel))
		files = append(files, path)
		i := slices.IndexFunc(want[path], func(f cliFinding) bool { return len(f.Fixes) > 0 })
		j := slices.IndexFunc(want[path], func(f cliFinding) bool { return len(f.Fixes) == 0 })
		if i < 0 || j < 0 {
			t.Fatalf("%s: the test needs a finding with a fix and one without; the CLI reports %v", rel, want[path])
		}
		fixed, suppressed := want[path][i], want[path][j]
		fixOf[path] = fixed.Fixes[0]
		actions = append(actions,
			map[string]any{"file": path, "line": fixed.Line, "rule": fixed.Rule},
			map[string]any{"file": path, "line": suppressed.Line, "rule": suppressed.Rule,
				"title": "Suppress " + suppressed.Rule + " on this line"})
	}

	outPath := filepath.Join(tmp, "e2e-out.json")
	cfgPath := filepath.Join(tmp, "e2e.json")
	cfg, _ := json.Marshal(map[string]any{
		"bin": bin, "root": root, "files": files, "expected": expected, "actions": actions,
		"timeout_ms": 60000, "out": outPath,
	})
	if err := os.WriteFile(cfgPath, cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	script := filepath.Join(repoRoot, "editors", "nvim", "e2e.lua")
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Dir = root
	// Neovim's state (lsp.log) and the server's cache stay in tmp.
	home := filepath.Join(tmp, "home")
	cmd.Env = append(os.Environ(), "KL_E2E="+cfgPath, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"))
	nvimOut, runErr := cmd.CombinedOutput()
	raw, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatalf("nvim wrote no result (%v): %v\n%s", runErr, err, nvimOut)
	}
	var got nvimResult
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("nvim's result: %v\n%s", err, raw)
	}
	t.Logf("server log:\n  %s", strings.Join(got.Log, "\n  "))
	for _, path := range files {
		compareDiagnostics(t, path, got.Diagnostics[path], want[path])
	}
	if !got.OK || runErr != nil {
		t.Fatalf("nvim: %v: %s\n%s", runErr, got.Error, nvimOut)
	}
	final := map[string]string{}
	for _, path := range files {
		if got.Shown[path] != len(want[path]) {
			t.Errorf("%s: Neovim shows %d diagnostics, want %d", path, got.Shown[path], len(want[path]))
		}
	}
	for i, step := range got.Steps {
		t.Logf("%s: code actions %q; applied %q", filepath.Base(step.File), step.Actions, step.Applied)
		final[step.File] = step.Text
		if i%2 != 0 {
			continue
		}
		// The buffer after the quick fix is the file with the CLI's fix applied.
		src, err := os.ReadFile(step.File)
		if err != nil {
			t.Fatal(err)
		}
		if wantText := applyCLIFix(t, string(src), fixOf[step.File]); step.Text != wantText {
			t.Errorf("%s: after the quick fix %q the buffer is\n%s\nwant\n%s", step.File, step.Applied, step.Text, wantText)
		}
	}
	if len(got.Steps) != len(actions) {
		t.Fatalf("nvim ran %d code actions, want %d", len(got.Steps), len(actions))
	}
	// After the fix and the suppression, the server's diagnostics are the
	// CLI's findings on the edited text (saved over the copy).
	for path, text := range final {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := cliFindings(t, bin, root, rels)
	last := map[string][]lspDiagnostic{}
	for _, step := range got.Steps {
		last[step.File] = step.Diagnostics
	}
	for _, path := range files {
		compareDiagnostics(t, path, last[path], after[path])
		if len(after[path]) != len(want[path])-2 {
			t.Errorf("%s: %d findings after a fix and a suppression, want %d", path, len(after[path]), len(want[path])-2)
		}
	}
	if got.ExitCode != 0 || got.ExitSignal != 0 {
		t.Errorf("after shutdown and exit the server ended with code %d, signal %d; want 0", got.ExitCode, got.ExitSignal)
	}
}

// cliFindings runs `keychainlint --format json` on the files rels of root
// and returns the findings by absolute path.
func cliFindings(t *testing.T, bin, root string, rels []string) map[string][]cliFinding {
	t.Helper()
	cli := exec.Command(bin, append([]string{"--no-cache", "--exit-zero", "--format", "json"}, rels...)...)
	cli.Dir = root
	var stdout, stderr bytes.Buffer
	cli.Stdout, cli.Stderr = &stdout, &stderr
	if err := cli.Run(); err != nil {
		t.Fatalf("keychainlint --format json: %v\n%s", err, stderr.String())
	}
	var report struct {
		Findings []cliFinding `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("the CLI's JSON: %v", err)
	}
	by := map[string][]cliFinding{}
	for _, f := range report.Findings {
		path := filepath.Join(root, filepath.FromSlash(f.File))
		by[path] = append(by[path], f)
	}
	return by
}

func requireNvim() bool {
	if os.Getenv("KEYCHAINLINT_REQUIRE_NVIM") == "1" {
		return true
	}
	ci := strings.ToLower(os.Getenv("CI"))
	return ci != "" && ci != "false" && ci != "0"
}

type cliFix struct {
	Message string    `json:"message"`
	Edits   []cliEdit `json:"edits"`
}

type cliEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

type cliFinding struct {
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Message   string   `json:"message"`
	URL       string   `json:"url"`
	Fixes     []cliFix `json:"fixes"`
}

type lspDiagnostic struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
	Severity        int    `json:"severity"`
	Code            string `json:"code"`
	Source          string `json:"source"`
	Message         string `json:"message"`
	CodeDescription struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
}

type nvimResult struct {
	OK          bool                       `json:"ok"`
	Error       string                     `json:"error"`
	Diagnostics map[string][]lspDiagnostic `json:"diagnostics"`
	Shown       map[string]int             `json:"shown"`
	Steps       []struct {
		File        string          `json:"file"`
		Actions     []string        `json:"actions"`
		Applied     string          `json:"applied"`
		Text        string          `json:"text"`
		Diagnostics []lspDiagnostic `json:"diagnostics"`
	} `json:"steps"`
	ExitCode   int      `json:"exit_code"`
	ExitSignal int      `json:"exit_signal"`
	Log        []string `json:"log"`
}

// lspSeverity is the DiagnosticSeverity a CLI severity is published with.
var lspSeverity = map[string]int{"error": 1, "warning": 2, "note": 3}

// compareDiagnostics: the published diagnostics are the CLI's findings,
// one for one (the sample app is ASCII, so UTF-16 and byte columns agree).
func compareDiagnostics(t *testing.T, path string, got []lspDiagnostic, want []cliFinding) {
	t.Helper()
	line := func(file string, l, c, el, ec int, rule string, sev int, msg, url string) string {
		return fmt.Sprintf("%d:%d-%d:%d %s sev=%d %s <%s>", l, c, el, ec, rule, sev, msg, url)
	}
	var g, w []string
	for _, d := range got {
		if d.Source != "keychainlint" {
			t.Errorf("%s: diagnostic %s has source %q, want keychainlint", path, d.Code, d.Source)
		}
		g = append(g, line(path, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Range.End.Line+1, d.Range.End.Character+1,
			d.Code, d.Severity, d.Message, d.CodeDescription.Href))
	}
	for _, f := range want {
		w = append(w, line(path, f.Line, f.Column, f.EndLine, f.EndColumn, f.Rule, lspSeverity[f.Severity], f.Message, f.URL))
	}
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("%s: Neovim received\n  %s\nthe CLI reports\n  %s", path, strings.Join(g, "\n  "), strings.Join(w, "\n  "))
	}
}

// applyCLIFix applies a fix's edits (1-based lines and byte columns, end
// exclusive) to src, last edit first.
func applyCLIFix(t *testing.T, src string, fix cliFix) string {
	t.Helper()
	lineStart := []int{0}
	for i, c := range src {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	off := func(l, c int) int { return lineStart[l-1] + c - 1 }
	edits := slices.Clone(fix.Edits)
	slices.SortFunc(edits, func(a, b cliEdit) int {
		return off(b.Line, b.Column) - off(a.Line, a.Column)
	})
	for _, e := range edits {
		src = src[:off(e.Line, e.Column)] + e.NewText + src[off(e.EndLine, e.EndColumn):]
	}
	if len(edits) == 0 {
		t.Fatal("the CLI's fix has no edit")
	}
	return src
}
