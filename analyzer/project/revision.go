package project

import (
	"fmt"
	"path/filepath"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The target facts of another revision (accessgroupchange): the Xcode
// projects of the scan are read again, with the same code, from the
// files another revision has at the same paths — project.pbxproj, the
// xcconfig files, entitlements and Info.plists it names — so that a
// change of CODE_SIGN_ENTITLEMENTS or of a build setting an entitlement
// expands counts as much as an edit of the entitlements file itself.

// Targets returns the facts of every Xcode target of the scan, in the
// order of their projects and names.
func (s *Set) Targets() []*model.TargetFacts {
	if s == nil {
		return nil
	}
	var out []*model.TargetFacts
	for _, u := range s.units {
		if u.facts != nil {
			out = append(out, u.facts)
		}
	}
	return out
}

// TargetsAt returns the facts the scan's Xcode projects give their
// targets when every file is read with read instead (read returns false
// for a file that does not exist there). A project that does not exist
// there, or that cannot be read there, has no targets; an error says the
// first such reason that is not absence.
func (s *Set) TargetsAt(read func(abs string) ([]byte, bool)) ([]*model.TargetFacts, error) {
	if s == nil {
		return nil, nil
	}
	fs := projectFiles{read: read, show: s.files.show}
	if fs.show == nil {
		fs.show = func(abs string) string { return abs }
	}
	var out []*model.TargetFacts
	var first error
	for _, f := range s.xcode {
		src, ok := read(f.Abs)
		if !ok {
			continue // a new project: it had no targets
		}
		units, err := xcodeProjectSafely(src, f.Abs, displayName(f.Path), fs)
		if err != nil {
			if first == nil {
				first = fmt.Errorf("%s: %w", filepath.Dir(f.Path), err)
			}
			continue
		}
		for _, u := range units {
			out = append(out, u.facts)
		}
	}
	return out, first
}

// xcodeProjectSafely is xcodeProject with a panic (a bug) turned into an
// error, as parseProjectFile does for the scan's own projects.
func xcodeProjectSafely(src []byte, abs, name string, fs projectFiles) (units []*unit, err error) {
	defer func() {
		if r := recover(); r != nil {
			units, err = nil, fmt.Errorf("internal error (please report): %v", r)
		}
	}()
	return xcodeProject(src, abs, name, fs)
}

// DataFile returns the bytes of an entitlements file or Info.plist the
// scan read for a target, by the path facts print (Entitlements.Path):
// the findings about it quote its lines.
func (s *Set) DataFile(path string) ([]byte, bool) {
	if s == nil || s.files.read == nil {
		return nil, false
	}
	abs, err := filepath.Abs(path)
	if err != nil || !isDataPlist(filepath.Base(abs)) {
		return nil, false
	}
	return s.files.read(abs)
}
