package source

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// WalkWith gives the sources Walk gives and the selection CollectMatching
// gives, in one walk, over the hostile repository of the collection tests
// (ignored and hidden paths, links in and out of the tree, a nested
// repository, unreadable and oversized files) and files of both kinds.
func TestWalkWithMatchesTwoWalks(t *testing.T) {
	repo, _ := buildRepo(t)
	addUnreadable(t, repo, repoFiles, repoSkipped)
	write(t, filepath.Join(repo, "App.xcodeproj", "project.pbxproj"), "// !$*UTF8*$!\n{}\n")
	write(t, filepath.Join(repo, "Config", "Base.xcconfig"), "A = 1\n")
	write(t, filepath.Join(repo, "Vendor", "Lib", "Lib.xcconfig"), "B = 2\n") // ignored by Vendor/**
	write(t, filepath.Join(repo, "Package.swift"), "// swift-tools-version:5.9\n")
	t.Chdir(repo)
	// Project-like names, and every Swift file whose name has an "e":
	// some files are in both selections.
	pick := func(dir, name string) bool {
		return name == "Package.swift" || name == "project.pbxproj" || strings.HasSuffix(name, ".xcconfig") ||
			(strings.HasSuffix(name, ".swift") && strings.Contains(name, "e"))
	}
	for _, roots := range [][]string{{"."}, {"App.swift", ".", "Sources", filepath.Join(repo, "Package.swift")}, {"Sources", "Config"}} {
		wantFiles, wantSkipped, err := Walk(roots, Options{MaxFileSize: 1000}, nil)
		if err != nil {
			t.Fatal(err)
		}
		wantM, wantMSkipped := CollectMatching(roots, Options{MaxFileSize: 1000}, pick)
		m := &Matching{Pick: pick}
		var found int
		files, skipped, err := WalkWith(roots, Options{MaxFileSize: 1000}, func(File) { found++ }, m)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(files, wantFiles) || !reflect.DeepEqual(skipped, wantSkipped) || found < len(files) {
			t.Errorf("%v: sources differ from Walk's:\n%v %v\nwant\n%v %v", roots, files, skipped, wantFiles, wantSkipped)
		}
		if !reflect.DeepEqual(m.Files, wantM) || !reflect.DeepEqual(m.Skipped, wantMSkipped) {
			t.Errorf("%v: the selection differs from CollectMatching's:\n%v %v\nwant\n%v %v", roots, m.Files, m.Skipped, wantM, wantMSkipped)
		}
		if len(wantM) < 3 {
			t.Errorf("%v: the selection has %d files: the test shows little", roots, len(wantM))
		}
	}
}
