package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMalformedBaseline: a baseline that is not one (garbage, truncated,
// another tool's JSON, a newer version, deeply nested) ends the run with
// exit 2 and a message that names the flag and the file, before anything
// is scanned or printed; it is never read as "no baseline".
func TestMalformedBaseline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"garbage.json":   "\x00\xff not json",
		"truncated.json": `{"tool": "keychainlint", "version": 1, "findings": [{"fingerprint": "ab`,
		"other.json":     `{"runs": []}`,
		"newer.json":     `{"tool": "keychainlint", "version": 99, "findings": []}`,
		"deep.json":      strings.Repeat("[", 100_000),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCmd(t, "--baseline", p, "../../testdata/sampleapp")
		if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--baseline") || !strings.Contains(r.stderr, p) {
			t.Errorf("%s: want exit 2, no output and a message naming --baseline and the file, got %s", name, r)
		}
	}
}
