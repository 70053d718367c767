package project

import (
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A unit is a build unit that a project file declares: a SwiftPM target,
// an Xcode target, a pod or one of its test specs. It knows which source
// files it compiles and what it says about them.
type unit struct {
	source     string // the project file, as printed (Package.swift, App.xcodeproj, Foo.podspec)
	name       string // the target or pod
	platforms  model.Platform
	deployment map[model.Platform]model.OSVersion
	test       bool
	facts      *model.TargetFacts // Xcode: entitlements, Info.plist, bundle id

	files   map[string]bool // absolute paths it compiles (Xcode build phases)
	dirs    []string        // absolute directories whose files it compiles (SwiftPM, synchronized folders)
	exclude []string        // absolute files or directories left out of dirs
	base    string          // the directory globs are relative to
	globs   []*glob         // CocoaPods source_files
	// excludeGlobs are CocoaPods exclude_files
	excludeGlobs []*glob
}

// module is the unit's qualified name.
func (u *unit) module() string { return u.source + ":" + u.name }

// contains reports whether the unit compiles the file at abs.
func (u *unit) contains(abs string) bool {
	if u.files[abs] {
		return true
	}
	for _, d := range u.dirs {
		if under(d, abs) {
			for _, x := range u.exclude {
				if abs == x || under(x, abs) {
					return false
				}
			}
			return true
		}
	}
	if len(u.globs) > 0 && under(u.base, abs) {
		rel, err := filepath.Rel(u.base, abs)
		if err != nil {
			return false
		}
		rel = filepath.ToSlash(rel)
		for _, g := range u.excludeGlobs {
			if g.match(rel) {
				return false
			}
		}
		for _, g := range u.globs {
			if g.match(rel) {
				return true
			}
		}
	}
	return false
}

// under reports whether p is strictly inside the directory dir.
func under(dir, p string) bool {
	return len(p) > len(dir) && strings.HasPrefix(p, dir) && (p[len(dir)] == filepath.Separator || strings.HasSuffix(dir, string(filepath.Separator)))
}
