package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// TestMain points the default cache at a temporary directory: no test
// reads or writes the user's cache (a stale entry there could otherwise
// hide a change in lowering from the golden tests), and a test that
// passes no --cache-dir still runs with a cache, as users do.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "keychainlint-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defaultCacheDir = func() (string, error) { return dir, nil }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var elapsed = regexp.MustCompile(` in [0-9.]+[µmn]?s\n`)

func cacheEntries(t *testing.T, root string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(root, "v*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestCacheWarmIdentical: a warm run (every model from the cache) writes
// byte for byte what the cold run wrote, in text and SARIF, and what a run
// without a cache writes.
func TestCacheWarmIdentical(t *testing.T) {
	t.Chdir(repoRoot)
	for _, format := range []string{"text", "sarif", "json"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			args := []string{"--format", format, "--cache-dir", dir, "testdata/sampleapp"}
			cold := runCmd(t, args...)
			n := len(cacheEntries(t, dir))
			if n < 7 {
				t.Fatalf("cold run wrote %d cache entries, want one per parsed file", n)
			}
			warm := runCmd(t, args...)
			none := runCmd(t, "--format", format, "--no-cache", "testdata/sampleapp")
			for name, r := range map[string]result{"warm": warm, "uncached": none} {
				if r.code != cold.code || r.stdout != cold.stdout ||
					elapsed.ReplaceAllString(r.stderr, "\n") != elapsed.ReplaceAllString(cold.stderr, "\n") {
					t.Errorf("%s run differs from the cold one:\n%s\ncold:\n%s", name, r, cold)
				}
			}
			if m := len(cacheEntries(t, dir)); m != n {
				t.Errorf("warm run changed the number of entries: %d, then %d", n, m)
			}
		})
	}
}

// TestNoCacheWritesNothing: --no-cache creates neither the default cache
// directory nor the one --cache-dir names.
func TestNoCacheWritesNothing(t *testing.T) {
	t.Chdir(repoRoot)
	def := filepath.Join(t.TempDir(), "default")
	old := defaultCacheDir
	defaultCacheDir = func() (string, error) { return def, nil }
	defer func() { defaultCacheDir = old }()
	named := filepath.Join(t.TempDir(), "named")
	runCmd(t, "--no-cache", "testdata/sampleapp")
	runCmd(t, "--no-cache", "--cache-dir", named, "testdata/sampleapp")
	for _, d := range []string{def, named} {
		if _, err := os.Stat(d); err == nil {
			t.Errorf("--no-cache created %s", d)
		}
	}
	// Without --no-cache the default directory is used.
	runCmd(t, "testdata/sampleapp")
	if len(cacheEntries(t, def)) == 0 {
		t.Error("a run without --cache-dir wrote nothing to the default cache directory")
	}
}

// TestCacheUnwritable: a cache directory that cannot be created or
// written is a note; the scan runs and finds what it finds without it.
func TestCacheUnwritable(t *testing.T) {
	t.Chdir(repoRoot)
	want := runCmd(t, "--no-cache", "testdata/sampleapp")

	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	r := runCmd(t, "--cache-dir", file, "testdata/sampleapp")
	if !strings.Contains(r.stderr, "keychainlint: note: no cache:") {
		t.Errorf("no note for a cache directory that is a file:\n%s", r)
	}
	if r.code != want.code || r.stdout != want.stdout {
		t.Errorf("the scan without a usable cache differs:\n%s", r)
	}

	// The directory exists but its entries cannot be written.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "v1"), []byte("x"), 0o644)
	r = runCmd(t, "--cache-dir", dir, "testdata/sampleapp")
	if !strings.Contains(r.stderr, "keychainlint: note: no cache:") || r.stdout != want.stdout {
		t.Errorf("entry directory blocked by a file:\n%s", r)
	}
}

// TestCacheConcurrentRuns: scans that share one cache directory at the
// same time, cold and warm, all give the uncached output.
func TestCacheConcurrentRuns(t *testing.T) {
	t.Chdir(repoRoot)
	want := runCmd(t, "--no-cache", "--format", "json", "testdata/sampleapp")
	dir := t.TempDir()
	var wg sync.WaitGroup
	results := make([]result, 6)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = runCmd(t, "--format", "json", "--cache-dir", dir, "testdata/sampleapp")
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.stdout != want.stdout || r.code != want.code || strings.Contains(r.stderr, "cache") {
			t.Errorf("run %d differs:\n%s", i, r)
		}
	}
	if r := runCmd(t, "--format", "json", "--cache-dir", dir, "testdata/sampleapp"); r.stdout != want.stdout {
		t.Errorf("warm run after the concurrent ones differs:\n%s", r)
	}
	for _, e := range cacheEntries(t, dir) {
		if strings.HasPrefix(filepath.Base(e), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e)
		}
	}
}

// TestCacheVerbose: --verbose says how much came from the cache.
func TestCacheVerbose(t *testing.T) {
	t.Chdir(repoRoot)
	dir := t.TempDir()
	cold := runCmd(t, "--verbose", "--cache-dir", dir, "testdata/sampleapp")
	warm := runCmd(t, "--verbose", "--cache-dir", dir, "testdata/sampleapp")
	if !regexp.MustCompile(`keychainlint: note: cache .*: 0 of [1-9][0-9]* parsed files from the cache\n`).MatchString(cold.stderr) {
		t.Errorf("cold run:\n%s", cold.stderr)
	}
	m := regexp.MustCompile(`: ([0-9]+) of ([0-9]+) parsed files from the cache; findings from the cache\n`).FindStringSubmatch(warm.stderr)
	if m == nil || m[1] != m[2] {
		t.Errorf("warm run:\n%s", warm.stderr)
	}
	if quiet := runCmd(t, "--cache-dir", dir, "testdata/sampleapp"); strings.Contains(quiet.stderr, "cache") {
		t.Errorf("without --verbose the cache is mentioned:\n%s", quiet.stderr)
	}
}

// TestCacheSecondRunHits: the run right after a cold one takes its findings
// from the cache also when the project facts it reads from the cache
// differ from freshly parsed ones only in form (an entitlements file with
// an empty keychain-access-groups array: encoding/gob gives back nil for
// the empty line list, which the result key must not tell apart).
func TestCacheSecondRunHits(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot, "analyzer", "project", "testdata", "e2e", "xcode-ent"))); err != nil {
		t.Fatal(err)
	}
	empty := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>keychain-access-groups</key>\n\t<array/>\n</dict>\n</plist>\n"
	if err := os.WriteFile(filepath.Join(dir, "App", "Vault-Debug.entitlements"), []byte(empty), 0o644); err != nil {
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	t.Chdir(dir)
	cold := runCmd(t, "--verbose", "--exit-zero", "--cache-dir", cacheDir, ".")
	warm := runCmd(t, "--verbose", "--exit-zero", "--cache-dir", cacheDir, ".")
	if !strings.Contains(warm.stderr, "; findings from the cache\n") {
		t.Errorf("the second run did not take its findings from the cache:\n%s\ncold:\n%s", warm.stderr, cold.stderr)
	}
	if warm.stdout != cold.stdout {
		t.Errorf("warm output differs:\n%s\ncold:\n%s", warm.stdout, cold.stdout)
	}
}
