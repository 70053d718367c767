package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyFile copies a fixture into dir and returns the copy's path.
func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func fixRun(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// goldenFixtures are the rule fixtures with a .golden file: the fixture
// after its suggested fixes (rules/ruletest writes and checks them).
func goldenFixtures(t *testing.T) []string {
	goldens, err := filepath.Glob(filepath.Join(repoRoot, "rules", "*", "testdata", "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no rule goldens: %v", err)
	}
	var out []string
	for _, g := range goldens {
		out = append(out, strings.TrimSuffix(g, ".golden"))
	}
	return out
}

// --fix --unsafe-fixes on a copy of each rule fixture gives its golden
// file, and so does git apply of the --diff-fixes diff; a second --fix
// changes nothing more.
func TestFixRoundTripsRuleGoldens(t *testing.T) {
	for _, fixture := range goldenFixtures(t) {
		name := filepath.Base(filepath.Dir(filepath.Dir(fixture))) + "/" + filepath.Base(fixture)
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(fixture + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			orig, _ := os.ReadFile(fixture)
			dir := t.TempDir()
			path := copyFile(t, fixture, dir)
			t.Chdir(dir)
			base := filepath.Base(path)

			code, diff, stderr := fixRun("--no-cache", "--diff-fixes", "--unsafe-fixes", "--exit-zero", base)
			if code != 0 {
				t.Fatalf("--diff-fixes exit %d: %s", code, stderr)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
				t.Fatalf("--diff-fixes wrote the file")
			}
			if (diff == "") != bytes.Equal(orig, want) {
				t.Errorf("--diff-fixes printed %q for a golden that differs from the fixture: %v", diff, !bytes.Equal(orig, want))
			}
			if diff != "" {
				os.WriteFile(filepath.Join(dir, "fix.diff"), []byte(diff), 0o644)
				apply := exec.Command("git", "apply", "--check", "fix.diff")
				if out, err := apply.CombinedOutput(); err != nil {
					t.Errorf("git apply --check of the --diff-fixes output: %v\n%s\n%s", err, out, diff)
				}
			}

			code, _, stderr = fixRun("--no-cache", "--fix", "--unsafe-fixes", "--exit-zero", base)
			if code != 0 {
				t.Fatalf("--fix exit %d: %s", code, stderr)
			}
			got, _ := os.ReadFile(path)
			if !bytes.Equal(got, want) {
				t.Errorf("after --fix:\n%s\nwant (the golden):\n%s", got, want)
			}
			_, _, stderr = fixRun("--no-cache", "--fix", "--unsafe-fixes", "--exit-zero", base)
			if !strings.Contains(stderr, "fixed 0 findings in 0 files") {
				t.Errorf("a second --fix: %s", stderr)
			}
		})
	}
}

// Without --unsafe-fixes, --fix applies only fixes marked safe; the
// rules' fixes today change behaviour (another accessibility class,
// another keychain), so nothing is written and every finding remains.
func TestFixAppliesOnlySafeFixes(t *testing.T) {
	for _, fixture := range goldenFixtures(t) {
		dir := t.TempDir()
		path := copyFile(t, fixture, dir)
		orig, _ := os.ReadFile(path)
		code, _, stderr := fixRun("--no-cache", "--fix", path)
		if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
			t.Errorf("%s: --fix without --unsafe-fixes changed the file", fixture)
		}
		if code != 1 || !strings.Contains(stderr, "fixed 0 findings") {
			t.Errorf("%s: exit %d, stderr %s", fixture, code, stderr)
		}
	}
}

func fixableCopy(t *testing.T) string {
	t.Helper()
	return copyFile(t, filepath.Join(repoRoot, "rules", "deprecatedkey", "testdata", "accessible.swift"), t.TempDir())
}

// The exit status comes from what remains: the three deprecatedkey
// warnings are fixed, the updateaddonly note stays (and is below
// --fail-on warning).
func TestFixExitStatusFromWhatRemains(t *testing.T) {
	path := fixableCopy(t)
	code, out, stderr := fixRun("--no-cache", "--fix", "--unsafe-fixes", path)
	if code != 0 || strings.Contains(out, "[deprecatedkey]") || !strings.Contains(out, "[updateaddonly]") ||
		!strings.Contains(stderr, "fixed 3 findings in 1 file\n") {
		t.Errorf("exit %d, output %q, stderr %s; want 0 and the note left", code, out, stderr)
	}
	path = fixableCopy(t)
	code, _, stderr = fixRun("--no-cache", "--diff-fixes", "--unsafe-fixes", path)
	if code != 0 || !strings.Contains(stderr, "would fix 3 findings in 1 file; 1 finding would remain") {
		t.Errorf("--diff-fixes: exit %d, stderr %s", code, stderr)
	}
	code, _, _ = fixRun("--no-cache", "--diff-fixes", path)
	if code != 1 {
		t.Errorf("--diff-fixes with no safe fix: exit %d, want 1", code)
	}
}

func TestFixKeepsMode(t *testing.T) {
	path := fixableCopy(t)
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	fixRun("--no-cache", "--fix", "--unsafe-fixes", path)
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after --fix, want 0640", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte("kSecAttrAccessibleAfterFirstUnlock")) {
		t.Errorf("not fixed")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*keychainlint-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestFixRefusesReadOnlyFile(t *testing.T) {
	path := fixableCopy(t)
	orig, _ := os.ReadFile(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := fixRun("--no-cache", "--fix", "--unsafe-fixes", path)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
		t.Errorf("a read-only file was changed")
	}
	if code != 1 || !strings.Contains(stderr, "is read-only") || !strings.Contains(stderr, "fixed 0 findings") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

// A file changed after the scan read it (an editor saving) keeps the
// edit: the fix is not applied, even when the change comes just before
// the rename.
func TestFixRefusesFileChangedDuringRun(t *testing.T) {
	path := fixableCopy(t)
	edited := []byte("// edited during the run\n")
	beforeFixWrite = func(p string) {
		if err := os.WriteFile(p, edited, 0o644); err != nil {
			t.Error(err)
		}
	}
	defer func() { beforeFixWrite = nil }()
	code, _, stderr := fixRun("--no-cache", "--fix", "--unsafe-fixes", path)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, edited) {
		t.Errorf("the edit made during the run was overwritten: %q", got)
	}
	if !strings.Contains(stderr, "changed since it was read") || code != 0 {
		// The rescan reads the edited file, which has no findings.
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*keychainlint-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A root reached through a symbolic link is not written.
func TestFixRefusesSymlinks(t *testing.T) {
	path := fixableCopy(t)
	orig, _ := os.ReadFile(path)
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(filepath.Dir(path), link); err != nil {
		t.Skip(err)
	}
	_, _, stderr := fixRun("--no-cache", "--fix", "--unsafe-fixes", link)
	if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
		t.Errorf("a file behind a symbolic link was changed")
	}
	if !strings.Contains(stderr, "is a symbolic link") {
		t.Errorf("stderr %s", stderr)
	}
}

func TestInsideRoots(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "f.swift"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "g.swift"), nil, 0o644)
	in := filepath.Join(dir, "a", "b", "f.swift")
	if err := insideRoots(in, []string{filepath.Join(dir, "a")}); err != nil {
		t.Errorf("inside: %v", err)
	}
	if err := insideRoots(in, []string{in}); err != nil {
		t.Errorf("the root itself: %v", err)
	}
	if err := insideRoots(filepath.Join(dir, "g.swift"), []string{filepath.Join(dir, "a")}); err == nil {
		t.Errorf("a file outside the roots is accepted")
	}
	if err := insideRoots(filepath.Join(dir, "ab.swift"), []string{filepath.Join(dir, "a")}); err == nil {
		t.Errorf("a sibling with the root's name as prefix is accepted")
	}
	os.Symlink(filepath.Join(dir, "a", "b"), filepath.Join(dir, "a", "l"))
	if err := insideRoots(filepath.Join(dir, "a", "l", "f.swift"), []string{filepath.Join(dir, "a")}); err == nil {
		t.Errorf("a path through a symbolic link is accepted")
	}
}

// A fix that would add syntax errors is refused and the file kept.
func TestFixRefusesNewSyntaxErrors(t *testing.T) {
	path := fixableCopy(t)
	src, _ := os.ReadFile(path)
	at := bytes.Index(src, []byte("kSecAttrAccessibleAlways"))
	ff := &fileFixes{path: path, findings: []int{0}}
	ff.fixes = append(ff.fixes, fixOf(at, at+len("kSecAttrAccessibleAlways"), "kSecAttrAccessibleAlways ) } {"))
	out := applyFileFixes(ff, src, []string{path}, true)
	if !strings.Contains(out.refused, "more syntax errors") || len(out.fixed) != 0 {
		t.Errorf("outcome %+v", out)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, src) {
		t.Errorf("the file was changed")
	}
}

// A skipped file's note is printed once, by the scan after the fixes.
func TestFixPrintsNotesOnce(t *testing.T) {
	path := fixableCopy(t)
	dir := filepath.Dir(path)
	if err := os.WriteFile(filepath.Join(dir, "binary.swift"), []byte("kSecClass\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := fixRun("--no-cache", "--fix", "--unsafe-fixes", dir)
	if n := strings.Count(stderr, "note: skipped"); n != 1 {
		t.Errorf("%d skipped notes, want 1:\n%s", n, stderr)
	}
}
