package project

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Malformed project files never crash: every prefix of the fixtures, and
// random mutations of them, are read without a panic.
func TestMalformedProjectFiles(t *testing.T) {
	files := map[string]string{
		"project.pbxproj":      "testdata/xcode/App.xcodeproj/project.pbxproj",
		"Vault.podspec":        "testdata/pod/Vault/Vault.podspec",
		"JSONPod.podspec.json": "testdata/pod/JSONPod/JSONPod.podspec.json",
		"Package.swift":        "testdata/swiftpm/Package.swift",
	}
	rng := rand.New(rand.NewSource(1))
	read := func(string) ([]byte, bool) { return []byte("#include \"x.xcconfig\"\nA = $(A) $(B\n"), true }
	for name, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := source.File{Path: name, Abs: "/p/App.xcodeproj/" + name}
		try := func(b []byte) {
			if _, err := parseProjectFile(context.Background(), f, b, projectFiles{read: read, show: func(s string) string { return s }}); err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%s: %v on %q", name, err, b)
			}
		}
		step := max(1, len(src)/200)
		for n := 0; n <= len(src); n += step {
			try(src[:n])
		}
		for i := 0; i < 300; i++ {
			b := bytes.Clone(src)
			for j := rng.Intn(8); j >= 0; j-- {
				k := rng.Intn(len(b))
				switch rng.Intn(3) {
				case 0:
					b[k] = byte(rng.Intn(256))
				case 1:
					b = append(b[:k], b[min(len(b), k+rng.Intn(20)):]...)
				default:
					b = append(b[:k], append([]byte("{(\"'[#{<<-X"[rng.Intn(10):]), b[k:]...)...)
				}
				if len(b) == 0 {
					break
				}
			}
			try(b)
		}
		var junk [512]byte
		rng.Read(junk[:])
		try(junk[:])
	}
	// deep nesting
	if _, err := parsePlist([]byte(strings.Repeat("(", 100000))); err == nil {
		t.Error("deep nesting: no error")
	}
}

// A binary or oversized project file is skipped with a note; a malformed
// one is listed as malformed; the others are still read.
func TestDiscoverSkips(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Bin.xcodeproj/project.pbxproj", "// !$*UTF8*$!\x00\x01")
	write("Bad.xcodeproj/project.pbxproj", "{ objects = { ")
	write("Big.podspec", strings.Repeat("#", 5000))
	write("Good.podspec", "Pod::Spec.new do |s|\n s.platform = :ios, '12.0'\n s.source_files = 'Src/*.swift'\nend\n")
	write("Pods/Dep/Dep.podspec", "Pod::Spec.new do |s|\n s.source_files = '*.swift'\nend\n")
	outside := filepath.Join(t.TempDir(), "Package.swift")
	if err := os.WriteFile(outside, []byte("let package = Package(name: \"X\", platforms: [.iOS(.v15)], targets: [.target(name: \"X\")])"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "Link"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "Link", "Package.swift")); err != nil {
		t.Skip(err)
	}
	set := Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: 4096})
	reasons := map[string]string{}
	for _, s := range set.Skipped {
		reasons[filepath.Base(filepath.Dir(s.Path))+"/"+filepath.Base(s.Path)] = s.Reason
	}
	for _, want := range []string{"Bin.xcodeproj/project.pbxproj", "Bad.xcodeproj/project.pbxproj", "Link/Package.swift"} {
		if reasons[want] == "" {
			t.Errorf("%s not skipped: %v", want, set.Skipped)
		}
	}
	if !strings.Contains(reasons["Bad.xcodeproj/project.pbxproj"], "malformed") {
		t.Errorf("malformed project: %v", set.Skipped)
	}
	big := false
	for k, r := range reasons {
		if strings.HasSuffix(k, "Big.podspec") && strings.Contains(r, "larger") {
			big = true
		}
	}
	if !big {
		t.Errorf("oversized podspec not skipped: %v", set.Skipped)
	}
	if len(set.Read) != 1 || !strings.HasSuffix(set.Read[0], "Good.podspec") {
		t.Errorf("read %v, want only Good.podspec (Pods/ is skipped)", set.Read)
	}
	abs := filepath.Join(dir, "Src", "A.swift")
	if info := set.Info(abs, abs); info == nil || info.Platforms.String() != "ios,maccatalyst" {
		t.Errorf("Good.podspec: %+v", info)
	}
}
