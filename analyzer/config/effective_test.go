package config

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// ForPath (the language server's entry point) finds the nearest file and
// turns its settings into the driver's file options and severities.
func TestForPath(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".git", "HEAD"), "")
	write(t, filepath.Join(dir, FileName), "platforms: [ios]\ndeployment-targets:\n  ios: \"13.0\"\nrules:\n  disable: [preferupdate]\noverrides:\n  - paths: [Tests]\n    severity: note\n")
	s, err := ForPath(filepath.Join(dir, "Tests", "A.swift"), testRules)
	if err != nil {
		t.Fatal(err)
	}
	o := s.FileOptions()
	if o.Platforms != model.IOS || o.Deployment[model.IOS] != (model.OSVersion{Major: 13}) || !slices.Equal(o.Disabled, []string{"preferupdate"}) {
		t.Errorf("file options %+v", o)
	}
	d := driver.Diagnostic{Rule: "unsupportedattr", Severity: driver.Error}
	s.Reseverity(&d)
	if d.Severity != driver.Note {
		t.Errorf("Tests at note: severity %v", d.Severity)
	}
	s, err = ForPath(filepath.Join(dir, "Sources", "B.swift"), testRules)
	if err != nil {
		t.Fatal(err)
	}
	d = driver.Diagnostic{Rule: "unsupportedattr", Severity: driver.Error}
	s.Reseverity(&d)
	if d.Severity != driver.Error {
		t.Errorf("outside Tests: severity %v, want the rule's own", d.Severity)
	}
	write(t, filepath.Join(dir, FileName), "rules: [x]\n")
	if _, err := ForPath(filepath.Join(dir, "C.swift"), testRules); err == nil {
		t.Error("a broken file: no error")
	}
	var none *Settings
	if o := none.FileOptions(); o.Platforms != 0 || o.Disabled != nil {
		t.Errorf("nil settings: %+v", o)
	}
}
