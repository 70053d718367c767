package flow

import (
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// A call's platform scope starts from the file's: code that can only be
// compiled for some platforms cannot show a problem on the others. The
// scope of a file is inferred in this order, each step only narrowing:
//
//   - Project: the platforms of the targets that build the file
//     (File.Project, read from Package.swift, project.pbxproj and podspecs
//     by package analyzer/project); every platform when no project says.
//   - Directory: a path component named after a platform (ios, mac, macos,
//     osx, tvos, watchos, visionos), the layout of projects that keep
//     per-platform sources and test targets apart.
//   - API use: a file that calls a macOS-only API (the file keychain's
//     SecKeychain*, SecAccess*, SecTrustedApplication*, AppKit) where
//     every platform compiles it, cannot be compiled for iOS, so the whole
//     file is macOS code (even in a target that also builds for iOS);
//     likewise UIKit use outside #if means the file is not macOS code (Mac
//     Catalyst aside).
//
// A step that would leave no platform is skipped (contradictory evidence:
// the project's word stands, or, without a project, every platform).
// --platforms narrows further; where it shares no platform with the
// inferred scope, it replaces it (the user's word overrides).

// macOSOnlyAPIs are functions and types that exist only in the macOS SDK.
var macOSOnlyAPIs = map[string]bool{
	"SecAccessCreate": true, "SecAccessCreateWithOwnerAndACL": true, "SecAccessCopyACLList": true,
	"SecTrustedApplicationCreateFromPath": true, "SecACLCreateWithSimpleContents": true, "SecACLCopyContents": true,
	"SecKeychainOpen": true, "SecKeychainCreate": true, "SecKeychainCopyDefault": true, "SecKeychainSetDefault": true,
	"SecKeychainUnlock": true, "SecKeychainLock": true, "SecKeychainSetUserInteractionAllowed": true,
	"SecKeychainFindGenericPassword": true, "SecKeychainAddGenericPassword": true, "SecKeychainFindInternetPassword": true,
	"SecKeychainAddInternetPassword": true, "SecKeychainItemDelete": true, "SecKeychainItemCopyContent": true,
	"SecKeychainItemModifyAttributesAndData": true, "SecKeychainItemCopyAccess": true, "SecKeychainItemSetAccess": true,
	"SecKeychainSearchCreateFromAttributes": true, "SecKeychainItemFreeContent": true,
	"NSApplication": true, "NSWorkspace": true, "NSAlert": true, "NSWindow": true, "NSViewController": true, "NSApp": true,
}

// iOSFamilyOnlyAPIs exist only where UIKit does (not on macOS).
var iOSFamilyOnlyAPIs = map[string]bool{
	"UIApplication": true, "UIDevice": true, "UIViewController": true, "UIView": true, "UIScreen": true,
}

var platformDirs = map[string]model.Platform{
	"ios": model.IOS | model.MacCatalyst, "iphoneos": model.IOS | model.MacCatalyst,
	"mac": model.MacOS, "macos": model.MacOS, "osx": model.MacOS,
	"tvos": model.TVOS, "watchos": model.WatchOS, "visionos": model.VisionOS,
}

// inferFilePlatforms sets f.Platforms; configured is --platforms.
func inferFilePlatforms(f *model.File, configured model.Platform) {
	p := model.AllPlatforms
	if f.Project != nil && f.Project.Platforms != 0 {
		p = f.Project.Platforms
	}
	dir := model.AllPlatforms
	for _, part := range strings.Split(filepath.ToSlash(filepath.Dir(f.Path)), "/") {
		if d, ok := platformDirs[strings.ToLower(part)]; ok {
			dir &= d
		}
	}
	if p&dir != 0 {
		p &= dir // contradictory directory names (dir == 0): do not guess
	}
	mac, ios := false, false
	for _, fn := range f.Funcs {
		scanScope(fn.Body, fn.Platforms&model.AllPlatforms, func(name string, scope model.Platform) {
			if scope&model.IOSFamily == 0 || scope&model.MacOS == 0 {
				return // used inside #if: says nothing about the file
			}
			if macOSOnlyAPIs[name] {
				mac = true
			}
			if iOSFamilyOnlyAPIs[name] {
				ios = true
			}
		})
	}
	switch {
	case mac && !ios && p&model.MacOS != 0:
		p &= model.MacOS
	case ios && !mac && p&^model.MacOS != 0:
		p &^= model.MacOS
	}
	if configured != 0 && p&configured == 0 {
		p = configured
	}
	f.Platforms = p
}

// scanScope calls use for every identifier (and member name) in stmts
// with the platform scope of the #if branch it is in.
func scanScope(stmts []model.Stmt, scope model.Platform, use func(string, model.Platform)) {
	for _, s := range stmts {
		if cfg, ok := s.(*model.IfConfig); ok {
			for _, c := range cfg.Clauses {
				scanScope(c.Body, scope&c.Platforms, use)
			}
			continue
		}
		model.Inspect(s, func(n model.Node) bool {
			switch x := n.(type) {
			case *model.IfConfig:
				for _, c := range x.Clauses {
					scanScope(c.Body, scope&c.Platforms, use)
				}
				return false
			case *model.Case:
				if x.Platforms != 0 {
					// A case clause inside #if (its patterns name no API).
					scanScope(x.Body, scope&x.Platforms, use)
					return false
				}
			case *model.Ident:
				use(x.Name, scope)
			case *model.Member:
				use(x.Name, scope)
			}
			return true
		})
	}
}
