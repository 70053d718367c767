package project

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Set holds the project files found under a scan's roots and answers,
// for each source file, what they say about it.
type Set struct {
	units []*unit
	roots []string // absolute scan roots (directories)
	// Read lists the project files that were read (as printed).
	Read []string
	// Skipped lists the project files that could not be used: too large,
	// binary, unreadable or malformed, with the reason.
	Skipped []source.Skipped

	// xcode are the Xcode projects read, and files what the scan read of
	// the files they name (revision.go reads them again at a revision).
	xcode []source.File
	files projectFiles
}

// isProjectFile selects the files Discover reads.
func isProjectFile(dir, name string) bool {
	switch {
	case name == "Package.swift":
		return true
	case name == "project.pbxproj":
		return strings.HasSuffix(dir, ".xcodeproj")
	}
	return strings.HasSuffix(name, ".podspec") || strings.HasSuffix(name, ".podspec.json") || strings.HasSuffix(name, ".xcconfig")
}

// Discover finds the project files under roots (walked with the source
// collection's rules: skipped and ignored directories, the size limit,
// no binary files, no symbolic links out of the tree) and reads them. It
// never fails: what cannot be read is listed in Skipped.
func Discover(ctx context.Context, roots []string, opt source.Options) *Set {
	return DiscoverWith(ctx, roots, opt, nil)
}

// DiscoverWith is Discover, reusing through memo (nil: none) what each
// project file said in an earlier run when it and every file its parse
// read are unchanged.
func DiscoverWith(ctx context.Context, roots []string, opt source.Options, memo Memo) *Set {
	all, skipped := source.CollectMatching(roots, opt, Pick)
	return DiscoverFound(ctx, roots, all, skipped, opt, memo)
}

// Pick selects the files Discover reads (source.Matching): the project
// files, and the plists (entitlements, Info.plist) their targets may name.
func Pick(dir, name string) bool { return isProjectFile(dir, name) || isDataPlist(name) }

// DiscoverFound is DiscoverWith for the files that a walk of roots
// already collected with Pick (source.WalkWith): the tree is not walked
// again.
func DiscoverFound(ctx context.Context, roots []string, all []source.File, skipped []source.Skipped, opt source.Options, memo Memo) *Set {
	s := &Set{}
	for _, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			s.roots = append(s.roots, abs)
		}
	}
	s.Skipped = append(s.Skipped, skipped...)
	contents := map[string][]byte{}
	shown := map[string]string{}
	// Entitlements files and plists are read only when a target names
	// them (there are many plists that are none of our business).
	data := map[string]source.File{}
	var files []source.File
	for _, f := range all {
		if isDataPlist(filepath.Base(f.Abs)) {
			data[f.Abs] = f
			shown[f.Abs] = f.Path
			continue
		}
		files = append(files, f)
	}
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		src, err := source.Read(f, opt)
		if err != nil {
			s.Skipped = append(s.Skipped, source.Skipped{Path: f.Path, Reason: source.SkipReason(err)})
			continue
		}
		contents[f.Abs] = src
		shown[f.Abs] = f.Path
	}
	// Xcode runs on a case-insensitive file system: a project may name
	// "Lockbox/Info.plist" for the file LockBox/Info.plist, and it builds.
	// A path that names no collected file exactly is matched without
	// regard to case, when that gives one file.
	folded := map[string][]string{}
	for abs := range shown {
		k := strings.ToLower(abs)
		folded[k] = append(folded[k], abs)
	}
	canon := func(abs string) string {
		if _, ok := shown[abs]; ok {
			return abs
		}
		if c := folded[strings.ToLower(abs)]; len(c) == 1 {
			return c[0]
		}
		return abs
	}
	read := func(abs string) ([]byte, bool) {
		abs = canon(abs)
		if b, ok := contents[abs]; ok {
			return b, true
		}
		f, ok := data[abs]
		if !ok {
			return nil, false
		}
		b, err := source.ReadData(f, opt)
		if err != nil {
			return nil, false
		}
		contents[abs] = b
		return b, true
	}
	fs := projectFiles{read: read, show: func(abs string) string {
		if p, ok := shown[canon(abs)]; ok {
			return p
		}
		return abs
	}}
	for _, f := range files {
		src, ok := contents[f.Abs]
		if !ok || strings.HasSuffix(f.Abs, ".xcconfig") {
			continue
		}
		units, err := parseMemo(ctx, memo, f, src, fs)
		if err != nil {
			s.Skipped = append(s.Skipped, source.Skipped{Path: f.Path, Reason: "malformed project file: " + err.Error()})
			continue
		}
		s.Read = append(s.Read, displayName(f.Path))
		s.units = append(s.units, units...)
		if filepath.Base(f.Abs) == "project.pbxproj" {
			s.xcode = append(s.xcode, f)
		}
	}
	s.files = fs
	return s
}

// displayName is how a project file is named in facts: the .xcodeproj
// for an Xcode project, else the file.
func displayName(path string) string {
	if filepath.Base(path) == "project.pbxproj" {
		return filepath.Dir(path)
	}
	return path
}

// parseProjectFile reads one project file; a panic in a parser (a bug)
// becomes an error, so that a malformed file never ends the scan.
func parseProjectFile(ctx context.Context, f source.File, src []byte, fs projectFiles) (units []*unit, err error) {
	defer func() {
		if r := recover(); r != nil {
			units, err = nil, fmt.Errorf("internal error (please report): %v", r)
		}
	}()
	name := displayName(f.Path)
	switch base := filepath.Base(f.Abs); {
	case base == "Package.swift":
		return swiftPMUnits(ctx, src, f.Abs, name)
	case base == "project.pbxproj":
		return xcodeProject(src, f.Abs, name, fs)
	case strings.HasSuffix(base, ".podspec.json"):
		return podspecJSONUnits(src, f.Abs, name), nil
	default:
		return podspecUnits(src, f.Abs, name), nil
	}
}

// Info returns what the project files say about the source file at abs
// (path is how it is printed): nil when no project builds it and its
// path does not say it is test code.
func (s *Set) Info(abs, path string) *model.ProjectInfo {
	in := s.unitsOf(abs)
	if len(in) == 0 && filepath.Ext(abs) == ".h" {
		// Application targets list no headers: a header goes with the
		// implementation file next to it.
		base := strings.TrimSuffix(abs, ".h")
		for _, ext := range []string{".m", ".mm", ".c", ".swift"} {
			if in = s.unitsOf(base + ext); len(in) > 0 {
				break
			}
		}
	}
	test := IsTestPath(s.relToRoot(abs, path))
	if len(in) == 0 {
		if test {
			return &model.ProjectInfo{Test: true}
		}
		return nil
	}
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].test != in[j].test {
			return !in[i].test // shipping code first
		}
		return in[i].module() < in[j].module()
	})
	info := &model.ProjectInfo{Module: in[0].module()}
	allTest := true
	known := true
	var sources []string
	seen := map[string]bool{}
	for _, u := range in {
		if u.platforms == 0 {
			known = false
		}
		info.Platforms |= u.platforms
		info.Deployment = mergeDeployment(info.Deployment, u.deployment)
		allTest = allTest && u.test
		if !seen[u.source] {
			seen[u.source] = true
			sources = append(sources, u.source)
		}
	}
	if !known {
		// One of the projects that build the file does not say: do not
		// narrow by the others.
		info.Platforms, info.Deployment = 0, nil
	}
	if info.Platforms != 0 {
		for p := range info.Deployment {
			if info.Platforms&p == 0 {
				delete(info.Deployment, p)
			}
		}
	}
	for _, u := range in {
		if u.facts != nil {
			info.Targets = append(info.Targets, u.facts)
		} else {
			info.OtherUnits = true
		}
	}
	info.Test = allTest || test
	info.Source = strings.Join(sources, ", ")
	return info
}

// unitsOf returns the units that compile the file at abs.
func (s *Set) unitsOf(abs string) []*unit {
	if s == nil {
		return nil
	}
	var in []*unit
	for _, u := range s.units {
		if u.contains(abs) {
			in = append(in, u)
		}
	}
	return in
}

// relToRoot is the file's path below the scan root that holds it (so that
// the directories above the root do not count), else path.
func (s *Set) relToRoot(abs, path string) string {
	if s == nil {
		return path
	}
	for _, r := range s.roots {
		if under(r, abs) {
			if rel, err := filepath.Rel(r, abs); err == nil {
				return rel
			}
		}
	}
	return path
}
