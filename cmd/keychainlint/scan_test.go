package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// Fixtures. correct* contain keychain code keychainlint must accept;
// badSwift has exactly one finding, at badKey.

const correctSwift = `import Foundation
import Security

struct TokenStore {
    func save(_ token: Data, account: String) -> OSStatus {
        let item: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: "com.example.token",
            kSecAttrAccount as String: account,
            kSecAttrAccessible as String: kSecAttrAccessibleAfterFirstUnlock,
            kSecValueData as String: token,
        ]
        return SecItemAdd(item as CFDictionary, nil)
    }

    func login(server: String) -> Data? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassInternetPassword,
            kSecAttrServer as String: server,
            kSecAttrProtocol as String: kSecAttrProtocolHTTPS,
            kSecReturnData as String: true,
            kSecMatchLimit as String: kSecMatchLimitOne,
        ]
        var result: AnyObject?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess else { return nil }
        return result as? Data
    }

    func key(tag: Data) -> SecKey? {
        let query: [String: Any] = [
            kSecClass as String: kSecClassKey,
            kSecAttrApplicationTag as String: tag,
            kSecAttrKeyType as String: kSecAttrKeyTypeECSECPrimeRandom,
            kSecReturnRef as String: true,
        ]
        var result: AnyObject?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess else { return nil }
        return (result as! SecKey)
    }

    func certificate(commonName: String) -> SecCertificate? {
        #if os(macOS)
        let query: [String: Any] = [
            kSecClass as String: kSecClassCertificate,
            kSecMatchSubjectWholeString as String: commonName,
            kSecReturnRef as String: true,
        ]
        #else
        let query: [String: Any] = [
            kSecClass as String: kSecClassCertificate,
            kSecMatchSubjectContains as String: commonName,
            kSecReturnRef as String: true,
        ]
        #endif
        var result: AnyObject?
        guard SecItemCopyMatching(query as CFDictionary, &result) == errSecSuccess else { return nil }
        return (result as! SecCertificate)
    }
}
`

const correctObjC = `#import <Foundation/Foundation.h>
#import <Security/Security.h>

OSStatus SaveToken(NSData *token, NSString *account)
{
    NSDictionary *attributes = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassGenericPassword,
        (__bridge id)kSecAttrService: @"com.example.token",
        (__bridge id)kSecAttrAccount: account,
        (__bridge id)kSecValueData: token,
    };
    return SecItemAdd((__bridge CFDictionaryRef)attributes, NULL);
}

SecCertificateRef CopyCertificate(NSString *label)
{
    NSDictionary *query = @{
        (__bridge id)kSecClass: (__bridge id)kSecClassCertificate,
        (__bridge id)kSecAttrLabel: label,
        (__bridge id)kSecReturnRef: @YES,
    };
    CFTypeRef result = NULL;
    if (SecItemCopyMatching((__bridge CFDictionaryRef)query, &result) != errSecSuccess) {
        return NULL;
    }
    return (SecCertificateRef)result;
}
`

const correctC = `#include <CoreFoundation/CoreFoundation.h>
#include <Security/Security.h>

OSStatus store(CFStringRef service, CFStringRef account, CFDataRef secret)
{
    CFMutableDictionaryRef item = CFDictionaryCreateMutable(kCFAllocatorDefault, 0,
        &kCFTypeDictionaryKeyCallBacks, &kCFTypeDictionaryValueCallBacks);
    CFDictionarySetValue(item, kSecClass, kSecClassGenericPassword);
    CFDictionarySetValue(item, kSecAttrService, service);
    CFDictionarySetValue(item, kSecAttrAccount, account);
    CFDictionarySetValue(item, kSecValueData, secret);
    OSStatus status = SecItemAdd(item, NULL);
    CFRelease(item);
    return status;
}
`

// badSwift has one unsupportedattr finding: kSecAttrService on an
// internet password.
const badSwift = `import Security

func lookup(server: String) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassInternetPassword,
        kSecAttrService as String: server,
        kSecReturnData as String: true,
    ]
    return SecItemCopyMatching(query as CFDictionary, nil)
}
`

// badKey is the line and column of the finding in badSwift.
const badLine, badColumn = 6, 9

// brokenSwift has the finding of badSwift followed by code that does not
// parse.
const brokenSwift = badSwift + `
func broken( {
    let x = [[[ ) } } SecItemAdd(
    struct class func @@@ kSecAttrAccount as String:
    #if os(
`

// writeTree writes files (relative slash paths → content) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// wantOnlyBadFinding checks that r reports badSwift's finding in file (as
// printed), nothing else, and exits 1.
func wantOnlyBadFinding(t *testing.T, r result, file string) {
	t.Helper()
	fs := parseFindings(t, r.stdout)
	want := fmt.Sprintf("%s:%d:%d: error: kSecAttrService is not an attribute of internet passwords", file, badLine, badColumn)
	if len(fs) != 1 || !strings.HasPrefix(fs[0].String(), want) {
		t.Errorf("want exactly one finding starting with %q\n%s", want, r)
		return
	}
	checkPointsAtKey(t, fs[0])
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s", r.code, r)
	}
}

func wantClean(t *testing.T, r result) summaryLine {
	t.Helper()
	if r.code != 0 || r.stdout != "" {
		t.Errorf("want no findings and exit 0\n%s", r)
	}
	s := parseSummary(t, r.stderr)
	if s.total != 0 || !strings.Contains(r.stderr, "; no findings in ") {
		t.Errorf("summary should say no findings:\n%s", r.stderr)
	}
	return s
}

func skipNote(path, reason string) string {
	return "keychainlint: note: skipped " + path + ": " + reason + "\n"
}

func TestFixtureFindingPosition(t *testing.T) {
	// Guard against editing badSwift without updating badLine/badColumn.
	l := strings.Split(badSwift, "\n")[badLine-1]
	if !strings.HasPrefix(l[badColumn-1:], "kSecAttrService") {
		t.Fatalf("badLine/badColumn do not point at kSecAttrService in badSwift: %q", l)
	}
}

func TestCorrectCode(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"App/TokenStore.swift": correctSwift,
		"App/Legacy.m":         correctObjC,
		"App/Legacy.h":         "#import <Foundation/Foundation.h>\nOSStatus SaveToken(NSData *token, NSString *account);\n",
		"App/Bridge.mm":        correctObjC,
		"Lib/store.c":          correctC,
		"Lib/plain.swift":      "struct Plain { let x = 1 }\n",
		"README.md":            "kSecAttrService on kSecClassInternetPassword is wrong, SecItemAdd\n",
	})
	r := runCmd(t, dir)
	s := wantClean(t, r)
	if s.seen != 6 || s.keychain != 4 {
		t.Errorf("summary says %d files seen, %d with keychain code; want 6 and 4 (Legacy.h and plain.swift have none):\n%s", s.seen, s.keychain, r.stderr)
	}
	if strings.Contains(r.stderr, "skipped") {
		t.Errorf("nothing should be skipped:\n%s", r.stderr)
	}
	// The same with every platform scope and failing severity.
	for _, args := range [][]string{{"--platforms", "ios"}, {"--platforms", "macos"}, {"--fail-on", "note"}} {
		wantClean(t, runCmd(t, append(args, dir)...))
	}
}

// TestMemberLevelPlatformCondition: #if os(macOS) around a member of a
// type narrows the member's scope (tree-sitter-swift does not parse #if in
// a type body, so this depends on swiftparse's recovery), and the member
// is still analysed.
func TestMemberLevelPlatformCondition(t *testing.T) {
	dir := t.TempDir()
	const src = `import Security

struct Certs {
    func other() {}

    #if os(macOS)
    func certificate(commonName: String) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassCertificate,
            kSecMatchSubjectWholeString as String: commonName,
            kSecAttrApplicationTag as String: Data(),
            kSecReturnRef as String: true,
        ]
        return SecItemCopyMatching(query as CFDictionary, nil)
    }
    #endif

    func everywhere(commonName: String) -> OSStatus {
        let query: [String: Any] = [
            kSecClass as String: kSecClassCertificate,
            kSecMatchSubjectWholeString as String: commonName,
        ]
        return SecItemCopyMatching(query as CFDictionary, nil)
    }
}
`
	writeTree(t, dir, map[string]string{"Certs.swift": src})
	t.Chdir(dir)
	r := runCmd(t, "Certs.swift")
	var got []string
	for _, f := range parseFindings(t, r.stdout) {
		checkPointsAtKey(t, f)
		got = append(got, fmt.Sprintf("%d:%d %s", f.line, f.column, leadingKey.FindString(f.message)))
	}
	want := []string{"11:13 kSecAttrApplicationTag", "21:13 kSecMatchSubjectWholeString"}
	if !slices.Equal(got, want) {
		t.Errorf("got findings %q, want %q\n%s", got, want, r)
	}
}

func TestNoSourceFiles(t *testing.T) {
	t.Parallel()
	t.Run("empty directory", func(t *testing.T) {
		r := runCmd(t, t.TempDir())
		s := wantClean(t, r)
		if s.seen != 0 || s.keychain != 0 {
			t.Errorf("summary: %+v", s)
		}
		if !strings.Contains(r.stderr, "0 files seen, 0 with keychain code") {
			t.Errorf("summary:\n%s", r.stderr)
		}
	})
	t.Run("other files only", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{
			"README.md":           "SecItemAdd kSecAttrService",
			"Package.resolved":    "{}",
			"App/Info.plist":      "<plist/>",
			"App/Main.storyboard": "<document/>",
			"script.py":           "kSecClass = 1\n",
			"App/swift":           "SecItemAdd", // no extension
			"App/file.swift.orig": "SecItemAdd",
		})
		r := runCmd(t, dir)
		s := wantClean(t, r)
		if s.seen != 0 {
			t.Errorf("summary: %+v", s)
		}
		if strings.Contains(r.stderr, "skipped") {
			t.Errorf("files with other extensions are left out silently:\n%s", r.stderr)
		}
	})
	t.Run("explicit file with another extension", func(t *testing.T) {
		dir := t.TempDir()
		writeTree(t, dir, map[string]string{"notes.txt": "SecItemAdd"})
		p := filepath.Join(dir, "notes.txt")
		r := runCmd(t, p)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("an explicit file that cannot be scanned: exit %d, want 2 and no output\n%s", r.code, r)
		}
		if !strings.Contains(r.stderr, "keychainlint: error: "+p+", named on the command line, cannot be analysed: not a Swift, Objective-C or C file") {
			t.Errorf("an explicit file that cannot be scanned should be an error:\n%s", r.stderr)
		}
	})
}

func TestBadFixture(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"Bad.swift": badSwift, "Good.swift": correctSwift})
	r := runCmd(t, dir)
	wantOnlyBadFinding(t, r, filepath.Join(dir, "Bad.swift"))
	s := parseSummary(t, r.stderr)
	if s.seen != 2 || s.keychain != 2 || s.bySeverity["error"] != 1 {
		t.Errorf("summary %+v\n%s", s, r.stderr)
	}
	// The rule reports errors: every --fail-on fails.
	for _, sev := range []string{"error", "warning", "note"} {
		if r := runCmd(t, "--fail-on", sev, dir); r.code != 1 {
			t.Errorf("--fail-on %s: exit %d, want 1", sev, r.code)
		}
	}
}

// warningSwift has one finding, a warning: the deprecated
// kSecAttrAccessibleAlways in an add (deprecatedkey), alone on line 10.
const warningSwift = `import Security

func storeToken(account: String, token: Data) -> OSStatus {
    let item: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "com.example.token",
        kSecAttrAccount as String: account,
        kSecValueData as String: token,
        kSecAttrAccessible as String:
        kSecAttrAccessibleAlways,
    ]
    return SecItemAdd(item as CFDictionary, nil)
}
`

// TestFailOnWarnings checks --fail-on with a finding below and at the
// threshold.
func TestFailOnWarnings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"Refresh.swift": warningSwift, "Good.swift": correctSwift})
	r := runCmd(t, dir)
	fs := parseFindings(t, r.stdout)
	if len(fs) != 1 || fs[0].severity != "warning" || fs[0].line != 10 || fs[0].column != 9 {
		t.Fatalf("want one warning at Refresh.swift:10:9 (kSecAttrAccessibleAlways in SecItemAdd)\n%s", r)
	}
	checkPointsAtKey(t, fs[0])
	if s := parseSummary(t, r.stderr); s.bySeverity["warning"] != 1 || s.bySeverity["error"] != 0 {
		t.Errorf("summary:\n%s", r.stderr)
	}
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, 1}, // default: warning
		{[]string{"--fail-on", "warning"}, 1},
		{[]string{"--fail-on", "note"}, 1},
		{[]string{"--fail-on", "error"}, 0},
		{[]string{"--fail-on=error"}, 0},
	} {
		r := runCmd(t, append(tc.args, dir)...)
		if r.code != tc.code {
			t.Errorf("%q: exit %d, want %d\n%s", tc.args, r.code, tc.code, r)
		}
		// The threshold changes the exit status, not what is printed.
		if len(parseFindings(t, r.stdout)) != 1 {
			t.Errorf("%q: the warning must be printed whatever --fail-on says\n%s", tc.args, r)
		}
	}
}

// TestSkippedFiles puts files that cannot be analysed next to a file with
// a finding: each is noted on stderr or analysed as far as possible, and
// the scan goes on.
func TestSkippedFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rng := rand.New(rand.NewChaCha8([32]byte{'k', 'e', 'y', 'c', 'h', 'a', 'i', 'n'}))
	randomBytes := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	// Random bytes without NUL, so that they pass the binary check, with
	// the prefilter's words sprinkled in so that the parser gets them.
	var garbage bytes.Buffer
	for range 16 {
		chunk := randomBytes(256)
		for i, c := range chunk {
			if c == 0 {
				chunk[i] = 1
			}
		}
		garbage.Write(chunk)
		garbage.WriteString(" SecItemAdd([kSecClass: kSecClassInternetPassword, kSecAttrService: ")
	}
	random := randomBytes(8 << 10)
	if !bytes.Contains(random, []byte{0}) {
		t.Fatal("random bytes without NUL: the test needs a different seed")
	}

	// A large file with the finding of badSwift at its start.
	const limit = 32 << 10
	big := badSwift + strings.Repeat("// padding padding padding padding padding padding padding\n", 2*limit/60)

	writeTree(t, dir, map[string]string{
		"Bad.swift":          badSwift,
		"Binary.swift":       strings.Replace(badSwift, "import Security", "import Security // \x00\x00\x00", 1),
		"Broken.swift":       brokenSwift,
		"Empty.swift":        "",
		"Empty.m":            "",
		"Random.swift":       string(random),
		"RandomText.m":       garbage.String(),
		"Big.swift":          big,
		"Limit.swift":        badSwift + strings.Repeat("/", limit-len(badSwift)), // exactly at the limit: scanned
		"Unicode.swift":      "let ключ = \"🔑\"\n" + correctSwift,
		"Truncated.swift":    badSwift[:len(badSwift)/2],
		"InvalidUTF8.swift":  "let s = \"\xff\xfe\xc3\"\n" + correctSwift,
		"OnlyNewlines.swift": strings.Repeat("\n", 1000),
		"CRLF.swift":         strings.ReplaceAll(correctSwift, "\n", "\r\n"),
		"CRLFBad.swift":      strings.ReplaceAll(badSwift, "\n", "\r\n"),
		"BOM.swift":          "\ufeff" + badSwift,
		"Tabs.swift":         strings.ReplaceAll(badSwift, "    ", "\t"),
	})

	r := runCmd(t, "--max-file-size", fmt.Sprint(limit), dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (Bad.swift, Broken.swift and Limit.swift have findings)\n%s", r.code, r)
	}
	for _, bad := range []string{"internal error", "panic", "goroutine "} {
		if strings.Contains(r.stderr, bad) {
			t.Errorf("stderr mentions %q:\n%s", bad, r.stderr)
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, note := range []string{
		skipNote(p("Binary.swift"), "binary file"),
		skipNote(p("Random.swift"), "binary file"),
		skipNote(p("Big.swift"), "larger than 32.0 KB (limit --max-file-size)"),
	} {
		if !strings.Contains(r.stderr, note) {
			t.Errorf("stderr does not contain the note %q:\n%s", note, r.stderr)
		}
	}
	for _, name := range []string{"Bad.swift", "Broken.swift", "Empty.swift", "Empty.m", "Limit.swift", "RandomText.m", "Unicode.swift", "CRLF.swift"} {
		if strings.Contains(r.stderr, "skipped "+p(name)+":") {
			t.Errorf("%s should not be skipped:\n%s", name, r.stderr)
		}
	}

	fs := parseFindings(t, r.stdout)
	byFile := map[string][]finding{}
	for _, f := range fs {
		byFile[filepath.Base(f.path)] = append(byFile[filepath.Base(f.path)], f)
	}
	for _, name := range []string{"Bad.swift", "Broken.swift", "Limit.swift", "CRLFBad.swift", "BOM.swift"} {
		got := byFile[name]
		if len(got) != 1 || got[0].line != badLine || got[0].column != badColumn || got[0].rule != "unsupportedattr" {
			t.Errorf("%s: want the kSecAttrService finding at %d:%d, got %v", name, badLine, badColumn, got)
		}
		delete(byFile, name)
	}
	// With tabs the key is at byte column 3 of the line (columns count
	// bytes, a tab is one).
	if got := byFile["Tabs.swift"]; len(got) != 1 || got[0].line != badLine || got[0].column != 3 {
		t.Errorf("Tabs.swift: want the kSecAttrService finding at %d:3, got %v", badLine, got)
	}
	delete(byFile, "Tabs.swift")
	delete(byFile, "RandomText.m") // whatever the parser makes of garbage, as long as it does not crash
	delete(byFile, "Truncated.swift")
	for name, got := range byFile {
		t.Errorf("unexpected findings in %s: %v", name, got)
	}
	for _, f := range fs {
		if filepath.Base(f.path) != "RandomText.m" {
			checkPointsAtKey(t, f)
		}
	}

	s := parseSummary(t, r.stderr)
	checkSummaryMatches(t, s, fs)
	// Skipped files are not analysed; the empty files and the one of
	// newlines do not have keychain code.
	if s.keychain != 11 {
		t.Errorf("summary says %d files with keychain code, want 11 (Bad, Broken, Limit, RandomText, Unicode, Truncated, InvalidUTF8, CRLF, CRLFBad, BOM, Tabs; not the skipped or empty ones)\n%s", s.keychain, r.stderr)
	}

	// Without the size limit Big.swift is scanned and has the finding.
	r = runCmd(t, dir)
	if !strings.Contains(r.stdout, p("Big.swift")+fmt.Sprintf(":%d:%d: error:", badLine, badColumn)) {
		t.Errorf("with the default limit Big.swift should be scanned:\n%s", r)
	}
	if strings.Contains(r.stderr, "skipped "+p("Big.swift")) {
		t.Errorf("Big.swift skipped with the default limit:\n%s", r.stderr)
	}

	// A skipped file named explicitly is an error (exit 2).
	named := func(path, reason string) string {
		return "keychainlint: error: " + path + ", named on the command line, cannot be analysed: " + reason
	}
	r = runCmd(t, "--max-file-size", fmt.Sprint(limit), p("Big.swift"), p("Binary.swift"))
	if r.code != 2 || r.stdout != "" ||
		!strings.Contains(r.stderr, named(p("Big.swift"), "larger than 32.0 KB (limit --max-file-size)")) ||
		!strings.Contains(r.stderr, named(p("Binary.swift"), "binary file")) {
		t.Errorf("explicit skipped files:\n%s", r)
	}

	// dump does not crash on these files either.
	for _, name := range []string{"Broken.swift", "RandomText.m", "Empty.swift", "Truncated.swift", "InvalidUTF8.swift"} {
		r := runCmd(t, "dump", p(name))
		if r.code != 0 || !strings.HasPrefix(r.stdout, "// "+p(name)) {
			t.Errorf("dump %s:\n%.500s", name, r)
		}
	}
	if r := runCmd(t, "dump", p("Broken.swift")); strings.Contains(r.stdout, " 0 syntax errors") {
		t.Errorf("dump of Broken.swift reports no syntax errors:\n%.300s", r.stdout)
	}
}

// TestMaxFileSize checks the default limit, 0 (no limit) and a negative
// value.
func TestMaxFileSize(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// Just over the 5 MB default, in one comment so that parsing is quick.
	big := badSwift + "/* " + strings.Repeat("padding ", 5<<20/8) + "*/\n"
	writeTree(t, dir, map[string]string{"Big.swift": big})
	p := filepath.Join(dir, "Big.swift")

	r := runCmd(t, dir)
	if r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, skipNote(p, "larger than 5.0 MB (limit --max-file-size)")) {
		t.Errorf("default limit:\n%s", r)
	}
	// 0 is no limit, in the walk and when the file is read.
	r = runCmd(t, "--max-file-size", "0", dir)
	wantOnlyBadFinding(t, r, p)
	if strings.Contains(r.stderr, "skipped") {
		t.Errorf("--max-file-size 0 skipped the file:\n%s", r.stderr)
	}
	wantOnlyBadFinding(t, runCmd(t, "--max-file-size", fmt.Sprint(len(big)), dir), p)
	r = runCmd(t, "--max-file-size", fmt.Sprint(len(big)-1), dir)
	if r.code != 0 || !strings.Contains(r.stderr, "skipped "+p+": larger than ") {
		t.Errorf("--max-file-size one byte below the size:\n%s", r)
	}
	r = runCmd(t, "--max-file-size", "-1", dir)
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "--max-file-size -1") {
		t.Errorf("--max-file-size -1:\n%s", r)
	}
}

// TestManyTopLevelNodes scans a file of many short lines, as generated
// code has. Indexing a node's children costs O(i) each in tree-sitter,
// so a front end that loops over NamedChild(i) takes quadratic time on
// such a file (40,000 comment lines took 30 s before the front end
// switched to tree cursors).
func TestManyTopLevelNodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"Generated.swift": badSwift + strings.Repeat("// generated\n", 100_000)})
	start := time.Now()
	r := runCmd(t, dir)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("scanning 100,000 comment lines took %v", d)
	}
	wantOnlyBadFinding(t, r, filepath.Join(dir, "Generated.swift"))
}

// canRead reports whether the process can read p (root can read files
// with mode 000).
func canRead(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = io.ReadAll(f)
	return err == nil
}

func TestUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("chmod does not remove read permission on Windows")
	}
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"Good.swift":            correctSwift,
		"Locked.swift":          badSwift,
		"LockedDir/Bad.swift":   badSwift,
		"Sources/Other.swift":   correctSwift,
		"Sources/Locked.m":      strings.Replace(correctObjC, "kSecClassGenericPassword", "kSecClassInternetPassword", 1),
		"Sources/Readable.c":    correctC,
		"Sources/Another.swift": correctSwift,
	})
	locked := []string{filepath.Join(dir, "Locked.swift"), filepath.Join(dir, "Sources", "Locked.m"), filepath.Join(dir, "LockedDir")}
	for _, p := range locked {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		// Let t.TempDir remove them.
		os.Chmod(locked[0], 0o644)
		os.Chmod(locked[1], 0o644)
		os.Chmod(locked[2], 0o755)
	})

	r := runCmd(t, dir)
	if strings.Contains(r.stderr, "internal error") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if canRead(locked[0]) {
		// Running as root (or with CAP_DAC_OVERRIDE): permissions do not
		// stop reading, so the files are scanned like any other.
		t.Logf("mode 000 does not prevent reading here (uid %d): checking that the files are scanned", os.Getuid())
		if r.code != 1 {
			t.Errorf("exit %d, want 1\n%s", r.code, r)
		}
		for _, want := range []string{
			filepath.Join(dir, "Locked.swift") + fmt.Sprintf(":%d:%d: error:", badLine, badColumn),
			filepath.Join(dir, "LockedDir", "Bad.swift") + fmt.Sprintf(":%d:%d: error:", badLine, badColumn),
			filepath.Join(dir, "Sources", "Locked.m") + ":8:",
		} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("missing finding %q\n%s", want, r)
			}
		}
		if strings.Contains(r.stderr, "skipped") {
			t.Errorf("nothing should be skipped when the files can be read:\n%s", r.stderr)
		}
		return
	}
	t.Logf("mode 000 prevents reading (uid %d): checking the notes", os.Getuid())
	wantClean(t, r)
	for _, p := range locked {
		if note := skipNote(p, "permission denied"); !strings.Contains(r.stderr, note) {
			t.Errorf("stderr does not contain %q:\n%s", note, r.stderr)
		}
	}
	// Files after the unreadable ones are still scanned.
	s := parseSummary(t, r.stderr)
	if s.keychain != 4 {
		t.Errorf("want the 4 readable files analysed, summary says %d\n%s", s.keychain, r.stderr)
	}
}

// TestIgnoredFiles checks that .gitignore'd files, Pods/ and the other
// skipped directories are not scanned, but a file named on the command
// line is.
func TestIgnoredFiles(t *testing.T) {
	for _, repo := range []bool{false, true} {
		t.Run(fmt.Sprintf("git repository %v", repo), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			files := map[string]string{
				".gitignore":                   "# generated code\nGenerated/\n*.generated.swift\nignored.swift\n!keep.generated.swift\n",
				"App/Good.swift":               correctSwift,
				"App/Model.generated.swift":    badSwift,
				"App/keep.generated.swift":     correctSwift,
				"App/Sub/ignored.swift":        badSwift,
				"App/Generated/Bad.swift":      badSwift,
				"App/Sub/.gitignore":           "Local.swift\n",
				"App/Sub/Local.swift":          badSwift,
				"Generated/Bad.swift":          badSwift,
				"Pods/Alamofire/Bad.swift":     badSwift,
				"App/Pods/Bad.swift":           badSwift,
				"Carthage/Checkouts/Bad.swift": badSwift,
				"DerivedData/Bad.swift":        badSwift,
				"build/Bad.swift":              badSwift,
				".build/checkouts/Bad.swift":   badSwift,
				"node_modules/x/Bad.swift":     badSwift,
				".hidden/Bad.swift":            badSwift,
				"App/Sub/Fine.swift":           correctSwift,
			}
			if repo {
				// In a repository, the root .gitignore also applies when
				// scanning a subdirectory.
				files[".git/HEAD"] = "ref: refs/heads/main\n"
				files[".git/Bad.swift"] = badSwift
				files[".git/info/exclude"] = "Excluded.swift\n"
				files["App/Excluded.swift"] = badSwift
			}
			writeTree(t, dir, files)

			r := runCmd(t, dir)
			wantClean(t, r)
			if strings.Contains(r.stderr, "skipped") {
				t.Errorf("ignored files and skipped directories are left out silently:\n%s", r.stderr)
			}
			if s := parseSummary(t, r.stderr); s.seen != 3 {
				t.Errorf("want 3 files seen (App/Good.swift, App/keep.generated.swift, App/Sub/Fine.swift), summary says %d\n%s", s.seen, r.stderr)
			}
			if repo {
				wantClean(t, runCmd(t, filepath.Join(dir, "App")))
			}

			// A file named on the command line is always scanned.
			explicit := []string{
				"App/Model.generated.swift", "App/Sub/ignored.swift", "App/Generated/Bad.swift", "App/Sub/Local.swift",
				"Pods/Alamofire/Bad.swift", "build/Bad.swift", ".hidden/Bad.swift",
			}
			if repo {
				explicit = append(explicit, "App/Excluded.swift")
			}
			for _, name := range explicit {
				p := filepath.Join(dir, filepath.FromSlash(name))
				wantOnlyBadFinding(t, runCmd(t, p), p)
			}
			// A skipped directory named on the command line is walked.
			p := filepath.Join(dir, "Pods")
			r = runCmd(t, p)
			wantOnlyBadFinding(t, r, filepath.Join(p, "Alamofire", "Bad.swift"))
		})
	}
}

// TestIgnoredRelativePaths scans from inside a repository, as a user
// would.
func TestIgnoredRelativePaths(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".git/HEAD":                "ref: refs/heads/main\n",
		".gitignore":               "Generated/\n",
		"App/Good.swift":           correctSwift,
		"App/Generated/Bad.swift":  badSwift,
		"Pods/Alamofire/Bad.swift": badSwift,
	})
	t.Chdir(dir)
	wantClean(t, runCmd(t))
	wantClean(t, runCmd(t, "."))
	wantClean(t, runCmd(t, "App")) // the repository root's .gitignore applies
	wantClean(t, runCmd(t, "App/"))
	wantOnlyBadFinding(t, runCmd(t, "App/Generated/Bad.swift"), "App/Generated/Bad.swift")
	wantOnlyBadFinding(t, runCmd(t, "./Pods/Alamofire/Bad.swift"), "Pods/Alamofire/Bad.swift")
	// A directory that is ignored, named explicitly, is walked.
	wantOnlyBadFinding(t, runCmd(t, "App/Generated"), "App/Generated/Bad.swift")
}

// TestIgnoreOutsideRepository checks the documented rule for a directory
// outside a repository: only the .gitignore files from the scanned root
// down apply.
func TestIgnoreOutsideRepository(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".gitignore":              "Generated/\n",
		"App/Good.swift":          correctSwift,
		"App/Generated/Bad.swift": badSwift,
	})
	t.Chdir(dir)
	wantClean(t, runCmd(t, "."))
	wantOnlyBadFinding(t, runCmd(t, "App"), "App/Generated/Bad.swift")
}

// snapshot records every file and directory below root with its size,
// mode and modification time.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[rel] = fmt.Sprintf("%v %d %s", fi.Mode(), fi.Size(), fi.ModTime().Format(time.RFC3339Nano))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// copyTree copies the regular files and directories below src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNoWrites checks that a scan leaves the scanned tree (and the working
// directory) exactly as it was.
func TestNoWrites(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot, "testdata", "sampleapp"), dir)
	writeTree(t, dir, map[string]string{
		".gitignore":          "Generated/\n",
		"Generated/Bad.swift": badSwift,
		"Pods/X/Bad.swift":    badSwift,
		"Broken.swift":        brokenSwift,
		"Binary.swift":        "SecItem\x00",
		"Empty.swift":         "",
	})
	// Old modification times, so that any rewrite shows even on file
	// systems with coarse timestamps.
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The root was visited first; set it again to be safe.
	if err := os.Chtimes(dir, old, old); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)

	t.Chdir(dir)
	for _, args := range [][]string{
		{},
		{"."},
		{"--platforms", "ios", "--max-file-size", "100000", "."},
		{"Generated/Bad.swift", "Sources"},
		{"dump", "Broken.swift", "Sources/KeyRing.swift"},
	} {
		r := runCmd(t, args...)
		if r.code == 2 {
			t.Errorf("keychainlint %q:\n%s", args, r)
		}
	}
	if r := runCmd(t, "."); r.code != 1 || !strings.Contains(r.stdout, "Sources/PasswordVault.swift:") {
		t.Errorf("the copy of the sample app should have findings:\n%s", r)
	}

	after := snapshot(t, dir)
	var diffs []string
	for p, b := range before {
		if a, ok := after[p]; !ok {
			diffs = append(diffs, "removed "+p)
		} else if a != b {
			diffs = append(diffs, fmt.Sprintf("changed %s: %s -> %s", p, b, a))
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "created "+p)
		}
	}
	slices.Sort(diffs)
	if len(diffs) > 0 {
		t.Errorf("the scan changed the scanned tree:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestDumpAvailability: dump lists the availability regions and the
// regions where deprecation warnings are off.
func TestDumpAvailability(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"A.swift": "func f() {\n    if #available(iOS 11.0, *) {\n        a()\n    } else {\n        b()\n    }\n}\n",
		"B.m":     "void g(void) {\n#pragma clang diagnostic push\n#pragma clang diagnostic ignored \"-Wdeprecated-declarations\"\n    a();\n#pragma clang diagnostic pop\n}\n",
	})
	r := runCmd(t, "dump", filepath.Join(dir, "A.swift"), filepath.Join(dir, "B.m"))
	for _, want := range []string{
		"availability lines 3-3: ios from 11.0 maccatalyst from 11.0\n",
		"availability lines 5-5: ios below 11.0 maccatalyst below 11.0 (not on other platforms)\n",
		"deprecation warnings off lines 4-5\n",
	} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("dump output lacks %q:\n%s", want, r)
		}
	}
}
