package source

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitignoreTableMatchesReference checks the expectations of the table
// against the independent reference (wildmatch_ref_test.go), so that the
// table, the reference and gitignore.go agree.
func TestGitignoreTableMatchesReference(t *testing.T) {
	for _, c := range gitignoreCases() {
		for _, ch := range c.checks {
			if got := refIgnoredBy(c.files, ch.path, ch.isDir); got != ch.want {
				t.Errorf("%s: %q (dir %v): the reference says ignored = %v, the table %v (patterns %s)", c.name, ch.path, ch.isDir, got, ch.want, describe(c.files))
			}
		}
	}
}

// TestGitignoreTableMatchesGit asks git itself (git check-ignore, on a
// real tree holding the path) about every check of the table, when git is
// installed: the table is git's behaviour, not our reading of the manual.
func TestGitignoreTableMatchesGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	if testing.Short() {
		t.Skip("runs git once per check")
	}
	for _, c := range gitignoreCases() {
		for _, ch := range c.checks {
			got, err := gitIgnores(t, c.files, ch.path, ch.isDir)
			if err != nil {
				t.Errorf("%s: %q: %v", c.name, ch.path, err)
				continue
			}
			if got != ch.want {
				t.Errorf("%s: %q (dir %v): git says ignored = %v, the table %v (patterns %s)", c.name, ch.path, ch.isDir, got, ch.want, describe(c.files))
			}
		}
	}
}

// gitIgnores builds a repository with the ignore files and the path (a
// file or a directory) and asks git check-ignore whether it is ignored.
func gitIgnores(t *testing.T, files []ign, rel string, isDir bool) (bool, error) {
	dir := t.TempDir()
	run := func(stdin string, args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"-c", "core.ignorecase=false", "-c", "core.excludesFile=" + os.DevNull}, args...)...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(stdin)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir, "GIT_CONFIG_GLOBAL="+os.DevNull)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 1 {
				return out, nil // check-ignore: nothing ignored
			}
			return nil, &exec.Error{Name: "git " + strings.Join(args, " ") + ": " + stderr.String(), Err: err}
		}
		return out, nil
	}
	if _, err := run("", "init", "-q"); err != nil {
		return false, err
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if isDir {
		if err := os.MkdirAll(p, 0o755); err != nil {
			return false, err
		}
	} else {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return false, err
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			return false, err
		}
	}
	for i, f := range files {
		d, name := filepath.Join(dir, filepath.FromSlash(f.base)), ".gitignore"
		if i == 0 && f.base == "" && len(files) > 1 && files[1].base == "" {
			// Two files at the root: the first, of lower precedence, is
			// .git/info/exclude (as Collect reads it).
			d, name = filepath.Join(dir, ".git", "info"), "exclude"
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return false, err
		}
		if err := os.WriteFile(filepath.Join(d, name), []byte(f.content), 0o644); err != nil {
			return false, err
		}
	}
	// -v -n: one record per path, with the deciding pattern (empty when
	// none matched; a negated pattern un-ignores).
	out, err := run(rel+"\x00", "check-ignore", "--no-index", "-v", "-n", "-z", "--stdin")
	if err != nil {
		return false, err
	}
	fields := strings.Split(string(out), "\x00")
	if len(fields) < 4 {
		return false, &exec.Error{Name: "git check-ignore", Err: os.ErrInvalid}
	}
	pattern := fields[2]
	return pattern != "" && !strings.HasPrefix(pattern, "!"), nil
}
