package project

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

type wantInfo struct {
	file       string
	nilInfo    bool
	module     string
	platforms  model.Platform
	deployment map[model.Platform]model.OSVersion
	test       bool
	source     string
}

func v(major, minor int) model.OSVersion { return model.OSVersion{Major: major, Minor: minor} }

func checkInfos(t *testing.T, dir string, wants []wantInfo) {
	t.Helper()
	set := Discover(context.Background(), []string{dir}, source.Options{MaxFileSize: source.DefaultMaxFileSize})
	if len(set.Skipped) > 0 {
		t.Errorf("skipped: %v", set.Skipped)
	}
	for _, w := range wants {
		p := filepath.Join(dir, w.file)
		abs, _ := filepath.Abs(p)
		got := set.Info(abs, p)
		if w.nilInfo {
			if got != nil {
				t.Errorf("%s: got %+v, want nil", w.file, got)
			}
			continue
		}
		if got == nil {
			t.Errorf("%s: got nil", w.file)
			continue
		}
		if got.Module != w.module || got.Platforms != w.platforms || got.Test != w.test || got.Source != w.source {
			t.Errorf("%s: got module %q platforms %s test %v source %q\nwant module %q platforms %s test %v source %q",
				w.file, got.Module, got.Platforms, got.Test, got.Source, w.module, w.platforms, w.test, w.source)
		}
		if len(got.Deployment) != len(w.deployment) {
			t.Errorf("%s: deployment %v, want %v", w.file, got.Deployment, w.deployment)
		}
		for k, want := range w.deployment {
			if got.Deployment[k] != want {
				t.Errorf("%s: deployment %v, want %v", w.file, got.Deployment, w.deployment)
			}
		}
	}
}

func TestSwiftPM(t *testing.T) {
	pkg := filepath.Join("testdata", "swiftpm", "Package.swift")
	ios := model.IOS | model.MacCatalyst | model.WatchOS
	dep := map[model.Platform]model.OSVersion{model.IOS: v(15, 0), model.WatchOS: v(8, 0)}
	checkInfos(t, filepath.Join("testdata", "swiftpm"), []wantInfo{
		{file: "Sources/Vault/Store.swift", module: pkg + ":Vault", platforms: ios, deployment: dep, source: pkg},
		{file: "Lib/Custom/A.swift", module: pkg + ":Custom", platforms: ios, deployment: dep, source: pkg},
		{file: "Lib/Custom/Old/B.swift", nilInfo: true},
		{file: "Tests/VaultTests/StoreTests.swift", module: pkg + ":VaultTests", platforms: ios, deployment: dep, test: true, source: pkg},
		{file: "Loose.swift", nilInfo: true},
	})
}

func TestXcode(t *testing.T) {
	proj := filepath.Join("testdata", "xcode", "App.xcodeproj")
	checkInfos(t, filepath.Join("testdata", "xcode"), []wantInfo{
		// in the iOS app and the macOS app: the union
		{file: "Shared/Keychain.swift", module: proj + ":Desk", platforms: model.IOS | model.MacOS,
			deployment: map[model.Platform]model.OSVersion{model.IOS: v(16, 0), model.MacOS: v(12, 0)}, source: proj},
		// SOURCE_ROOT path, iOS target inheriting SDKROOT from the project
		{file: "iOS/Phone.m", module: proj + ":Phone", platforms: model.IOS, deployment: map[model.Platform]model.OSVersion{model.IOS: v(16, 0)}, source: proj},
		// the target's xcconfig (SDKROOT = macosx) over the project's SDKROOT = iphoneos
		// a header no target lists goes with its implementation file
		{file: "iOS/Phone.h", module: proj + ":Phone", platforms: model.IOS, deployment: map[model.Platform]model.OSVersion{model.IOS: v(16, 0)}, source: proj},
		{file: "iOS/Orphan.h", nilInfo: true},
		{file: "Mac/Desk.swift", module: proj + ":Desk", platforms: model.MacOS, deployment: map[model.Platform]model.OSVersion{model.MacOS: v(12, 0)}, source: proj},
		{file: "Mac/NotInTarget.swift", nilInfo: true},
		{file: "AppTests/KeychainTests.swift", module: proj + ":AppTests", platforms: model.IOS | model.MacOS | model.MacCatalyst,
			deployment: map[model.Platform]model.OSVersion{model.IOS: v(15, 0)}, test: true, source: proj},
		// a synchronized folder, with an exception; SDKROOT through a variable
		{file: "Widget/Widget.swift", module: proj + ":Widget", platforms: model.WatchOS, deployment: map[model.Platform]model.OSVersion{model.WatchOS: v(9, 0)}, source: proj},
		{file: "Widget/Old/Legacy.swift", nilInfo: true},
	})
}

func TestPodspec(t *testing.T) {
	vault := filepath.Join("testdata", "pod", "Vault", "Vault.podspec")
	mac := filepath.Join("testdata", "pod", "MacPod", "MacPod.podspec")
	jpod := filepath.Join("testdata", "pod", "JSONPod", "JSONPod.podspec.json")
	iosTV := model.IOS | model.MacCatalyst | model.TVOS
	dep := map[model.Platform]model.OSVersion{model.IOS: v(13, 0), model.TVOS: v(15, 0)}
	checkInfos(t, filepath.Join("testdata", "pod"), []wantInfo{
		{file: "Vault/Classes/Store.swift", module: vault + ":Vault", platforms: iosTV, deployment: dep, source: vault},
		{file: "Vault/Classes/Private/Hidden.swift", nilInfo: true},
		{file: "Vault/Classes/ios/Phone.swift", module: vault + ":Vault", platforms: iosTV, deployment: dep, source: vault},
		{file: "Vault/Tests/StoreSpec.swift", module: vault + ":Vault/unit", platforms: iosTV, deployment: dep, test: true, source: vault},
		{file: "MacPod/Sources/Mac.swift", module: mac + ":MacPod", platforms: model.MacOS, deployment: map[model.Platform]model.OSVersion{model.MacOS: v(10, 15)}, source: mac},
		{file: "JSONPod/src/J.m", module: jpod + ":JSONPod", platforms: model.IOS | model.MacCatalyst | model.MacOS,
			deployment: map[model.Platform]model.OSVersion{model.IOS: v(12, 0), model.MacOS: v(10, 13)}, source: jpod},
		// a subspec is part of its pod's module
		{file: "JSONPod/core/C.m", module: jpod + ":JSONPod", platforms: model.IOS | model.MacCatalyst,
			deployment: map[model.Platform]model.OSVersion{model.IOS: v(14, 0)}, source: jpod},
		{file: "JSONPod/mac/M.m", module: jpod + ":JSONPod", platforms: model.MacOS,
			deployment: map[model.Platform]model.OSVersion{model.MacOS: v(10, 13)}, source: jpod},
	})
}

func TestTestPaths(t *testing.T) {
	for path, want := range map[string]bool{
		"Tests/VaultTests/Store.swift": true, "App/Test/Helper.m": true, "AppUITests/Flow.swift": true,
		"IdentityCore/tests/Util.m": true, "Sources/Vault/VaultTests.swift": true, "Sources/FooTest.swift": true,
		"Sources/KeychainTests.m":   true,
		"Sources/Vault/Store.swift": false, "rules/x/testdata/a.swift": false, "Sources/Contest.swift": false,
		"Sources/Testing/Keychain.swift": false,
	} {
		if got := IsTestPath(path); got != want {
			t.Errorf("IsTestPath(%q) = %v, want %v", path, got, want)
		}
	}
	// Without a project, the path alone marks test code.
	var set *Set
	if info := set.Info("/x/Tests/FooTests.swift", "Tests/FooTests.swift"); info == nil || !info.Test || info.Platforms != 0 {
		t.Errorf("path-only test info: %+v", info)
	}
	if info := set.Info("/x/Sources/Foo.swift", "Sources/Foo.swift"); info != nil {
		t.Errorf("path-only shipping code: %+v", info)
	}
}
