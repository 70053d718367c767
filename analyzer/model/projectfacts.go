package model

import "strings"

// TargetFacts is what an Xcode target that builds a file declares about
// the app it becomes: its bundle identifier, its entitlements and its
// Info.plist (issue 12). Values are build-setting expanded; a reference
// that cannot be expanded ($(AppIdentifierPrefix), which the signing
// identity supplies, or a variable no setting defines) is the wildcard
// "*" in the value, never a guess (see MatchPattern).
type TargetFacts struct {
	// Target is the qualified target name, as ProjectInfo.Module.
	Target string
	// BundleIDs are the PRODUCT_BUNDLE_IDENTIFIER values of its
	// configurations.
	BundleIDs []string
	// Entitlements are the entitlements files of its configurations
	// (CODE_SIGN_ENTITLEMENTS); several when Debug and Release differ.
	Entitlements []*Entitlements
	// InfoPlist is its Info.plist (INFOPLIST_FILE, or the INFOPLIST_KEY_
	// settings when GENERATE_INFOPLIST_FILE = YES); nil when neither.
	InfoPlist *InfoPlist
	// TestHost marks an application that a test bundle of the project
	// names as its TEST_HOST and whose name says it is a test application
	// ("TestHost", "MSIDTestsHostApp"), or an application called a test
	// host ("Valet macOS Test Host App") in a project with test bundles:
	// it exists to run tests, and holds no user's data. (A shipping app
	// that hosts its own unit tests is not one.)
	TestHost bool
}

// Entitlements are the keychain-relevant entries of an entitlements file.
type Entitlements struct {
	// Path is the file, as printed.
	Path string
	// Configurations names the build configurations that use it.
	Configurations []string
	// KeychainAccessGroups is keychain-access-groups, in order (the first
	// is the default access group).
	KeychainAccessGroups []string
	// AppGroups is com.apple.security.application-groups.
	AppGroups []string
	// DefaultDataProtection is com.apple.developer.default-data-protection.
	DefaultDataProtection string
	// Line is the 1-based line of keychain-access-groups in the file (0:
	// none, or a binary plist), for a related location.
	Line int
	// GroupLines are the 1-based lines of the KeychainAccessGroups
	// entries, AppGroupsLine that of the application-groups key (0: none,
	// or a binary plist): accessgroupchange reports there.
	GroupLines    []int
	AppGroupsLine int
	// Unread says why the file could not be read (its path has an
	// unexpandable reference, it is not in the scan, it is malformed);
	// then the target may be entitled to anything.
	Unread string
}

// InfoPlist are the entries of an Info.plist that decide when code runs.
type InfoPlist struct {
	// Path is the file, as printed; "" when Xcode generates it from the
	// INFOPLIST_KEY_ settings.
	Path string
	// BundleID is CFBundleIdentifier, expanded.
	BundleID string
	// BackgroundModes is UIBackgroundModes.
	BackgroundModes []string
	// BGTaskIdentifiers is BGTaskSchedulerPermittedIdentifiers.
	BGTaskIdentifiers []string
	// ExtensionPoint and ExtensionPrincipalClass are NSExtension's
	// NSExtensionPointIdentifier and NSExtensionPrincipalClass.
	ExtensionPoint, ExtensionPrincipalClass string
}

// Entitled returns the access groups the targets that build the file are
// entitled to, and whether they are known: every target that builds it is
// an Xcode target with an entitlements file. The groups of a target are
// its keychain-access-groups, its application identifier (which signing
// adds: the app ID prefix, a wildcard here, and the bundle identifier) and
// its application groups, of every configuration; an entitlements file
// that could not be read entitles to anything ("*").
func (p *ProjectInfo) Entitled() ([]string, bool) {
	if p == nil || p.OtherUnits || len(p.Targets) == 0 {
		return nil, false
	}
	var groups []string
	for _, t := range p.Targets {
		if len(t.Entitlements) == 0 {
			return nil, false
		}
		for _, e := range t.Entitlements {
			if e.Unread != "" {
				groups = append(groups, "*")
			}
			groups = append(groups, e.KeychainAccessGroups...)
			groups = append(groups, e.AppGroups...)
		}
		for _, id := range t.BundleIDs {
			groups = append(groups, "*"+id)
		}
		if len(t.BundleIDs) == 0 {
			groups = append(groups, "*")
		}
	}
	return groups, true
}

// MatchPattern reports whether s matches pattern, in which "*" stands
// for any run of characters (an unexpanded build setting, or a wildcard
// an entitlement itself writes).
func MatchPattern(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}

// Empty reports whether the target declares none of the facts.
func (t *TargetFacts) Empty() bool {
	return len(t.BundleIDs) == 0 && len(t.Entitlements) == 0 && t.InfoPlist == nil
}
