package project

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// SwiftPM: Package.swift is Swift source, read with the Swift grammar
// (swiftparse.ParseManifest), never run. Its platforms: list says what
// the package builds for: a package that names only .iOS builds for iOS
// (and Mac Catalyst) only, one without platforms: for every platform
// SwiftPM supports. (A manifest older than tools 5.9 could not name
// visionOS, so its silence about it says nothing: it keeps visionOS.)
// Each target (.target, .executableTarget, .testTarget;
// binary targets and system libraries have no sources) compiles the
// files below its path (default Sources/<name>, Tests/<name> for tests),
// or only its sources:, minus exclude:.

// toolsBefore reports whether the manifest's swift-tools-version comment
// (its first line) names a version before major.minor, or is missing.
func toolsBefore(src []byte, major, minor int) bool {
	line, _, _ := strings.Cut(string(src[:min(len(src), 200)]), "\n")
	_, v, ok := strings.Cut(line, "swift-tools-version:")
	if !ok {
		return true
	}
	v, _, _ = strings.Cut(strings.TrimSpace(v), ";")
	ver, ok := parseVersion(v)
	if !ok {
		return true
	}
	return ver.Less(model.OSVersion{Major: major, Minor: minor})
}

// swiftPMUnits reads the Package.swift at abs (shown as source).
func swiftPMUnits(ctx context.Context, src []byte, abs, source string) ([]*unit, error) {
	m, err := swiftparse.ParseManifest(ctx, src)
	if err != nil {
		return nil, err
	}
	plat := model.AllPlatforms
	var dep map[model.Platform]model.OSVersion
	if m.HasPlatforms {
		var named model.Platform
		for _, p := range m.Platforms {
			q, ok := swiftPMPlatforms[p.Name]
			if !ok {
				continue // .custom, .driverKit, .linux
			}
			named |= q
			if v, ok := parseVersion(p.Version); ok {
				dep = mergeDeployment(dep, map[model.Platform]model.OSVersion{q &^ model.MacCatalyst: v})
				if q == model.MacCatalyst {
					dep = mergeDeployment(dep, map[model.Platform]model.OSVersion{model.MacCatalyst: v})
				}
			}
		}
		if named != 0 {
			plat = named
			if toolsBefore(src, 5, 9) {
				// .visionOS did not exist before tools 5.9: the
				// manifest could not name it, and SwiftPM builds for
				// it with its default deployment target.
				plat |= model.VisionOS
			}
		}
	}
	pkgDir := filepath.Dir(abs)
	var units []*unit
	for _, t := range m.Targets {
		u := &unit{source: source, name: t.Name, platforms: plat, deployment: dep, files: map[string]bool{}}
		var dirs []string
		switch t.Kind {
		case "binaryTarget", "systemLibrary":
			continue
		case "testTarget":
			u.test = true
			dirs = []string{"Tests"}
		case "plugin":
			dirs = []string{"Plugins"}
		default:
			dirs = []string{"Sources", "Source", "src", "srcs"}
		}
		var roots []string
		if t.Path != "" {
			roots = []string{filepath.Join(pkgDir, filepath.FromSlash(t.Path))}
		} else {
			for _, d := range dirs {
				roots = append(roots, filepath.Join(pkgDir, d, t.Name))
			}
		}
		for _, r := range roots {
			if t.HasSources {
				for _, s := range t.Sources {
					p := filepath.Join(r, filepath.FromSlash(s))
					u.files[p] = true
					u.dirs = append(u.dirs, p)
				}
			} else {
				u.dirs = append(u.dirs, r)
			}
			for _, x := range t.Exclude {
				u.exclude = append(u.exclude, filepath.Join(r, filepath.FromSlash(x)))
			}
		}
		if t.Kind == "plugin" || t.Kind == "macro" {
			u.platforms, u.deployment = model.MacOS, nil // built for and run on the host
		}
		units = append(units, u)
	}
	return units, nil
}
