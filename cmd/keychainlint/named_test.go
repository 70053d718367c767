package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A file named on the command line that cannot be analysed (binary, too
// large) is an error: exit 2 (0 with --exit-zero), an error line on stderr
// and an error notification in SARIF. The same file found below a named
// directory is only skipped with a note.
func TestNamedFileNotAnalysed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"Binary.swift": strings.Replace(badSwift, "import Security", "import Security // \x00\x00", 1),
		"Big.swift":    badSwift + strings.Repeat("/", 4096),
		"Bad.swift":    badSwift,
	})
	for _, name := range []string{"Binary.swift", "Big.swift"} {
		r := runCmd(t, "--max-file-size", "1024", filepath.Join(dir, name))
		if r.code != 2 {
			t.Errorf("%s named: exit %d, want 2\n%s", name, r.code, r)
		}
		if !strings.Contains(r.stderr, "keychainlint: error: ") || !strings.Contains(r.stderr, "named on the command line, cannot be analysed") {
			t.Errorf("%s named: no error on stderr:\n%s", name, r.stderr)
		}
		if r := runCmd(t, "--exit-zero", "--max-file-size", "1024", filepath.Join(dir, name)); r.code != 0 {
			t.Errorf("%s named, --exit-zero: exit %d, want 0\n%s", name, r.code, r)
		}
	}

	// Named next to a file that is analysed: still an error.
	r := runCmd(t, "--max-file-size", "1024", filepath.Join(dir, "Bad.swift"), filepath.Join(dir, "Binary.swift"))
	if r.code != 2 {
		t.Errorf("Bad.swift and Binary.swift named: exit %d, want 2\n%s", r.code, r)
	}

	// The directory: the files below it are only skipped (exit 1 for the
	// finding in Bad.swift).
	r = runCmd(t, "--max-file-size", "1024", dir)
	if r.code != 1 || strings.Contains(r.stderr, "error:") {
		t.Errorf("directory named: exit %d, want 1 and no error line\n%s", r.code, r)
	}

	// SARIF: the notification is an error.
	r = runCmd(t, "--format", "sarif", "--max-file-size", "1024", filepath.Join(dir, "Binary.swift"))
	var log struct {
		Runs []struct {
			Invocations []struct {
				Notes []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	found := false
	for _, n := range log.Runs[0].Invocations[0].Notes {
		if n.Level == "error" && strings.Contains(n.Message.Text, "named on the command line") {
			found = true
		}
	}
	if !found {
		t.Errorf("SARIF has no error notification for the named file: %s", fmt.Sprint(log.Runs[0].Invocations))
	}
}

// Output paths and the --diff revision are checked before the scan: the
// error names the flag, and no scan summary is printed.
func TestOutputsCheckedBeforeScan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"Bad.swift": badSwift, "out/keep.txt": "x"})
	for _, tc := range []struct{ flag, path, want string }{
		{"--output", filepath.Join(dir, "missing", "out.txt"), "--output: cannot write"},
		{"--sarif-output", filepath.Join(dir, "missing", "out.sarif"), "--sarif-output: cannot write"},
		{"--write-baseline", filepath.Join(dir, "out"), "--write-baseline: cannot write"},
		{"--output", filepath.Join(dir, "Bad.swift", "x"), "not a directory"},
	} {
		r := runCmd(t, tc.flag, tc.path, dir)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || strings.Contains(r.stderr, "files seen") {
			t.Errorf("%s %s: exit %d, want 2 with %q before any scan\n%s", tc.flag, tc.path, r.code, tc.want, r)
		}
	}
	// --output /dev/null is fine.
	if r := runCmd(t, "--output", "/dev/null", dir); r.code != 1 {
		t.Errorf("--output /dev/null: exit %d, want 1\n%s", r.code, r)
	}
}
