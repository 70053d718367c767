package gitdiff_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/gitdiff"
	"github.com/keychainlint/keychainlint/internal/gittest"
)

// Revision.Read gives a file's content at the revision: the committed
// bytes, not the work tree's, and nothing for what is no regular file
// there.
func TestRevisionRead(t *testing.T) {
	repo := gittest.New(t)
	repo.Write("App/App.entitlements", "old\n")
	repo.Write("App/Big.plist", "0123456789")
	if err := os.Symlink("App.entitlements", filepath.Join(repo.Dir, "App", "Link.entitlements")); err != nil {
		t.Fatal(err)
	}
	first := repo.Commit("first")
	repo.Write("App/App.entitlements", "new\n")
	repo.Write("App/New.entitlements", "untracked\n")
	repo.Commit("second")
	ctx := context.Background()
	c, err := gitdiff.Changed(ctx, repo.Dir, first, nil)
	if err != nil {
		t.Fatal(err)
	}
	at := c.At(ctx, first)
	if got, ok := at.Read(filepath.Join(repo.Dir, "App", "App.entitlements"), 0); !ok || string(got) != "old\n" {
		t.Errorf("App.entitlements at the first commit: %q, %v", got, ok)
	}
	for _, tc := range []struct {
		path  string
		limit int64
		ok    bool
	}{
		{"App/New.entitlements", 0, false},  // absent there
		{"App/Link.entitlements", 0, false}, // a symbolic link there
		{"App", 0, false},                   // a tree
		{"App/Big.plist", 9, false},         // over the limit
		{"App/Big.plist", 10, true},
		{"../outside.plist", 0, false},
	} {
		if _, ok := at.Read(filepath.Join(repo.Dir, filepath.FromSlash(tc.path)), tc.limit); ok != tc.ok {
			t.Errorf("Read(%s, %d): %v, want %v", tc.path, tc.limit, ok, tc.ok)
		}
	}
	// A relative path is relative to the working directory.
	t.Chdir(filepath.Join(repo.Dir, "App"))
	if got, ok := at.Read("App.entitlements", 0); !ok || string(got) != "old\n" {
		t.Errorf("relative path: %q, %v", got, ok)
	}
}
