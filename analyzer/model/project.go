package model

// ProjectInfo is what the project that builds a file says about it: the
// module (SwiftPM target, Xcode target, CocoaPods pod) that compiles it,
// the platforms it builds for and their deployment targets, and whether
// it is test code. It is filled in from project files (Package.swift,
// project.pbxproj, *.podspec), which are read as data, never run; see
// package analyzer/project.
type ProjectInfo struct {
	// Module names the build unit that compiles the file, qualified by the
	// project file that declares it ("Package.swift:Secrets",
	// "App.xcodeproj:App"), so that equal names in unrelated projects
	// differ. "" when no project file names the file.
	Module string
	// Platforms the module builds for; 0 when the project does not say
	// (then the file's own inference applies).
	Platforms Platform
	// Deployment is the minimum OS version per platform the project
	// declares (only platforms it names).
	Deployment map[Platform]OSVersion
	// Test marks test code: a SwiftPM .testTarget, an Xcode unit or UI
	// test bundle, a pod's test_spec, or a test directory or file name.
	Test bool
	// Source is the project file the facts come from, for `dump
	// --project`; "" when they come from the file's path alone.
	Source string
	// Targets are the facts of the Xcode targets that build the file
	// (entitlements, Info.plist, bundle identifier); SwiftPM and
	// CocoaPods declare none.
	Targets []*TargetFacts
	// OtherUnits is set when units without target facts (a SwiftPM
	// target, a pod) build the file too: what the Xcode targets say is
	// then not all there is.
	OtherUnits bool
}

// OSVersion is a dotted version such as 12.0.
type OSVersion struct{ Major, Minor, Patch int }

// Less reports whether v is an earlier version than w.
func (v OSVersion) Less(w OSVersion) bool {
	if v.Major != w.Major {
		return v.Major < w.Major
	}
	if v.Minor != w.Minor {
		return v.Minor < w.Minor
	}
	return v.Patch < w.Patch
}
