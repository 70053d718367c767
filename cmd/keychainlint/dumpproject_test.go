package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

func TestDumpProject(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzer", "project", "testdata", "e2e")
	var out, errb bytes.Buffer
	if code := run([]string{"dump", "--project", filepath.Join(dir, "xcode"), filepath.Join(dir, "testcode")}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	proj := filepath.Join(dir, "xcode", "App.xcodeproj")
	for _, want := range []string{
		filepath.Join(dir, "xcode", "Phone", "PhoneVault.m") + ": module " + proj + ":Phone; platforms ios; deployment ios 15.0; from " + proj + "; scope ios\n",
		filepath.Join(dir, "xcode", "Shared", "SharedVault.swift") + ": module " + proj + ":Desk; platforms ios,macos; deployment ios 15.0, macos 12.0; from " + proj + "; scope ios,macos\n",
		filepath.Join(dir, "testcode", "Tests", "StoreTests.swift") + ": no project; platforms not said; test code (from the path); scope all\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	if !strings.Contains(errb.String(), "1 project file read") {
		t.Errorf("stderr: %s", errb.String())
	}
	// --platforms narrows the scope; --all lists files without keychain code.
	out.Reset()
	if code := run([]string{"dump", "--project", "--all", "--platforms", "macos", filepath.Join(dir, "xcode")}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "SharedVault.swift: module "+proj+":Desk; platforms ios,macos; deployment ios 15.0, macos 12.0; from "+proj+"; scope macos\n") {
		t.Errorf("--platforms macos:\n%s", out.String())
	}
	if code := run([]string{"dump", "--project", "--platforms", "nope"}, &out, &errb); code != 2 {
		t.Errorf("bad --platforms: exit %d", code)
	}
}

// Findings in test code are notes in the JSON and SARIF output too.
func TestTestCodeNotesInOutput(t *testing.T) {
	dir := filepath.Join("..", "..", "analyzer", "project", "testdata", "e2e", "testcode")
	for _, format := range []string{"json", "sarif"} {
		var out, errb bytes.Buffer
		if code := run([]string{"--format", format, dir}, &out, &errb); code != 1 {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		var got []string
		if format == "json" {
			var doc struct {
				Findings []struct{ File, Severity string }
			}
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			for _, f := range doc.Findings {
				got = append(got, filepath.Base(f.File)+" "+f.Severity)
			}
		} else {
			var doc struct {
				Runs []struct {
					Results []struct {
						Level     string
						Locations []struct {
							PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
						}
					}
				}
			}
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			for _, r := range doc.Runs[0].Results {
				got = append(got, path.Base(r.Locations[0].PhysicalLocation.ArtifactLocation.URI)+" "+r.Level)
			}
		}
		want := "Store.swift warning,Store.swift error,StoreTests.swift note,StoreTests.swift note"
		if strings.Join(got, ",") != want {
			t.Errorf("%s: got %v, want %s", format, got, want)
		}
	}
}

// A binary source file is noted as skipped and not listed, also with
// --all: Read refuses it (Collect no longer opens files).
func TestDumpProjectBinaryFile(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"Blob.swift": "a\x00b", "A.swift": "let x = 1\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"dump", "--project", "--all", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), "Blob.swift") || !strings.Contains(out.String(), "A.swift: ") {
		t.Errorf("listed:\n%s\nwant A.swift and not Blob.swift", out.String())
	}
	if want := "keychainlint: note: skipped " + filepath.Join(dir, "Blob.swift") + ": binary file\n"; !strings.Contains(errb.String(), want) {
		t.Errorf("stderr:\n%s\nwant %q", errb.String(), want)
	}
}
