// Package project reads the project files of a scan — SwiftPM
// Package.swift, Xcode project.pbxproj (and the xcconfig files it names),
// CocoaPods *.podspec and *.podspec.json — and tells, for each source
// file, what the project that builds it says: the module (target or pod),
// the platforms it builds for and their deployment targets, and whether
// it is test code (model.ProjectInfo, hung on model.File.Project).
//
// Why: whether a keychain call is a bug often depends on the platform.
// A delete that names fewer than the identifying attributes removes one
// item on the macOS file keychain and all of them on iOS; a class-wide
// delete reaches other apps' items only on macOS. An iOS-only app or SDK
// must not be told about the macOS file keychain, and a library that
// builds for macOS must. The project knows; the code alone rarely does.
//
// Everything is read as data. Nothing is ever run: not swift, xcodebuild,
// pod nor Ruby. Package.swift is Swift source, read with the Swift grammar
// (swiftparse.ParseManifest: the platforms: literal and the target
// declarations); project.pbxproj is an OpenStep property list (plist.go);
// a podspec is Ruby, read by a tolerant scanner (rubylex.go, podspec.go)
// that evaluates only string literals, local string variables, + and
// #{} interpolation of them, arrays and hashes. What it cannot read it
// leaves out rather than guesses.
//
// # Which files
//
// Discover walks the scan roots with the rules of package source (no
// hidden, Pods, Carthage, build, DerivedData or node_modules directories,
// .gitignore honoured, the --max-file-size limit, binary files and
// symbolic links out of the tree skipped) and reads Package.swift,
// project.pbxproj inside *.xcodeproj, *.podspec, *.podspec.json and
// *.xcconfig (and the *.entitlements and *.plist files targets name, see
// below). A file that is too large, binary or malformed is listed in
// Set.Skipped (a note on stderr) and never stops the scan.
//
// # What each says (see swiftpm.go, xcode.go, podspec.go)
//
//   - SwiftPM: the platforms: list of Package(...) (a package that names
//     only .iOS builds for iOS and Mac Catalyst only; one without
//     platforms: for every platform); each target's files are below its
//     path (default Sources/<name>, Tests/<name> for a .testTarget), or
//     its sources:, minus exclude:. A .testTarget is test code.
//   - Xcode: each native target's SUPPORTED_PLATFORMS, else SDKROOT, plus
//     Mac Catalyst with SUPPORTS_MACCATALYST = YES, and the
//     *_DEPLOYMENT_TARGET settings, with project-level settings and
//     xcconfig files below the target's own; its files are those of its
//     sources and headers build phases (file references resolved through
//     their groups and sourceTree) and of its synchronized folders (Xcode
//     16), minus their exceptions. Unit and UI test bundles are test code.
//   - CocoaPods: platform, platforms and <platform>.deployment_target
//     (a pod that names none builds for every platform); source_files
//     and exclude_files globs, also per platform and in subspecs. A
//     test_spec is test code.
//
// # Target facts (facts.go, expandwild.go, datafile.go)
//
// For each Xcode target and configuration: the entitlements file
// (CODE_SIGN_ENTITLEMENTS) with keychain-access-groups,
// com.apple.security.application-groups and
// com.apple.developer.default-data-protection; the Info.plist
// (INFOPLIST_FILE, plus the INFOPLIST_KEY_ settings of a generated one)
// with CFBundleIdentifier, UIBackgroundModes,
// BGTaskSchedulerPermittedIdentifiers and NSExtension; the bundle
// identifier (PRODUCT_BUNDLE_IDENTIFIER). $(VAR) and ${VAR} are expanded
// from the same layered settings as the platforms, and the few Xcode
// defines (TARGET_NAME, PRODUCT_NAME, SRCROOT, ...); what cannot be
// expanded ($(AppIdentifierPrefix) comes from the signing identity) is
// the wildcard "*", never a guess. Entitlements and Info.plists are XML
// or binary plists (howett.net/plist), read only when a target names
// them, only inside the scan (no symbolic links out of it), at most 1 MiB;
// one that cannot be read is recorded with the reason (Entitlements.Unread)
// and then entitles the target to anything. SwiftPM and CocoaPods
// declare no entitlements.
//
// # Putting it together (Set.Info)
//
// A file that several targets build gets the union of their platforms
// and, per platform, the lowest deployment target; if one of them does
// not say its platforms, the file's platforms are unknown (0) rather than
// narrowed by the others. A header that no target lists (application
// targets list none) goes with the .m, .mm, .c or .swift file of the same
// name next to it. A file no project names gets no ProjectInfo,
// unless its path says it is test code (IsTestPath: a Tests, Test or
// UITests directory, a directory ending in Tests, a file named *Tests or
// *Test). It is test code when every target that builds it is a test
// target, or when its path says so.
//
// The flow engine starts a file's platform scope from these platforms and
// narrows it further by directory names, macOS-only or UIKit API use and
// #if regions; --platforms narrows last (see analyzer/flow/scope.go). The
// driver reports findings in test code at note.
package project
