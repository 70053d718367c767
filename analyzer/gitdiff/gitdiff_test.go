package gitdiff_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/gitdiff"
	"github.com/keychainlint/keychainlint/internal/gittest"
)

func TestParse(t *testing.T) {
	diff := `diff --git a/A.swift b/A.swift
index 1111111..2222222 100644
--- a/A.swift
+++ b/A.swift
@@ -3 +3 @@ func a() {
-old
+new
@@ -5,0 +6,2 @@ func a() {
+x
+y
@@ -8 +9,0 @@
-gone
diff --git a/Old.swift b/Old.swift
deleted file mode 100644
--- a/Old.swift
+++ /dev/null
@@ -1,3 +0,0 @@
-a
-b
-c
diff --git "a/Sp ace/\303\234.swift" "b/Sp ace/\303\234.swift"
--- "a/Sp ace/\303\234.swift"
+++ "b/Sp ace/\303\234.swift"
@@ -1,2 +1,3 @@
+++ not a header: a line added with text "++ ..."
diff --git a/Bin.png b/Bin.png
Binary files a/Bin.png and b/Bin.png differ
diff --git a/From.swift b/To.swift
similarity index 90%
rename from From.swift
rename to To.swift
--- a/From.swift
+++ b/To.swift
@@ -10 +10 @@
-a
+b
`
	got, err := gitdiff.Parse(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]gitdiff.Range{
		"A.swift":        {{3, 1}, {6, 2}},
		"Sp ace/Ü.swift": {{1, 3}},
		"To.swift":       {{10, 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse:\n%v\nwant\n%v", got, want)
	}
	for _, bad := range []string{
		"diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +z @@\n",
		"diff --git a/x b/x\n--- a/x\n+++ x\n",
	} {
		if _, err := gitdiff.Parse(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func lines(n int, prefix string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(prefix)
		b.WriteString(strings.Repeat("x", i))
		b.WriteString("\n")
	}
	return b.String()
}

func TestChanged(t *testing.T) {
	r := gittest.New(t)
	r.Write("App/A.swift", lines(10, "a"))
	r.Write("App/B.swift", lines(5, "b"))
	r.Write("Lib/Sp ace/Ünï.swift", lines(4, "u"))
	r.Write(".gitignore", "Ignored.swift\n")
	base := r.Commit("base")

	// Committed since base: line 2 of B changed.
	r.Write("App/B.swift", strings.Replace(lines(5, "b"), "bxx\n", "bCHANGED\n", 1))
	r.Commit("change B")
	// Uncommitted: A's line 3 changed, two lines inserted after line 5,
	// line 8 deleted; Ünï's line 4 changed; a new untracked file; an
	// ignored one.
	a := strings.Split(lines(10, "a"), "\n")
	a[2] = "aCHANGED"
	a = append(a[:5], append([]string{"new1", "new2"}, a[5:]...)...)
	a = append(a[:9], a[10:]...) // original line 8
	r.Write("App/A.swift", strings.Join(a, "\n"))
	r.Write("Lib/Sp ace/Ünï.swift", strings.Replace(lines(4, "u"), "uxxxx\n", "uCHANGED\n", 1))
	r.Write("App/New.swift", "n\nn\n")
	r.Write("App/Ignored.swift", "i\n")

	c, err := gitdiff.Changed(context.Background(), r.Dir, base, []string{r.Dir})
	if err != nil {
		t.Fatal(err)
	}
	p := func(name string) string { return filepath.Join(r.Dir, filepath.FromSlash(name)) }
	for _, tc := range []struct {
		file string
		line int
		want bool
	}{
		{"App/A.swift", 2, false},
		{"App/A.swift", 3, true},
		{"App/A.swift", 5, false},
		{"App/A.swift", 6, true},
		{"App/A.swift", 7, true},
		{"App/A.swift", 8, false},  // original line 6, moved down
		{"App/A.swift", 10, false}, // original line 9, after the deleted one
		{"App/B.swift", 2, true},   // committed after base
		{"App/B.swift", 3, false},
		{"Lib/Sp ace/Ünï.swift", 4, true},
		{"Lib/Sp ace/Ünï.swift", 3, false},
		{"App/New.swift", 1, true}, // untracked: every line is new
		{"App/New.swift", 2, true},
		{"App/Ignored.swift", 1, false},
	} {
		if got := c.Contains(p(tc.file), tc.line); got != tc.want {
			t.Errorf("%s:%d changed = %v, want %v", tc.file, tc.line, got, tc.want)
		}
	}

	// Relative paths resolve against the working directory.
	t.Chdir(r.Dir)
	if !c.Contains("App/A.swift", 3) || c.Contains("App/A.swift", 2) {
		t.Errorf("relative paths are not resolved")
	}

	// Restricting to a path leaves out the rest.
	c, err = gitdiff.Changed(context.Background(), r.Dir, base, []string{"Lib"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Contains(p("App/A.swift"), 3) || !c.Contains(p("Lib/Sp ace/Ünï.swift"), 4) {
		t.Errorf("paths do not restrict the diff: %v", c.Lines)
	}

	// Revisions: HEAD is the last commit.
	c, err = gitdiff.Changed(context.Background(), r.Dir, "HEAD", nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Contains(p("App/B.swift"), 2) || !c.Contains(p("App/A.swift"), 3) {
		t.Errorf("since HEAD: committed changes must not count, uncommitted ones must")
	}
}

func TestChangedErrors(t *testing.T) {
	r := gittest.New(t)
	r.Write("A.swift", "a\n")
	r.Commit("one")
	for _, tc := range []struct{ dir, rev, want string }{
		{r.Dir, "nosuchbranch", `"nosuchbranch" is not a commit`},
		{r.Dir, "--output=/tmp/x", "is not a revision"},
		{r.Dir, "", "is not a revision"},
		{t.TempDir(), "HEAD", "not a git repository"},
	} {
		_, err := gitdiff.Changed(context.Background(), tc.dir, tc.rev, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Changed(%s, %q): error %v, want %q", tc.dir, tc.rev, err, tc.want)
		}
	}
}

// git C-quotes a name with a quote, a backslash or a control character, and
// ends a name that holds a space with a tab, quoted or not: such a change
// is read, not an error that fails the whole run.
func TestChangedQuotedNamesWithSpaces(t *testing.T) {
	r := gittest.New(t)
	names := []string{`Lib/x "y" z.swift`, `Lib/back\slash name.swift`, "Lib/tab\there.swift"}
	for _, n := range names {
		r.Write(n, lines(3, "q"))
	}
	base := r.Commit("base")
	for _, n := range names {
		r.Write(n, strings.Replace(lines(3, "q"), "qxx\n", "qCHANGED\n", 1))
	}
	c, err := gitdiff.Changed(context.Background(), r.Dir, base, []string{r.Dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		p := filepath.Join(r.Dir, filepath.FromSlash(n))
		if !c.Contains(p, 2) || c.Contains(p, 1) {
			t.Errorf("%q: changed lines %v, want line 2 only", n, c.Lines)
		}
	}
}
