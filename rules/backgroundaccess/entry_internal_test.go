package backgroundaccess

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Extensions the system runs on its own are background code; those the
// user opens (a share sheet, a keyboard, a notification's content view)
// run while the device is unlocked.
func TestBackgroundExtension(t *testing.T) {
	for point, want := range map[string]bool{
		"com.apple.usernotifications.service":           true,
		"com.apple.networkextension.packet-tunnel":      true,
		"com.apple.fileprovider-nonui":                  true,
		"com.apple.share-services":                      false,
		"com.apple.keyboard-service":                    false,
		"com.apple.usernotifications.content-extension": false,
		"": false,
	} {
		if got := backgroundExtension(point); got != want {
			t.Errorf("backgroundExtension(%q) = %v, want %v", point, got, want)
		}
	}
}

// The background push and fetch callbacks run in the background only
// when the app declares the mode; unknown Info.plists count as declaring
// it.
func TestDeclaresMode(t *testing.T) {
	target := func(modes ...string) *model.TargetFacts {
		return &model.TargetFacts{InfoPlist: &model.InfoPlist{BackgroundModes: modes}}
	}
	file := func(ts ...*model.TargetFacts) *model.File {
		return &model.File{Project: &model.ProjectInfo{Targets: ts}}
	}
	for _, tc := range []struct {
		f    *model.File
		want bool
	}{
		{&model.File{}, true},
		{file(target("fetch", "remote-notification")), true},
		{file(target("audio")), false},
		{file(target("audio"), target("remote-notification")), true},
		{file(target("audio"), &model.TargetFacts{}), true},
		{file(target("*")), true},
	} {
		if got := declaresMode(tc.f, "remote-notification"); got != tc.want {
			t.Errorf("declaresMode(%+v) = %v, want %v", tc.f.Project, got, tc.want)
		}
	}
}
