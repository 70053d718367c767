package driver

import (
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// TestResultKeyProjectFacts: the project facts of a file (module,
// platforms, deployment targets, test code) are part of the key of the
// cached findings; equal facts give equal keys.
func TestResultKeyProjectFacts(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	info := func(edit func(*model.ProjectInfo)) *model.ProjectInfo {
		p := &model.ProjectInfo{Module: "Package.swift:Vault", Platforms: model.IOS | model.MacOS,
			Deployment: map[model.Platform]model.OSVersion{model.IOS: {Major: 15}, model.MacOS: {Major: 12}}}
		if edit != nil {
			edit(p)
		}
		return p
	}
	key := func(p *model.ProjectInfo) [32]byte {
		f := &model.File{Path: "a.swift", Src: []byte("SecItemAdd"), Project: p}
		k, ok := resultKey(Config{Cache: c}, []*model.File{f}, nil)
		if !ok {
			t.Fatal("not cacheable")
		}
		return k
	}
	base := key(info(nil))
	if key(info(nil)) != base {
		t.Fatal("equal project facts gave different keys")
	}
	for name, p := range map[string]*model.ProjectInfo{
		"none":       nil,
		"module":     info(func(p *model.ProjectInfo) { p.Module = "Package.swift:Other" }),
		"platforms":  info(func(p *model.ProjectInfo) { p.Platforms = model.IOS }),
		"deployment": info(func(p *model.ProjectInfo) { p.Deployment[model.IOS] = model.OSVersion{Major: 16} }),
		"test code":  info(func(p *model.ProjectInfo) { p.Test = true }),
	} {
		if key(p) == base {
			t.Errorf("%s: a change of the project facts kept the key", name)
		}
	}
}
