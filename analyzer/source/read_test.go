package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

func TestRead(t *testing.T) {
	dir := tempDir(t)
	t.Chdir(dir)
	write(t, filepath.Join(dir, "A.swift"), "SecItemAdd(q, nil)\n")
	write(t, filepath.Join(dir, "Grow.swift"), "let a = 1\n")
	write(t, filepath.Join(dir, "Late.swift"), strings.Repeat("x", binarySniffLen)+"\x00")
	opt := Options{MaxFileSize: 100}

	files, skipped, err := Collect([]string{"."}, opt)
	if err != nil {
		t.Fatal(err)
	}
	assertSkipped(t, skipped, []Skipped{{"Late.swift", "larger than 100 bytes (limit --max-file-size)"}})
	assertFiles(t, files, []fileRow{{"A.swift", model.Swift}, {"Grow.swift", model.Swift}})

	data, err := Read(files[0], opt)
	if err != nil || string(data) != "SecItemAdd(q, nil)\n" {
		t.Errorf("Read(A.swift) = %q, %v", data, err)
	}
	if !MayHaveKeychainCode(data) {
		t.Errorf("MayHaveKeychainCode(%q) = false", data)
	}

	// The file grows past the limit between Collect and Read.
	write(t, files[1].Abs, strings.Repeat("let a = 1\n", 20))
	_, err = Read(files[1], opt)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Read(grown file) error = %v, want ErrTooLarge", err)
	}
	if want := "Grow.swift: file too large: 200 bytes (200 bytes), limit 100 bytes (100 bytes, --max-file-size)"; err.Error() != want {
		t.Errorf("error message %q, want %q", err, want)
	}
	if got, want := SkipReason(err), "larger than 100 bytes (limit --max-file-size)"; got != want {
		t.Errorf("SkipReason = %q, want %q", got, want)
	}
	// No limit.
	if data, err := Read(files[1], Options{}); err != nil || len(data) != 200 {
		t.Errorf("Read without limit: %d bytes, %v", len(data), err)
	}

	// A NUL byte after the first 8000 bytes does not make a file binary;
	// one within them does.
	late := File{Path: "Late.swift", Abs: filepath.Join(dir, "Late.swift"), Lang: model.Swift}
	if data, err := Read(late, Options{}); err != nil || len(data) != binarySniffLen+1 {
		t.Errorf("Read(Late.swift) = %d bytes, %v", len(data), err)
	}
	write(t, late.Abs, strings.Repeat("x", binarySniffLen-1)+"\x00")
	if _, err := Read(late, Options{}); err != ErrBinary {
		t.Errorf("Read(binary) error = %v, want ErrBinary", err)
	} else if SkipReason(err) != "binary file" {
		t.Errorf("SkipReason(ErrBinary) = %q", SkipReason(err))
	}

	// A file that disappeared.
	gone := File{Path: "Gone.swift", Abs: filepath.Join(dir, "Gone.swift"), Lang: model.Swift}
	if _, err := Read(gone, Options{}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(gone) error = %v, want not exist", err)
	} else if SkipReason(err) != "no such file or directory" {
		t.Errorf("SkipReason(not exist) = %q", SkipReason(err))
	}
}

func TestReadUnreadable(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "Locked.swift")
	write(t, p, "let l = 1\n")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	f := File{Path: "Locked.swift", Abs: p, Lang: model.Swift}
	data, err := Read(f, Options{})
	if _, probe := os.ReadFile(p); probe == nil {
		t.Logf("mode 000 does not stop this process from reading (uid %d): expecting the content", os.Getuid())
		if err != nil || string(data) != "let l = 1\n" {
			t.Errorf("Read = %q, %v", data, err)
		}
		return
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Read error = %v, want permission denied", err)
	}
	if SkipReason(err) != "permission denied" {
		t.Errorf("SkipReason = %q", SkipReason(err))
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		0:                  "0 bytes",
		1:                  "1 byte",
		1000:               "1000 bytes",
		1024:               "1.0 KB",
		1536:               "1.5 KB",
		DefaultMaxFileSize: "5.0 MB",
		5<<20 + 1<<19:      "5.5 MB",
	} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
	if got, want := tooLargeReason(DefaultMaxFileSize), "larger than 5.0 MB (limit --max-file-size)"; got != want {
		t.Errorf("tooLargeReason = %q, want %q", got, want)
	}
}

// A file passes the prefilter when an identifier begins with SecItem or
// kSec followed by an upper-case letter; other identifiers that contain
// those letters do not let it through.
func TestMayHaveKeychainCode(t *testing.T) {
	for src, want := range map[string]bool{
		"":                           false,
		"let x = 1":                  false,
		"SecItemCopyMatching(q, &r)": true,
		"status = SecItemAdd(q as CFDictionary, nil)": true,
		"[kSecClass: kSecClassGenericPassword]":       true,
		"secitem ksec":                                false,
		"SecKeychainItem":                             false,
		// Not a keychain token: the letters inside another identifier,
		// or not followed by an upper-case letter.
		"if status == errSecItemNotFound { return nil }":           false,
		"let kSecret = load()":                                     false,
		"case .settingsDeepLinkSection: SettingsDeepLinkSection()": false,
		"trackSecondSite()":                                        false,
		"kSec":                                                     false,
		"SecItem":                                                  false,
		"kSec_x SecItem2":                                          false,
		"_SecItemAdd(q)":                                           false,
		"$kSecClass":                                               false,
		"myKSecClass":                                              false,
		"kSeckSecClass":                                            false, // the second kSec follows 'c'
		"caf\u00e9kSecClass":                                       false, // é is part of the identifier
		"\u00a0kSecClass":                                          false, // so is any non-ASCII character
		// At the start of the file, after punctuation and spaces.
		"kSecAttrAccount":                  true,
		"SecItemDelete(q)":                 true,
		"(__bridge id)kSecClass":           true,
		"@{(id)kSecValueData: data}":       true,
		"q[kSecReturnData]=true":           true,
		"Security.SecItemUpdate(q, a)":     true,
		"let a=1;kSecMatchLimit":           true,
		"errSecItemNotFound; kSecClass":    true, // a later token counts
		"kSecretkSecClass kSecAttrService": true,
		// Comments and strings are not told apart from code: a token
		// there passes, as it did before.
		"// see SecItemAdd":         true,
		`let s = "kSecAttrAccount"`: true,
	} {
		if got := MayHaveKeychainCode([]byte(src)); got != want {
			t.Errorf("MayHaveKeychainCode(%q) = %v, want %v", src, got, want)
		}
	}
}

// --max-file-size 0 means no limit below the hard ceiling: a file over
// HardMaxFileSize is skipped by Collect and refused by Read, with a reason
// that names the ceiling, not the flag. The file is sparse, so the test
// writes almost nothing.
func TestHardMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "Huge.swift")
	fh, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteString("import Security // kSecClass\n"); err != nil {
		t.Fatal(err)
	}
	if err := fh.Truncate(HardMaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	small := filepath.Join(dir, "Small.swift")
	if err := os.WriteFile(small, []byte("let q = [kSecClass: kSecClassGenericPassword]\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, limit := range []int64{0, -1, HardMaxFileSize * 2} {
		files, skipped, err := Collect([]string{dir}, Options{MaxFileSize: limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != 1 || filepath.Base(files[0].Path) != "Small.swift" {
			t.Errorf("limit %d: collected %v, want only Small.swift", limit, files)
		}
		if len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "the most keychainlint reads of one file") {
			t.Errorf("limit %d: skipped %v, want Huge.swift over the hard ceiling", limit, skipped)
		}
		_, err = Read(File{Path: "Huge.swift", Abs: big, Lang: model.Swift}, Options{MaxFileSize: limit})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "the most keychainlint reads of one file") {
			t.Errorf("limit %d: Read error %v, want ErrTooLarge at the hard ceiling", limit, err)
		}
	}
	// A limit below the ceiling keeps its own reason.
	_, skipped, _ := Collect([]string{dir}, Options{MaxFileSize: 10})
	for _, s := range skipped {
		if !strings.Contains(s.Reason, "--max-file-size") {
			t.Errorf("limit 10: reason %q, want the flag named", s.Reason)
		}
	}
}
