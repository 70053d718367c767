package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Availability is what an availability check says about a region of code:
// on which OS versions it runs. The front end records one per branch of a
// check (`if #available(iOS 9, *)` / `else`, `guard #available`,
// `@available` on a declaration, Objective-C `@available`,
// `NSFoundationVersionNumber` comparisons, `__IPHONE_OS_VERSION_MIN_REQUIRED`
// preprocessor checks, weak-symbol and respondsToSelector: checks).
type Availability struct {
	// Span is the code the check governs: a branch, a declaration, the
	// statements after a guard. Check is the condition.
	Span, Check Span
	// Below: on each platform named, the code runs only on OS versions
	// before the one given (the fallback branch of a check for it).
	Below map[Platform]OSVersion
	// AtLeast: on each platform named, the code runs only on the version
	// given or later (the guarded branch, @available on a declaration).
	AtLeast map[Platform]OSVersion
	// Others says what the check means on the platforms it does not name.
	Others OtherPlatforms
	// Symbol is the symbol a weak-symbol check tests (`&kSecUseAuthenticationUI
	// != NULL`); its fallback runs where the symbol does not exist, below
	// the version that introduced it, which the front end does not know.
	Symbol string
}

// OtherPlatforms is what an availability check says about the platforms
// it does not name.
type OtherPlatforms uint8

const (
	// Unconstrained: the code runs on them at every version.
	Unconstrained OtherPlatforms = iota
	// NotRun: the code does not run on them (the fallback of
	// `#available(iOS 9, *)`: `*` is true everywhere else).
	NotRun
	// OldUnknown: the code is the fallback of a check whose version is not
	// known there (respondsToSelector:, an iOS Foundation version compared
	// on macOS, a deployment-target check of another platform): code meant
	// for older systems.
	OldUnknown
)

// Bound is what the availability checks around a point say about one
// platform.
type Bound struct {
	// Runs is false when a check excludes the platform altogether.
	Runs bool
	// Below, when HasBelow, is the version before which the code runs
	// (the lowest of the enclosing fallbacks); AtLeast, when HasAtLeast,
	// the lowest version it runs on (the highest enclosing guard).
	Below, AtLeast       OSVersion
	HasBelow, HasAtLeast bool
	// OldUnknown marks code inside the fallback of a check whose version
	// is not known for this platform; Symbols are the weak symbols whose
	// absence the enclosing fallbacks test.
	OldUnknown bool
	Symbols    []string
}

// AvailabilityAt returns what the availability checks around byte offset
// off say about platform p (a single platform).
func (f *File) AvailabilityAt(off int, p Platform) Bound {
	b := Bound{Runs: true}
	if f == nil {
		return b
	}
	for i := range f.Availability {
		a := &f.Availability[i]
		if off < a.Span.Start || off >= a.Span.End {
			continue
		}
		named := false
		if v, ok := a.Below[p]; ok {
			named = true
			if !b.HasBelow || v.Less(b.Below) {
				b.Below, b.HasBelow = v, true
			}
		}
		if v, ok := a.AtLeast[p]; ok {
			named = true
			if !b.HasAtLeast || b.AtLeast.Less(v) {
				b.AtLeast, b.HasAtLeast = v, true
			}
		}
		if a.Symbol != "" {
			b.Symbols = append(b.Symbols, a.Symbol)
			continue
		}
		if !named {
			switch a.Others {
			case NotRun:
				b.Runs = false
			case OldUnknown:
				b.OldUnknown = true
			}
		}
	}
	return b
}

// DeprecationAllowedAt reports whether compiler deprecation warnings are
// switched off at byte offset off (`#pragma clang diagnostic ignored
// "-Wdeprecated-declarations"`, a declaration marked deprecated itself).
func (f *File) DeprecationAllowedAt(off int) bool {
	if f == nil {
		return false
	}
	for _, s := range f.DeprecationAllowed {
		if off >= s.Start && off < s.End {
			return true
		}
	}
	return false
}

// ParseOSVersion parses "9", "9.0", "10.11.2" or "9_0".
func ParseOSVersion(s string) (OSVersion, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", ".")
	parts := strings.Split(s, ".")
	if len(parts) == 0 || len(parts) > 3 {
		return OSVersion{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return OSVersion{}, false
		}
		n[i] = v
	}
	return OSVersion{n[0], n[1], n[2]}, true
}

// String formats the version as "10.11" (or "10.11.2").
func (v OSVersion) String() string {
	s := strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)
	if v.Patch != 0 {
		s += "." + strconv.Itoa(v.Patch)
	}
	return s
}

// AvailabilityPlatform maps a platform name of an availability check
// (`#available`, `@available`, API_AVAILABLE) to platforms; Mac Catalyst
// answers iOS version checks with the iOS version it corresponds to.
func AvailabilityPlatform(name string) Platform {
	switch strings.TrimSuffix(strings.TrimSpace(name), "ApplicationExtension") {
	case "iOS", "ios":
		return IOS | MacCatalyst
	case "macOS", "OSX", "macos", "macosx":
		return MacOS
	case "tvOS", "tvos":
		return TVOS
	case "watchOS", "watchos":
		return WatchOS
	case "visionOS", "xrOS", "visionos":
		return VisionOS
	case "macCatalyst", "maccatalyst":
		return MacCatalyst
	}
	return 0
}

var availSpecRE = regexp.MustCompile(`^([A-Za-z]+)\s+([0-9][0-9._]*)$`)

// ParseAvailabilitySpecs parses the argument list of `#available(...)` or
// `@available(...)` in a condition: "iOS 9.0, macOS 10.11, *". It returns
// the versions per platform and whether a `*` closes the list; ok is false
// when an argument is not a platform and version.
func ParseAvailabilitySpecs(args string) (v map[Platform]OSVersion, star, ok bool) {
	v = map[Platform]OSVersion{}
	for _, a := range strings.Split(args, ",") {
		a = strings.TrimSpace(a)
		if a == "*" {
			star = true
			continue
		}
		m := availSpecRE.FindStringSubmatch(a)
		if m == nil {
			return nil, false, false
		}
		p := AvailabilityPlatform(m[1])
		ver, vok := ParseOSVersion(m[2])
		if p == 0 || !vok {
			return nil, false, false
		}
		for _, q := range []Platform{IOS, MacOS, TVOS, WatchOS, VisionOS, MacCatalyst} {
			if p&q != 0 {
				if _, dup := v[q]; !dup || q != MacCatalyst || p == MacCatalyst {
					v[q] = ver
				}
			}
		}
	}
	return v, star, len(v) > 0 || star
}

// DumpAvailability lists the availability regions and the regions without
// deprecation warnings of a file, one per line with 1-based lines, for
// `keychainlint dump`; "" when there are none.
func DumpAvailability(f *File) string {
	line := func(off int) int {
		if off > len(f.Src) {
			off = len(f.Src)
		}
		return 1 + strings.Count(string(f.Src[:off]), "\n")
	}
	var b strings.Builder
	for _, a := range f.Availability {
		fmt.Fprintf(&b, "availability lines %d-%d:", line(a.Span.Start), line(a.Span.End))
		for _, x := range []struct {
			label string
			m     map[Platform]OSVersion
		}{{"below", a.Below}, {"from", a.AtLeast}} {
			for _, pn := range platformNames {
				if v, ok := x.m[pn.p]; ok {
					fmt.Fprintf(&b, " %s %s %s", pn.name, x.label, v)
				}
			}
		}
		switch {
		case a.Symbol != "":
			fmt.Fprintf(&b, " where %s is missing", a.Symbol)
		case a.Others == NotRun:
			b.WriteString(" (not on other platforms)")
		case a.Others == OldUnknown:
			b.WriteString(" (older systems elsewhere)")
		}
		b.WriteString("\n")
	}
	for _, s := range f.DeprecationAllowed {
		fmt.Fprintf(&b, "deprecation warnings off lines %d-%d\n", line(s.Start), line(s.End))
	}
	return b.String()
}
