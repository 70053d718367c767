package project

import (
	"strconv"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// xcodePlatforms maps Xcode's platform names (SDKROOT,
// SUPPORTED_PLATFORMS) to platforms; the simulators count as their device.
var xcodePlatforms = map[string]model.Platform{
	"iphoneos": model.IOS, "iphonesimulator": model.IOS,
	"macosx":    model.MacOS,
	"appletvos": model.TVOS, "appletvsimulator": model.TVOS,
	"watchos": model.WatchOS, "watchsimulator": model.WatchOS,
	"xros": model.VisionOS, "xrsimulator": model.VisionOS,
}

// xcodeDeployment are the build settings that hold a deployment target.
var xcodeDeployment = []struct {
	setting string
	p       model.Platform
}{
	{"IPHONEOS_DEPLOYMENT_TARGET", model.IOS},
	{"MACOSX_DEPLOYMENT_TARGET", model.MacOS},
	{"TVOS_DEPLOYMENT_TARGET", model.TVOS},
	{"WATCHOS_DEPLOYMENT_TARGET", model.WatchOS},
	{"XROS_DEPLOYMENT_TARGET", model.VisionOS},
}

// swiftPMPlatforms maps SwiftPM's SupportedPlatform names. A package that
// builds for iOS builds for Mac Catalyst too (SwiftPM derives its
// deployment target from iOS's), and Mac Catalyst, like iOS, has only
// the data-protection keychain.
var swiftPMPlatforms = map[string]model.Platform{
	"iOS": model.IOS | model.MacCatalyst, "macOS": model.MacOS, "macCatalyst": model.MacCatalyst,
	"tvOS": model.TVOS, "watchOS": model.WatchOS, "visionOS": model.VisionOS,
}

// podPlatforms maps CocoaPods' platform names.
var podPlatforms = map[string]model.Platform{
	"ios": model.IOS, "osx": model.MacOS, "macos": model.MacOS,
	"tvos": model.TVOS, "watchos": model.WatchOS, "visionos": model.VisionOS,
}

// parseVersion reads "12", "12.0", "10.15.4" (also SwiftPM's v10_15).
func parseVersion(s string) (model.OSVersion, bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	s = strings.TrimPrefix(s, "v")
	s = strings.ReplaceAll(s, "_", ".")
	if s == "" {
		return model.OSVersion{}, false
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return model.OSVersion{}, false
	}
	var n [3]int
	for i, part := range parts {
		v, err := strconv.Atoi(part)
		if err != nil || v < 0 || v > 1000 {
			return model.OSVersion{}, false
		}
		n[i] = v
	}
	return model.OSVersion{Major: n[0], Minor: n[1], Patch: n[2]}, true
}

// each calls fn for every single platform in p.
func each(p model.Platform, fn func(model.Platform)) {
	for q := model.Platform(1); q != 0 && q <= model.MacCatalyst; q <<= 1 {
		if p&q != 0 {
			fn(q)
		}
	}
}

// mergeDeployment adds the deployment targets of from to into, keeping
// the lower version where both name a platform (a file built by two
// targets must run on the older system).
func mergeDeployment(into, from map[model.Platform]model.OSVersion) map[model.Platform]model.OSVersion {
	for p, v := range from {
		if into == nil {
			into = map[model.Platform]model.OSVersion{}
		}
		if old, ok := into[p]; !ok || v.Less(old) {
			into[p] = v
		}
	}
	return into
}
