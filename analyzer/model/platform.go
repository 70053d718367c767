package model

import "strings"

// Platform is a set of Apple platforms, used for the platform scope of a
// program point (narrowed by #if regions and by configuration).
type Platform uint8

const (
	IOS Platform = 1 << iota
	MacOS
	TVOS
	WatchOS
	VisionOS
	MacCatalyst

	// AllPlatforms is the default scope: code can run anywhere.
	AllPlatforms = IOS | MacOS | TVOS | WatchOS | VisionOS | MacCatalyst
	// IOSFamily are the platforms whose only keychain is the
	// data-protection keychain (Mac Catalyst included).
	IOSFamily = IOS | TVOS | WatchOS | VisionOS | MacCatalyst
)

var platformNames = []struct {
	p    Platform
	name string
}{
	{IOS, "ios"}, {MacOS, "macos"}, {TVOS, "tvos"}, {WatchOS, "watchos"},
	{VisionOS, "visionos"}, {MacCatalyst, "maccatalyst"},
}

// Has reports whether p and q share a platform.
func (p Platform) Has(q Platform) bool { return p&q != 0 }

// String lists the platforms, e.g. "ios,macos"; "all" for every platform.
func (p Platform) String() string {
	if p == AllPlatforms {
		return "all"
	}
	if p == 0 {
		return "none"
	}
	var names []string
	for _, pn := range platformNames {
		if p&pn.p != 0 {
			names = append(names, pn.name)
		}
	}
	return strings.Join(names, ",")
}

// ParsePlatforms parses a comma-separated list such as "ios,macos" (the
// --platforms flag and the configuration file). "all" means every platform;
// "iphoneos" and "catalyst" are accepted as aliases.
func ParsePlatforms(s string) (Platform, bool) {
	var p Platform
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case "":
			continue
		case "all":
			p |= AllPlatforms
			continue
		case "iphoneos", "ipados":
			f = "ios"
		case "catalyst", "mac-catalyst":
			f = "maccatalyst"
		case "osx", "mac":
			f = "macos"
		case "xros":
			f = "visionos"
		}
		found := false
		for _, pn := range platformNames {
			if pn.name == f {
				p |= pn.p
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return p, p != 0
}
