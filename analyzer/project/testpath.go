package project

import (
	"path/filepath"
	"strings"
)

// IsTestPath reports whether a source file's path says it is test code:
// a directory named Tests, Test, UITests (any case) or ending in Tests
// (the folders Xcode creates for test targets: AppTests, AppUITests), or
// a file named *Tests or *Test (FooTests.swift, FooTests.m,
// FooTest.swift).
func IsTestPath(path string) bool {
	path = filepath.ToSlash(path)
	parts := strings.Split(path, "/")
	for _, dir := range parts[:len(parts)-1] {
		switch strings.ToLower(dir) {
		case "tests", "test", "uitests":
			return true
		}
		if strings.HasSuffix(dir, "Tests") {
			return true
		}
	}
	base := parts[len(parts)-1]
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.HasSuffix(base, "Tests") || strings.HasSuffix(base, "Test")
}
