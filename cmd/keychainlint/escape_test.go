package main

import (
	"encoding/json"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keychainlint/keychainlint/analyzer/report"
)

// hostileNames are file names that, printed raw, would forge a finding or
// a GitHub Actions workflow command, or drive the terminal.
var hostileNames = []string{
	"a\n::error file=a.swift,line=1::forged\n.swift",
	"cr\rover.swift",
	"\x1b[31mred.swift",
	"::error file=x::pwned.swift",
	"nel\u0085.swift",
	"bad\xff\xfe.swift",
	"::add-mask::secret.swift",
	"s\n::stop-commands::tok\n.swift",
	"  ::warning::spaced.swift",
	"x##[error]forged.swift",
	"az##vso[task.logissue type=error]x.swift",
}

// hostileSwift has findings, related locations, a suppression whose
// reason holds an escape sequence and a message that quotes source text
// with one.
const hostileSwift = "import Security\n" + `
func wipe() {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "s",
        kSecMatchLimit as String: kSecMatchLimitAll,
    ]
    SecItemDelete(query as CFDictionary)
}

func read() -> OSStatus {
    let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrService as String: "x", kSecReturnData as String: true]
    let s = SecItemCopyMatching(q as CFDictionary, nil)
    if s != errSecSuccess {
        SecItemDelete(q as CFDictionary)
    }
    // keychainlint:ignore broaddelete -- reason in ` + "\x1b[31mred\x1b[0m\r" + `
    SecItemDelete([kSecClass: kSecClassGenericPassword] as CFDictionary)
    return s
}

// A message that quotes the directive's source text.
func quoted() {
    // keychainlint:ignore ` + "bo\x1b[31mgus" + `,deletelimit
    SecItemDelete([kSecClass: kSecClassGenericPassword, kSecMatchLimit: kSecMatchLimitAll] as CFDictionary)
}
`

// rawControl reports the first byte sequence of s that a terminal or a
// log would take raw: a C0 or C1 control other than the line ends, DEL,
// or invalid UTF-8.
func rawControl(s string) (string, bool) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return s[i : i+1], true
		case r < 0x20 && r != '\n', r == 0x7f, r >= 0x80 && r < 0xa0:
			return string(r), true
		}
	}
	return "", false
}

// TestHostileFileNames scans files with hostile names in every format:
// the text output and stderr have exactly one line per finding or note,
// with the name escaped (report.Path) and no raw control character; JSON
// and SARIF carry the names, escaped by JSON, and the SARIF log is valid.
func TestHostileFileNames(t *testing.T) {
	dir := t.TempDir()
	big := hostileSwift + "// " + strings.Repeat("x", 4000) + "\n"
	files := map[string]string{}
	for _, n := range hostileNames {
		files[n] = hostileSwift
	}
	bigName, brokenName := "big\n::warning::x.swift", "broken\x1b]0;title\a.swift"
	files[bigName] = big
	files[brokenName] = brokenSwift
	for n, content := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(content), 0o644); err != nil {
			t.Skipf("the file system refuses %q: %v", n, err)
		}
	}
	// Relative paths, so that the text lines begin with the hostile names
	// (a leading "::").
	t.Chdir(dir)
	plain := t.TempDir()
	writeTree(t, plain, map[string]string{"K.swift": hostileSwift})
	args := []string{"--show-suppressed", "--max-file-size", "3000"}

	// The text output of one plain file, as the template of each.
	ref := runCmd(t, append(args, plain)...)
	refLines := strings.Split(strings.TrimSuffix(ref.stdout, "\n"), "\n")
	if len(refLines) < 5 || !strings.Contains(ref.stdout, "note: suppressed (reason in ") || !strings.Contains(ref.stdout, "[deletelimit]") {
		t.Fatalf("the plain file has not the expected findings:\n%s", ref.stdout)
	}

	r := runCmd(t, append(args, "--verbose", ".")...)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	if bad, ok := rawControl(r.stdout); ok {
		t.Errorf("text output has the raw %q:\n%s", bad, r.stdout)
	}
	if bad, ok := rawControl(r.stderr); ok {
		t.Errorf("stderr has the raw %q:\n%s", bad, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	perFile := map[string]int{}
	line := regexp.MustCompile(`^(.+?):\d+:\d+: (error|warning|note): .* \[[a-z]+\]$`)
	for _, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil || strings.HasPrefix(l, "::") {
			t.Errorf("not a finding line: %q", l)
			continue
		}
		perFile[m[1]]++
	}
	for _, n := range append(slices.Clone(hostileNames), brokenName) {
		p := report.Path(n)
		if p == n {
			t.Errorf("%q is printed unescaped", n)
		}
		if n == brokenName {
			continue
		}
		if perFile[p] != len(refLines) {
			t.Errorf("%s: %d lines in the text output, want %d (as for a plain name)", p, perFile[p], len(refLines))
		}
		delete(perFile, p)
	}
	delete(perFile, report.Path(brokenName))
	if len(perFile) != 0 {
		t.Errorf("lines for unexpected files: %v\n%s", perFile, r.stdout)
	}
	if want := `suppressed (reason in \x1b[31mred\x1b[0m)`; strings.Count(r.stdout, want) != len(hostileNames) {
		t.Errorf("the suppression reasons are not escaped as %s:\n%s", want, r.stdout)
	}
	if want := `as in keychainlint:ignore deletelimit,bo\x1b[31mgus -- reason`; strings.Count(r.stdout, want) != len(hostileNames) {
		t.Errorf("the source text in messages is not escaped as %s:\n%s", want, r.stdout)
	}
	for _, l := range strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n") {
		if !strings.HasPrefix(l, "keychainlint: ") {
			t.Errorf("stderr line does not start with \"keychainlint: \": %q", l)
		}
	}
	for _, want := range []string{
		"keychainlint: note: skipped " + report.Path(bigName) + ": ",
		"keychainlint: note: " + report.Path(brokenName) + ":",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr has no line starting with %q:\n%s", want, r.stderr)
		}
	}

	// A file named on the command line that cannot be analysed: the
	// error names it escaped.
	named := runCmd(t, "--max-file-size", "3000", bigName)
	if want := "keychainlint: error: " + report.Path(bigName) + ", named on the command line, cannot be analysed: "; named.code != 2 || !strings.Contains(named.stderr, want) {
		t.Errorf("exit %d, want 2 and a line starting with %q:\n%s", named.code, want, named.stderr)
	}
	if bad, ok := rawControl(named.stderr); ok {
		t.Errorf("stderr has the raw %q:\n%s", bad, named.stderr)
	}

	// JSON: valid, one finding list per file, the names as JSON decodes
	// them (encoding/json writes each invalid byte as U+FFFD).
	doc := decodeJSON(t, runCmd(t, append(args, "--format", "json", ".")...).stdout)
	got := map[string]int{}
	for _, f := range doc.Findings {
		got[f.File]++
	}
	each := len(decodeJSON(t, runCmd(t, append(args, "--format", "json", plain)...).stdout).Findings)
	for _, n := range hostileNames {
		if want := jsonString(n); got[want] != each {
			t.Errorf("JSON: %q: %d findings, want %d", want, got[want], each)
		}
	}

	// SARIF (runCmd checks it against the schema): the URIs decode to the
	// names, invalid bytes included.
	out := runCmd(t, append(args, "--format", "sarif", "--srcroot", ".", ".")...).stdout
	if bad, ok := rawControl(out); ok {
		t.Errorf("SARIF has the raw %q", bad)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	uris := map[string]int{}
	for _, res := range log.Runs[0].Results {
		u := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		name, err := url.PathUnescape(u)
		if err != nil {
			t.Errorf("SARIF URI %q: %v", u, err)
		}
		uris[path.Clean(name)]++ // "./a:b.swift": a first segment with a colon
	}
	for _, n := range hostileNames {
		if uris[n] == 0 {
			t.Errorf("SARIF: no result in %q (results in %q)", n, slices.Sorted(maps.Keys(uris)))
		}
	}
}

// jsonString is s as encoding/json writes and reads it back.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	var back string
	_ = json.Unmarshal(b, &back)
	return back
}

// TestHostileFlag checks that package flag's error for an unknown flag
// (which quotes the argument raw) is escaped, and that the usage it
// prints keeps its layout.
func TestHostileFlag(t *testing.T) {
	for _, args := range [][]string{{"-\x1b[31m\n::error::x"}, {"dump", "--project", "-\x1b[31m\n::error::x"}} {
		r := runCmd(t, args...)
		if r.code != 2 {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
		first, _, _ := strings.Cut(r.stderr, "\n")
		if bad, ok := rawControl(first); ok {
			t.Errorf("%q: the error has the raw %q:\n%s", args, bad, r.stderr)
		}
		for _, l := range strings.Split(r.stderr, "\n") {
			if strings.HasPrefix(l, "::") {
				t.Errorf("%q: a stderr line begins with \"::\": %q", args, l)
			}
		}
		if want := `flag provided but not defined: -\x1b[31m\n::error::x` + "\n"; !strings.HasPrefix(r.stderr, want) {
			t.Errorf("%q: stderr does not begin with %q:\n%s", args, want, r.stderr)
		}
		if !strings.Contains(r.stderr, "\n  -") {
			t.Errorf("%q: the usage lost its layout:\n%s", args, r.stderr)
		}
	}
}
