package driver

import (
	"path/filepath"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// lowerTestCode reports the findings in test code (File.Project.Test: a
// test target or test directory, see package analyzer/project) at note,
// with the message unchanged: fixtures and teardown code that delete
// broadly or reuse dictionaries on purpose should not block CI on the
// shipping code, yet stay visible. This is the one place where it
// happens; it will become configurable.
func lowerTestCode(f *model.File, diags []Diagnostic) {
	if f.Project == nil || !f.Project.Test {
		return
	}
	for i := range diags {
		diags[i].Severity = Note
	}
}

// absPath is the file's absolute path, for the project lookup.
func absPath(f source.File) string {
	p := f.Abs
	if p == "" {
		p = f.Path
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
