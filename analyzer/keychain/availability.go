package keychain

import "github.com/keychainlint/keychainlint/analyzer/model"

// Versions gives an OS version per platform.
type Versions map[model.Platform]model.OSVersion

func v(major, minor int) model.OSVersion { return model.OSVersion{Major: major, Minor: minor} }

// introduced lists when the constants that availability checks test (and
// the replacements of deprecated ones) appeared, per platform. Mac
// Catalyst started with iOS 13's API (13.0, or 13.1 for
// LocalAuthentication), so everything older exists there from the start.
//
// Sources: Security keychain/headers/SecItem.h at db15acbe
// (apple-oss-distributions/Security): kSecAttrAccessibleAfterFirstUnlock,
// ...ThisDeviceOnly, ...WhenUnlocked API_AVAILABLE(macos(10.9), ios(4.0))
// :605-616; kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly macos(10.10),
// ios(8.0) :611-612; kSecUseAuthenticationUI, kSecUseAuthenticationContext
// macos(10.11), ios(9.0) :1051-1054; kSecUseAuthenticationUISkip (and the
// deprecated ...Allow / ...Fail, introduced the same day) macos(10.11),
// ios(9.0) :1076-1081; kSecUseDataProtectionKeychain macos(10.15),
// ios(13.0) :1055-1056. tvOS and watchOS have had the Security constants
// since their first release (tvOS 9.0, watchOS 2.0).
var introduced = map[string]Versions{
	"kSecAttrAccessibleAfterFirstUnlock":               allSince(v(4, 0), v(10, 9)),
	"kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly": allSince(v(4, 0), v(10, 9)),
	"kSecAttrAccessibleWhenUnlocked":                   allSince(v(4, 0), v(10, 9)),
	"kSecAttrAccessibleWhenUnlockedThisDeviceOnly":     allSince(v(4, 0), v(10, 9)),
	"kSecAttrAccessibleWhenPasscodeSetThisDeviceOnly":  allSince(v(8, 0), v(10, 10)),
	"kSecUseAuthenticationUI":                          allSince(v(9, 0), v(10, 11)),
	"kSecUseAuthenticationContext":                     allSince(v(9, 0), v(10, 11)),
	"kSecUseAuthenticationUISkip":                      allSince(v(9, 0), v(10, 11)),
	"kSecUseAuthenticationUIAllow":                     allSince(v(9, 0), v(10, 11)),
	"kSecUseAuthenticationUIFail":                      allSince(v(9, 0), v(10, 11)),
	"kSecUseDataProtectionKeychain": {model.IOS: v(13, 0), model.MacOS: v(10, 15), model.TVOS: v(13, 0),
		model.WatchOS: v(6, 0), model.VisionOS: v(1, 0), model.MacCatalyst: v(13, 0)},
}

// allSince: iOS ios, macOS mac, and the first release of the other
// platforms (tvOS 9, watchOS 2, visionOS 1, Mac Catalyst 13).
func allSince(ios, mac model.OSVersion) Versions {
	return Versions{model.IOS: ios, model.MacOS: mac, model.TVOS: v(9, 0), model.WatchOS: v(2, 0),
		model.VisionOS: v(1, 0), model.MacCatalyst: v(13, 0)}
}

// Introduced returns when a constant appeared, per platform.
func Introduced(name string) (Versions, bool) {
	vs, ok := introduced[name]
	return vs, ok
}

// LocalAuthentication's LAContext.localizedReason and
// LAContext.interactionNotAllowed, which the replacements of the
// authentication-UI constants need: iOS 11.0, macOS 10.13, Mac Catalyst
// 13.1, visionOS 1.0, watchOS 4.0 for interactionNotAllowed (Apple's
// documentation pages of LAContext; localizedReason lists no watchOS).
// tvOS has no LocalAuthentication policy UI: not listed.
var (
	laInteractionNotAllowed = Versions{model.IOS: v(11, 0), model.MacOS: v(10, 13), model.WatchOS: v(4, 0),
		model.VisionOS: v(1, 0), model.MacCatalyst: v(13, 1)}
	laLocalizedReason = Versions{model.IOS: v(11, 0), model.MacOS: v(10, 13), model.VisionOS: v(1, 0),
		model.MacCatalyst: v(13, 1)}
)
