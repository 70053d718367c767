package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// write creates a file with content, and its parent directories.
func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// tempDir returns a fresh temporary directory with symbolic links resolved
// (on macOS t.TempDir is below the /var -> /private/var link).
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// fileRow is a File without Abs, for compact expectations.
type fileRow struct {
	Path string
	Lang model.Lang
}

func rows(files []File) []fileRow {
	var out []fileRow
	for _, f := range files {
		out = append(out, fileRow{f.Path, f.Lang})
	}
	return out
}

func sortedRows(r []fileRow) []fileRow {
	r = slices.Clone(r)
	slices.SortFunc(r, func(a, b fileRow) int { return strings.Compare(a.Path, b.Path) })
	return r
}

func sortedSkipped(s []Skipped) []Skipped {
	s = slices.Clone(s)
	slices.SortFunc(s, func(a, b Skipped) int { return strings.Compare(a.Path, b.Path) })
	return s
}

func assertFiles(t *testing.T, got []File, want []fileRow) {
	t.Helper()
	if !slices.Equal(rows(got), want) {
		t.Errorf("files:\n got  %v\n want %v", rows(got), want)
	}
}

func assertSkipped(t *testing.T, got, want []Skipped) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("skipped:\n got  %q\n want %q", got, want)
	}
}

// buildRepo creates a repository with every case Collect handles and
// returns its path and a sibling directory outside it. The caller's
// MaxFileSize must be below 2000 and at least 100.
func buildRepo(t *testing.T) (repo, outside string) {
	base := tempDir(t)
	if findRepoRoot(base) != "" {
		t.Fatalf("the temporary directory %s is inside a git repository; the test needs a clean tree", base)
	}
	repo = filepath.Join(base, "repo")
	outside = filepath.Join(base, "outside")
	write(t, filepath.Join(outside, "Outside.swift"), "let o = kSecClass\n")

	// The repository: .git with info/exclude and a module directory for
	// the nested repository Sub.
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(repo, ".git", "info", "exclude"), "# git ls-files --others --exclude-from=.git/info/exclude\nExcluded.swift\n")
	write(t, filepath.Join(repo, ".git", "G.swift"), "")
	write(t, filepath.Join(repo, ".git", "modules", "Sub", "info", "exclude"), "SubExcluded.swift\n")
	write(t, filepath.Join(repo, ".gitignore"), strings.Join([]string{
		"# generated code",
		"*.generated.swift",
		"/Secrets.swift",
		"logs/",
		"Vendor/**",
		"!Vendor/Keep.swift",
		"Generated/",
		"!Generated/Keep.swift",
		"",
	}, "\n"))

	write(t, filepath.Join(repo, "App.swift"), "SecItemAdd(query as CFDictionary, nil)\n")
	write(t, filepath.Join(repo, "Secrets.swift"), "let s = 1\n")
	write(t, filepath.Join(repo, "Excluded.swift"), "")
	write(t, filepath.Join(repo, "Foo.generated.swift"), "")
	write(t, filepath.Join(repo, "README.md"), "# repo\n")
	write(t, filepath.Join(repo, ".Dot.swift"), "")
	write(t, filepath.Join(repo, "Big.swift"), strings.Repeat("// padding\n", 200)) // 2200 bytes
	write(t, filepath.Join(repo, "Blob.swift"), "abc\x00def")
	symlink(t, "Loop.swift", filepath.Join(repo, "Loop.swift"))
	symlink(t, "missing.swift", filepath.Join(repo, "Dangling.swift"))
	symlink(t, "Sources/Impl.m", filepath.Join(repo, "Alias.m"))
	symlink(t, "../outside/Outside.swift", filepath.Join(repo, "OutLink.swift"))
	symlink(t, "logs/Log.swift", filepath.Join(repo, "InLink.swift"))
	symlink(t, "README.md", filepath.Join(repo, "ReadmeLink"))

	src := filepath.Join(repo, "Sources")
	write(t, filepath.Join(src, "Secrets.swift"), "")
	write(t, filepath.Join(src, "Bridge.h"), "")
	write(t, filepath.Join(src, "Impl.m"), "")
	write(t, filepath.Join(src, "Legacy.c"), "")
	write(t, filepath.Join(src, "Mixed.mm"), "")
	write(t, filepath.Join(src, "Z.generated.swift"), "")
	write(t, filepath.Join(src, ".hidden", "H.swift"), "")
	symlink(t, "..", filepath.Join(src, "Up"))            // a loop if followed
	symlink(t, "../Pods", filepath.Join(src, "Pods"))     // skipped name: silent
	symlink(t, "Nested", filepath.Join(src, ".NestLink")) // hidden: silent
	write(t, filepath.Join(src, "Nested", ".gitignore"), "*.swift\n!Wanted.swift\n/Local.m\n")
	write(t, filepath.Join(src, "Nested", "Wanted.swift"), "")
	write(t, filepath.Join(src, "Nested", "Other.swift"), "")
	write(t, filepath.Join(src, "Nested", "Local.m"), "")
	write(t, filepath.Join(src, "Nested", "Deep", "Local.m"), "")
	write(t, filepath.Join(src, "Nested", "Deep", "Other.swift"), "")

	for _, dir := range []string{"Pods", "Carthage", "DerivedData", "build", ".build", "node_modules", ".swiftpm"} {
		write(t, filepath.Join(repo, dir, "X.swift"), "")
	}
	write(t, filepath.Join(repo, "Vendor", "Lib.swift"), "")
	write(t, filepath.Join(repo, "Vendor", "Keep.swift"), "")
	write(t, filepath.Join(repo, "Generated", "Keep.swift"), "")
	write(t, filepath.Join(repo, "logs", "Log.swift"), "")

	// A nested repository: the outer rules stop applying inside.
	write(t, filepath.Join(repo, "Sub", ".git"), "gitdir: ../.git/modules/Sub\n")
	write(t, filepath.Join(repo, "Sub", ".gitignore"), "Ignored.swift\n")
	write(t, filepath.Join(repo, "Sub", "X.generated.swift"), "")
	write(t, filepath.Join(repo, "Sub", "SubExcluded.swift"), "")
	write(t, filepath.Join(repo, "Sub", "Ignored.swift"), "")
	return repo, outside
}

// repoFiles and repoSkipped are what Collect finds in buildRepo's tree
// from its root, with MaxFileSize 1000, before the unreadable entries.
var repoFiles = []fileRow{
	{".Dot.swift", model.Swift},
	{"App.swift", model.Swift},
	{"Blob.swift", model.Swift}, // binary: Read refuses it, Collect does not open it
	{"InLink.swift", model.Swift},
	{"Sources/Bridge.h", model.ObjC},
	{"Sources/Impl.m", model.ObjC},
	{"Sources/Legacy.c", model.C},
	{"Sources/Mixed.mm", model.ObjC},
	{"Sources/Nested/Deep/Local.m", model.ObjC},
	{"Sources/Nested/Wanted.swift", model.Swift},
	{"Sources/Secrets.swift", model.Swift},
	{"Sub/X.generated.swift", model.Swift},
	{"Vendor/Keep.swift", model.Swift},
}

var repoSkipped = []Skipped{
	{"Big.swift", "larger than 1000 bytes (limit --max-file-size)"},
	{"Dangling.swift", "broken symbolic link"},
	{"Loop.swift", "symbolic link loop"},
	{"OutLink.swift", "symbolic link to a file outside the scanned tree"},
	{"Sources/Up", "symbolic link to a directory (not followed)"},
}

// addUnreadable adds a file and a directory with mode 000 to repo and
// returns the expected outputs for them: the file is collected (Collect
// does not open files; Read says "permission denied"), the directory is
// walked when the process can list it anyway (root, or a file system that
// ignores modes) and skipped with "permission denied" otherwise.
func addUnreadable(t *testing.T, repo string, files []fileRow, skipped []Skipped) ([]fileRow, []Skipped) {
	t.Helper()
	locked := filepath.Join(repo, "Locked.swift")
	lockedDir := filepath.Join(repo, "LockedDir")
	write(t, locked, "let l = 1\n")
	write(t, filepath.Join(lockedDir, "L.swift"), "let l = 2\n")
	for _, p := range []string{locked, lockedDir} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	files, skipped = slices.Clone(files), slices.Clone(skipped)
	files = append(files, fileRow{"Locked.swift", model.Swift})
	if _, err := os.ReadDir(lockedDir); err == nil {
		t.Logf("mode 000 does not stop this process from listing directories: expecting LockedDir/L.swift to be scanned")
		files = append(files, fileRow{"LockedDir/L.swift", model.Swift})
	} else if errors.Is(err, fs.ErrPermission) {
		skipped = append(skipped, Skipped{"LockedDir", "permission denied"})
	} else {
		t.Fatalf("listing the mode 000 directory: %v", err)
	}
	return sortedRows(files), sortedSkipped(skipped)
}

func TestCollectRepo(t *testing.T) {
	repo, _ := buildRepo(t)
	wantFiles, wantSkipped := addUnreadable(t, repo, repoFiles, repoSkipped)
	t.Chdir(repo)

	files, skipped, err := Collect([]string{"."}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, wantFiles)
	assertSkipped(t, skipped, wantSkipped)
	for _, f := range files {
		if want := filepath.Join(repo, f.Path); f.Abs != want {
			t.Errorf("%s: Abs = %q, want %q", f.Path, f.Abs, want)
		}
	}

	// The same tree named in many overlapping ways gives the same result.
	files2, skipped2, err := Collect([]string{"App.swift", ".", "Sources", "./Sources/Impl.m", filepath.Join(repo, "App.swift"), repo, "../repo/Sources/Nested"}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files2, wantFiles)
	assertSkipped(t, skipped2, wantSkipped)

	// Without a size limit the big file is scanned.
	files3, _, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(rows(files3), fileRow{"Big.swift", model.Swift}) {
		t.Errorf("MaxFileSize 0: Big.swift not collected: %v", rows(files3))
	}
}

func TestCollectSubdirectoryUsesRepositoryRules(t *testing.T) {
	repo, _ := buildRepo(t)
	t.Chdir(filepath.Join(repo, "Sources"))

	// The root .gitignore (*.generated.swift) applies to a scan of a
	// subdirectory, and so does the nested one.
	files, skipped, err := Collect([]string{"."}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{
		{"Bridge.h", model.ObjC},
		{"Impl.m", model.ObjC},
		{"Legacy.c", model.C},
		{"Mixed.mm", model.ObjC},
		{"Nested/Deep/Local.m", model.ObjC},
		{"Nested/Wanted.swift", model.Swift},
		{"Secrets.swift", model.Swift},
	})
	assertSkipped(t, skipped, []Skipped{{"Up", ReasonDirLink}})

	// Only the nested directory: its anchored /Local.m is relative to it.
	files, skipped, err = Collect([]string{"Nested"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"Nested/Deep/Local.m", model.ObjC}, {"Nested/Wanted.swift", model.Swift}})
	assertSkipped(t, skipped, nil)

	// A root above the working directory: files below the working
	// directory are printed relative to it, the others as found.
	files, _, err = Collect([]string{".."}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var want []fileRow
	for _, r := range repoFiles {
		if p, ok := strings.CutPrefix(r.Path, "Sources/"); ok {
			r.Path = p
		} else {
			r.Path = filepath.Join("..", r.Path)
		}
		want = append(want, r)
	}
	assertFiles(t, files, sortedRows(want))
}

func TestCollectExplicitRoots(t *testing.T) {
	repo, outside := buildRepo(t)
	t.Chdir(repo)
	opt := Options{MaxFileSize: 1000}

	tests := []struct {
		name    string
		roots   []string
		files   []fileRow
		skipped []Skipped
	}{
		{"an ignored file named explicitly is scanned",
			[]string{"Secrets.swift", "Excluded.swift", "logs/Log.swift"},
			[]fileRow{{"Excluded.swift", model.Swift}, {"Secrets.swift", model.Swift}, {"logs/Log.swift", model.Swift}}, nil},
		{"a file in a skipped or hidden directory named explicitly is scanned",
			[]string{"Pods/X.swift", ".build/X.swift", "Sources/.hidden/H.swift"},
			[]fileRow{{".build/X.swift", model.Swift}, {"Pods/X.swift", model.Swift}, {"Sources/.hidden/H.swift", model.Swift}}, nil},
		{"an ignored directory named explicitly is walked",
			[]string{"logs"},
			[]fileRow{{"logs/Log.swift", model.Swift}}, nil},
		{"a skipped or hidden directory named explicitly is walked",
			[]string{"Pods", ".swiftpm", "Sources/.hidden"},
			[]fileRow{{".swiftpm/X.swift", model.Swift}, {"Pods/X.swift", model.Swift}, {"Sources/.hidden/H.swift", model.Swift}}, nil},
		{"a file with an unknown extension named explicitly is skipped",
			[]string{"README.md", "ReadmeLink"},
			nil, []Skipped{{"README.md", ReasonUnknownLang}, {"ReadmeLink", ReasonUnknownLang}}},
		{"a symbolic link to a file named explicitly is followed",
			[]string{"Alias.m"},
			[]fileRow{{"Alias.m", model.ObjC}}, nil},
		{"a link loop named explicitly",
			[]string{"Loop.swift"},
			nil, []Skipped{{"Loop.swift", ReasonLoop}}},
		{"big files named explicitly are still checked; binary ones are left to Read",
			[]string{"Blob.swift", "Big.swift"},
			[]fileRow{{"Blob.swift", model.Swift}}, []Skipped{{"Big.swift", "larger than 1000 bytes (limit --max-file-size)"}}},
		{"an absolute root below the working directory prints relative paths",
			[]string{filepath.Join(repo, "Sources", "Nested")},
			[]fileRow{{"Sources/Nested/Deep/Local.m", model.ObjC}, {"Sources/Nested/Wanted.swift", model.Swift}}, nil},
		{"an absolute root outside the working directory prints absolute paths",
			[]string{outside, filepath.Join(outside, "Outside.swift")},
			[]fileRow{{filepath.Join(outside, "Outside.swift"), model.Swift}}, nil},
		{"a relative root outside the working directory prints paths as found",
			[]string{"../outside/"},
			[]fileRow{{"../outside/Outside.swift", model.Swift}}, nil},
		{"no roots",
			nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, skipped, err := Collect(tt.roots, opt)
			if err != nil {
				t.Fatal(err)
			}
			assertFiles(t, files, tt.files)
			assertSkipped(t, skipped, tt.skipped)
		})
	}
}

func TestCollectMissingRoot(t *testing.T) {
	repo, _ := buildRepo(t)
	t.Chdir(repo)
	for _, tt := range []struct {
		roots []string
		msg   string
	}{
		{[]string{".", "nope"}, "keychainlint: nope: no such file or directory"},
		{[]string{"Sources/Nope.swift", "nope"}, "keychainlint: Sources/Nope.swift: no such file or directory"},
		{[]string{"Dangling.swift"}, "keychainlint: Dangling.swift: no such file or directory"},
		{[]string{"App.swift/x"}, "keychainlint: App.swift/x: no such file or directory"},
		{[]string{filepath.Join(repo, "gone")}, "keychainlint: " + filepath.Join(repo, "gone") + ": no such file or directory"},
	} {
		files, skipped, err := Collect(tt.roots, Options{})
		if err == nil || err.Error() != tt.msg {
			t.Errorf("Collect(%q) error = %v, want %q", tt.roots, err, tt.msg)
		}
		if files != nil || skipped != nil {
			t.Errorf("Collect(%q) returned results with the error: %v %v", tt.roots, files, skipped)
		}
	}
	_, _, err := Collect([]string{"nope"}, Options{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v does not match fs.ErrNotExist", err)
	}
}

func TestCollectWithoutRepository(t *testing.T) {
	base := tempDir(t)
	if findRepoRoot(base) != "" {
		t.Fatalf("the temporary directory %s is inside a git repository; the test needs a clean tree", base)
	}
	outer := filepath.Join(base, "outer")
	proj := filepath.Join(outer, "proj")
	// Outside a repository, .gitignore files above the root do not apply.
	write(t, filepath.Join(outer, ".gitignore"), "*.swift\n")
	write(t, filepath.Join(proj, ".gitignore"), "B.swift\n/Root.m\n")
	write(t, filepath.Join(proj, "A.swift"), "")
	write(t, filepath.Join(proj, "B.swift"), "")
	write(t, filepath.Join(proj, "Root.m"), "")
	write(t, filepath.Join(proj, "sub", "Root.m"), "")
	write(t, filepath.Join(proj, "sub", ".gitignore"), "!B.swift\n")
	write(t, filepath.Join(proj, "sub", "B.swift"), "")
	t.Chdir(base)

	files, skipped, err := Collect([]string{"outer/proj"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{
		{"outer/proj/A.swift", model.Swift},
		{"outer/proj/sub/B.swift", model.Swift},
		{"outer/proj/sub/Root.m", model.ObjC},
	})
	assertSkipped(t, skipped, nil)

	// From outer, its own .gitignore applies to everything below, and
	// the deeper ones still override it.
	files, _, err = Collect([]string{"outer"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"outer/proj/sub/B.swift", model.Swift}, {"outer/proj/sub/Root.m", model.ObjC}})
}

func TestCollectWorktreeGitFile(t *testing.T) {
	// A linked worktree: .git is a file pointing into the main
	// repository's .git/worktrees/<name>, whose commondir holds
	// info/exclude.
	base := tempDir(t)
	main := filepath.Join(base, "main")
	wt := filepath.Join(base, "wt")
	write(t, filepath.Join(main, ".git", "info", "exclude"), "Excluded.swift\n")
	write(t, filepath.Join(main, ".git", "worktrees", "wt", "commondir"), "../..\n")
	write(t, filepath.Join(wt, ".git"), "gitdir: "+filepath.Join(main, ".git", "worktrees", "wt")+"\n")
	write(t, filepath.Join(wt, "Excluded.swift"), "")
	write(t, filepath.Join(wt, "Kept.swift"), "")
	t.Chdir(wt)

	files, _, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"Kept.swift", model.Swift}})
}

func TestCollectSymlinkedGitignoreIsNotRead(t *testing.T) {
	base := tempDir(t)
	write(t, filepath.Join(base, "rules"), "*.swift\n")
	symlink(t, "rules", filepath.Join(base, ".gitignore"))
	write(t, filepath.Join(base, "A.swift"), "")
	t.Chdir(base)
	files, _, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{"A.swift", model.Swift}})
}

func TestCollectExplicitDirectoryLink(t *testing.T) {
	repo, _ := buildRepo(t)
	t.Chdir(repo)
	// Sources/Up -> .. is followed as a root, so the whole repository is
	// scanned through it, with the repository's rules. Alias.m is the same
	// file as Sources/Up/Sources/Impl.m; it comes first in path order.
	files, skipped, err := Collect([]string{"Alias.m", "Sources/Up"}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := []fileRow{{"Alias.m", model.ObjC}}
	for _, r := range repoFiles {
		if r.Path != "Sources/Impl.m" {
			want = append(want, fileRow{"Sources/Up/" + r.Path, r.Lang})
		}
	}
	var wantSkipped []Skipped
	for _, s := range repoSkipped {
		wantSkipped = append(wantSkipped, Skipped{"Sources/Up/" + s.Path, s.Reason})
	}
	assertFiles(t, files, sortedRows(want))
	assertSkipped(t, skipped, sortedSkipped(wantSkipped))
}

// TestCollectPathologicalGitignore walks a tree 14 deep with a .gitignore
// line of 20 "**" elements and one of "**/d/" 20 times, which made the old
// recursive matcher backtrack for ever (the bound on the work is checked
// in TestGitignorePathologicalPatterns).
func TestCollectPathologicalGitignore(t *testing.T) {
	base := tempDir(t)
	write(t, filepath.Join(base, ".gitignore"),
		strings.Repeat("**/", 20)+"x\n"+strings.Repeat("**/d/", 20)+"y\n"+strings.Repeat("**/", 20)+"Ignored.swift\n")
	deep := filepath.Join(base, filepath.FromSlash(strings.Repeat("d/", 14)))
	write(t, filepath.Join(deep, "A.swift"), "")
	write(t, filepath.Join(deep, "Ignored.swift"), "")
	t.Chdir(base)
	files, skipped, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertFiles(t, files, []fileRow{{strings.Repeat("d/", 14) + "A.swift", model.Swift}})
	assertSkipped(t, skipped, nil)
}
