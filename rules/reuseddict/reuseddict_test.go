package reuseddict_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/reuseddict"
	"github.com/keychainlint/keychainlint/rules/ruletest"
)

func TestReusedDict(t *testing.T) {
	ruletest.Run(t, "testdata", reuseddict.Analyzer)
}

// lineOf returns the 1-based line of the only line of a fixture that
// contains marker.
func lineOf(t *testing.T, path, marker string) int {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, marker) {
			if found != 0 {
				t.Fatalf("%s: %q on lines %d and %d", path, marker, found, i+1)
			}
			found = i + 1
		}
	}
	if found == 0 {
		t.Fatalf("%s: no line contains %q", path, marker)
	}
	return found
}

// The DTS example: the finding is at the SecItemAdd name, its message names
// the read's line and the leftover key, and its related locations point at
// the read and at the write of the leftover key.
func TestDTSExampleRelated(t *testing.T) {
	diags := ruletest.RunQuiet(t, "testdata", reuseddict.Analyzer)
	for _, tc := range []struct {
		file, write string
	}{
		{"dts.m", "query[(__bridge id)kSecMatchLimit] ="},
		{"dts.swift", "query[kSecMatchLimit] ="},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", tc.file)
			readLine := lineOf(t, path, "SecItemCopyMatching(")
			writeLine := lineOf(t, path, tc.write)
			addLine := lineOf(t, path, "SecItemAdd(")
			var found []driver.Diagnostic
			for _, d := range diags {
				if d.Pos.Filename == path {
					found = append(found, d)
				}
			}
			if len(found) != 1 {
				t.Fatalf("want one finding in %s, got %d: %v", path, len(found), found)
			}
			d := found[0]
			if d.Pos.Line != addLine {
				t.Errorf("finding on line %d, want the add's line %d", d.Pos.Line, addLine)
			}
			if d.Severity.String() != "warning" {
				t.Errorf("severity %s, want warning", d.Severity)
			}
			if got := ruletest.From(t, d.Pos); !strings.HasPrefix(got, "SecItemAdd(") {
				t.Errorf("finding at column %d (%q), want the SecItemAdd name", d.Pos.Column, got)
			}
			if d.End.Line != addLine || d.End.Column-d.Pos.Column != len("SecItemAdd") {
				t.Errorf("finding spans %d:%d-%d:%d, want exactly the SecItemAdd name", d.Pos.Line, d.Pos.Column, d.End.Line, d.End.Column)
			}
			if want := "SecItemCopyMatching on line " + strconv.Itoa(readLine); !strings.Contains(d.Message, want) {
				t.Errorf("message %q does not contain %q", d.Message, want)
			}
			if !strings.Contains(d.Message, "still holds kSecMatchLimit:") {
				t.Errorf("message %q does not name the leftover key (kSecMatchLimit)", d.Message)
			}
			var readRel, writeRel bool
			for _, r := range d.Related {
				if r.Pos.Filename != path {
					t.Errorf("related location in %s, want %s", r.Pos.Filename, path)
					continue
				}
				switch {
				case r.Pos.Line == readLine && strings.Contains(r.Message, "SecItemCopyMatching"):
					readRel = true
					if got := ruletest.From(t, r.Pos); !strings.HasPrefix(got, "SecItemCopyMatching(") {
						t.Errorf("read related at %q, want the SecItemCopyMatching name", got)
					}
				case r.Pos.Line == writeLine && strings.Contains(r.Message, "kSecMatchLimit is set here"):
					writeRel = true
					if got := ruletest.From(t, r.Pos); !strings.HasPrefix(got, "kSecMatchLimit]") {
						t.Errorf("write related at %q, want the kSecMatchLimit key", got)
					}
				default:
					t.Errorf("unexpected related location %d:%d %q", r.Pos.Line, r.Pos.Column, r.Message)
				}
			}
			if !readRel {
				t.Errorf("no related location at the read (line %d): %+v", readLine, d.Related)
			}
			if !writeRel {
				t.Errorf("no related location at the key's write (line %d): %+v", writeLine, d.Related)
			}
		})
	}
}
