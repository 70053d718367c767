package project_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/project"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/rules/all"
)

// BenchmarkProjects compares reading the project files (project.Discover:
// Package.swift, project.pbxproj, xcconfig, podspecs, and the
// entitlements and Info.plists targets name) with the whole scan of the
// same roots, which includes it. KEYCHAINLINT_BENCH_ROOTS (a
// colon-separated list, e.g. the real corpus) replaces the fixtures.
func BenchmarkProjects(b *testing.B) {
	roots := []string{filepath.Join("testdata"), filepath.Join("..", "..", "testdata", "sampleapp")}
	if env := os.Getenv("KEYCHAINLINT_BENCH_ROOTS"); env != "" {
		roots = strings.Split(env, ":")
	}
	opt := source.Options{MaxFileSize: source.DefaultMaxFileSize}
	ctx := context.Background()
	b.Run("discover", func(b *testing.B) {
		b.ReportAllocs()
		var n int
		for b.Loop() {
			n = len(project.Discover(ctx, roots, opt).Read)
		}
		b.ReportMetric(float64(n), "project-files")
	})
	b.Run("scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			projects := project.Discover(ctx, roots, opt)
			walk := func(found func(driver.Input)) ([]driver.Input, error) {
				fs, _, err := source.Walk(roots, opt, func(f source.File) { found(driver.Input{File: f}) })
				inputs := make([]driver.Input, len(fs))
				for i, f := range fs {
					inputs[i] = driver.Input{File: f}
				}
				return inputs, err
			}
			if _, err := driver.RunWalk(ctx, walk, driver.Config{Analyzers: all.Analyzers(), Projects: projects}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
