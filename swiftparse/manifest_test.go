package swiftparse_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/keychainlint/keychainlint/swiftparse"
)

func TestParseManifest(t *testing.T) {
	src := `// swift-tools-version: 5.9
import PackageDescription
let extra: [SupportedPlatform] = [.tvOS(.v13)]
let package = Package(
    name: "Secrets",
    platforms: [.iOS(.v15), .macOS("12.0"), .macOS(.v10_15)],
    targets: [
        .target(name: "Secrets", path: "Src", exclude: ["Old"], sources: ["A.swift", "Sub"]),
        .testTarget(name: "SecretsTests", dependencies: [.target(name: "Dep", condition: .when(platforms: [.iOS]))]),
        Target.executableTarget(name: "Tool"),
        .binaryTarget(name: "Bin", path: "Bin.xcframework"),
    ] + moreTargets()
)
func moreTargets() -> [Target] {
    [.target(name: "Helper", dependencies: [.target(name: "Secrets")])]
}
`
	m, err := swiftparse.ParseManifest(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &swiftparse.Manifest{
		Name:         "Secrets",
		HasPlatforms: true,
		Platforms:    []swiftparse.ManifestPlatform{{"iOS", "15"}, {"macOS", "12.0"}, {"macOS", "10_15"}},
		Targets: []swiftparse.ManifestTarget{
			{Kind: "target", Name: "Secrets", Path: "Src", Sources: []string{"A.swift", "Sub"}, Exclude: []string{"Old"}, HasSources: true},
			{Kind: "testTarget", Name: "SecretsTests"},
			{Kind: "executableTarget", Name: "Tool"},
			{Kind: "binaryTarget", Name: "Bin", Path: "Bin.xcframework"},
			{Kind: "target", Name: "Helper"},
		},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got  %+v\nwant %+v", m, want)
	}
}

func TestParseManifestPlatformsElsewhere(t *testing.T) {
	for _, src := range []string{
		"let p: [SupportedPlatform] = [.watchOS(.v8)]\nlet package = Package(name: \"X\", platforms: p)\n",
		"let package = Package(name: \"X\")\npackage.platforms = [.watchOS(\"8.0\")]\n",
	} {
		m, err := swiftparse.ParseManifest(context.Background(), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if !m.HasPlatforms || len(m.Platforms) != 1 || m.Platforms[0].Name != "watchOS" {
			t.Errorf("%q: got %+v", src, m)
		}
	}
	m, _ := swiftparse.ParseManifest(context.Background(), []byte("let package = Package(name: \"X\", targets: [.target(name: \"A\")])"))
	if m.HasPlatforms {
		t.Errorf("no platforms: got %+v", m)
	}
}

func TestParseManifestGarbage(t *testing.T) {
	for _, src := range []string{"", "Package(", "let package = Package(platforms: [.iOS(", "\x00\xff\xfe", "[[[[[[[[[[[[[[[[[[[["} {
		if _, err := swiftparse.ParseManifest(context.Background(), []byte(src)); err != nil {
			t.Logf("%q: %v", src, err)
		}
	}
}
