package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// readmeCommands are the lines of the README's ```sh blocks, without
// their trailing comments, with the comment kept.
func readmeCommands(t *testing.T) (cmds, comments []string) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case line == "```sh":
			in = true
		case line == "```":
			in = false
		case in && strings.TrimSpace(line) != "":
			cmd, comment, _ := strings.Cut(line, " #")
			cmds = append(cmds, strings.TrimSpace(cmd))
			comments = append(comments, comment)
		}
	}
	if len(cmds) < 5 {
		t.Fatalf("only %d commands in the README's sh blocks", len(cmds))
	}
	return cmds, comments
}

// Every command in the README's ```sh blocks is run here as written (a
// built `keychainlint`, or `go run`, in a copy of the sample app), in
// order, and must not fail with a usage error; a comment saying
// "exits N" is checked. A command this test does not know fails it, so
// that a new command in the README gets a test.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command (-short)")
	}
	cmds, comments := readmeCommands(t)
	bin := t.TempDir()
	work := t.TempDir()
	copyTree(t, filepath.Join(repoRoot, "testdata", "sampleapp"), work)
	exits := regexp.MustCompile(`\bexits (\d)`)
	for i, line := range cmds {
		if strings.ContainsAny(line, `"'$|;&<>*`) {
			t.Errorf("README command %q: quoting or shell syntax this test does not run", line)
			continue
		}
		f := strings.Fields(line)
		want := -1
		if m := exits.FindStringSubmatch(comments[i]); m != nil {
			want, _ = strconv.Atoi(m[1])
		}
		var code int
		var out string
		switch {
		case line == "go test ./...":
			continue // the suite that runs this test
		case line == "go install github.com/keychainlint/keychainlint/cmd/keychainlint@latest":
			// The module is not published from here: TestGoInstall installs
			// this checkout with go install instead.
			continue
		case len(f) == 5 && f[0] == "go" && f[1] == "build" && f[2] == "-o" && f[3] == "keychainlint" && f[4] == "./cmd/keychainlint":
			cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "keychainlint"), "./cmd/keychainlint")
			cmd.Dir = repoRoot
			o, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", line, err, o)
			}
			continue
		case len(f) >= 2 && f[0] == "go" && f[1] == "run" && f[2] == "./cmd/keychainlint":
			t.Chdir(repoRoot)
			var o, e bytes.Buffer
			code = run(append([]string{"--no-cache"}, f[3:]...), &o, &e)
			out = o.String() + e.String()
			if f[len(f)-1] == "testdata/sampleapp" && !strings.Contains(out, "testdata/sampleapp/Sources/PasswordVault.swift:99:13: error: kSecAttrService is not an attribute of internet passwords") {
				t.Errorf("%s: not the finding the README shows:\n%s", line, out)
			}
			if code != 1 {
				t.Errorf("%s: exit %d, the README says 1", line, code)
			}
		case f[0] == "keychainlint" || f[0] == "./keychainlint":
			exe := filepath.Join(bin, "keychainlint")
			if _, err := os.Stat(exe); err != nil {
				exe = "" // not built by a README command: run in-process
			}
			if exe != "" && f[0] == "./keychainlint" {
				cmd := exec.Command(exe, f[1:]...)
				cmd.Dir = work
				o, _ := cmd.CombinedOutput()
				code, out = cmd.ProcessState.ExitCode(), string(o)
				break
			}
			t.Chdir(work)
			var o, e bytes.Buffer
			code = run(append([]string{"--no-cache"}, f[1:]...), &o, &e)
			out = o.String() + e.String()
		default:
			t.Errorf("README command %q is not run by any test: add it to TestReadmeCommands", line)
			continue
		}
		if code == 2 || (want >= 0 && code != want) {
			t.Errorf("%s: exit %d (README: %q)\n%s", line, code, comments[i], out)
		}
	}
}

// Without cgo the build fails with the error the README quotes, and the
// README says what to install.
func TestReadmeCgoError(t *testing.T) {
	cmd := exec.Command("go", "build", "-o", os.DevNull, "./cmd/keychainlint")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the build without cgo succeeded")
	}
	readme, _ := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	quote := "imports github.com/alexaandru/go-sitter-forest/objc: build constraints exclude all Go files in "
	if !bytes.Contains(readme, []byte(quote)) || !bytes.Contains(out, []byte(quote)) {
		t.Errorf("the README quotes %q; the build without cgo says:\n%s", quote, out)
	}
	for _, want := range []string{"xcode-select --install", "apt-get install gcc", "go env CGO_ENABLED"} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("the README does not say %q", want)
		}
	}
}

// docs/code-review.md: a usage error writes no SARIF log (it is found
// before the scan), an internal error does.
func TestUsageErrorWritesNoSARIF(t *testing.T) {
	sarif := filepath.Join(t.TempDir(), "k.sarif")
	for _, args := range [][]string{
		{"--fail-on", "bogus", "--sarif-output", sarif, filepath.Join(repoRoot, "testdata", "sampleapp")},
		{"--sarif-output", sarif, filepath.Join(t.TempDir(), "missing")},
	} {
		var o, e bytes.Buffer
		if code := run(args, &o, &e); code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
		if _, err := os.Stat(sarif); err == nil {
			t.Errorf("%v: a SARIF log was written after a usage error", args)
		}
	}
	doc, _ := os.ReadFile(filepath.Join(repoRoot, "docs", "code-review.md"))
	if !bytes.Contains(doc, []byte("after a usage error")) || !bytes.Contains(doc, []byte("no log is written")) {
		t.Errorf("docs/code-review.md does not say that a usage error writes no log")
	}
}
