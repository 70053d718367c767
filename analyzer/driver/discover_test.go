package driver_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// Projects found by DiscoverProjects, while the sources are parsed, reach
// the parsed files as the projects given up front do (the packages'
// files get their platforms), and the findings are the same.
func TestDiscoverProjectsWhileParsing(t *testing.T) {
	dir := filepath.Join("..", "project", "testdata", "e2e")
	opt := source.Options{MaxFileSize: source.DefaultMaxFileSize}
	files, _, err := source.Walk([]string{dir}, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []driver.Input
	for _, f := range files {
		inputs = append(inputs, driver.Input{File: f})
	}
	run := func(cfg driver.Config) *driver.Result {
		cfg.Analyzers = all.Analyzers()
		res, err := driver.Run(context.Background(), inputs, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	upFront := run(driver.Config{Projects: project.Discover(context.Background(), []string{dir}, opt)})
	calls := 0
	meanwhile := run(driver.Config{DiscoverProjects: func() *project.Set {
		calls++
		return project.Discover(context.Background(), []string{dir}, opt)
	}})
	if calls != 1 {
		t.Fatalf("DiscoverProjects called %d times, want once", calls)
	}
	projectOf := func(res *driver.Result) map[string]*model.ProjectInfo {
		m := map[string]*model.ProjectInfo{}
		for _, f := range res.Files {
			m[f.Path] = f.Project
		}
		return m
	}
	want, got := projectOf(upFront), projectOf(meanwhile)
	known := 0
	for path, info := range want {
		if info != nil && info.Platforms != 0 {
			known++
		}
		if !reflect.DeepEqual(got[path], info) {
			t.Errorf("%s: project %+v, want %+v", path, got[path], info)
		}
	}
	if known == 0 {
		t.Errorf("no parsed file has a project with platforms: %v", want)
	}
	if !reflect.DeepEqual(upFront.Diagnostics, meanwhile.Diagnostics) {
		t.Errorf("findings differ:\n%v\nwant:\n%v", meanwhile.Diagnostics, upFront.Diagnostics)
	}
}
