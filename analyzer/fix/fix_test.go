package fix

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestApply(t *testing.T) {
	src := []byte("let a = kSecAttrKeyTypeEC\nlet b = 1\n")
	fixes := []Fix{
		{Edits: []Edit{{Start: 8, End: 25, New: "kSecAttrKeyTypeECSECPrimeRandom"}}},
		{Edits: []Edit{{Start: 10, End: 12, New: "X"}}},                                      // overlaps the first: left out
		{Edits: []Edit{{Start: 34, End: 35, New: "2"}, {Start: 26, End: 26, New: "// b\n"}}}, // two edits, out of order
		{Edits: []Edit{{Start: 30, End: 99, New: ""}}},                                       // outside the source
		{Edits: []Edit{{Start: 26, End: 26, New: "?"}}},                                      // inserts where fix 2 inserts
	}
	out, applied := Apply(src, fixes)
	want := "let a = kSecAttrKeyTypeECSECPrimeRandom\n// b\nlet b = 2\n"
	if string(out) != want {
		t.Errorf("Apply = %q, want %q", out, want)
	}
	if wantApplied := []bool{true, false, true, false, false}; !equal(applied, wantApplied) {
		t.Errorf("applied %v, want %v", applied, wantApplied)
	}
	if string(src) != "let a = kSecAttrKeyTypeEC\nlet b = 1\n" {
		t.Errorf("Apply changed its input")
	}
	// A fix whose own edits overlap is left out whole.
	if _, applied := Apply(src, []Fix{{Edits: []Edit{{Start: 0, End: 5, New: "a"}, {Start: 3, End: 4, New: "b"}}}}); applied[0] {
		t.Errorf("a self-overlapping fix was applied")
	}
}

func equal(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The diff is checked by git itself: git apply must turn the old text
// into the new one, hunk headers and "No newline" markers included.
func TestDiffAppliesWithGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	var long bytes.Buffer
	for i := 0; i < 40; i++ {
		long.WriteString("line\n")
	}
	cases := []struct {
		name  string
		src   string
		edits []Edit
	}{
		{"one token", "a\nb kSecX c\nd\n", []Edit{{Start: 4, End: 9, New: "kSecY"}}},
		{"two on one line", "x = A + B\n", []Edit{{Start: 4, End: 5, New: "AA"}, {Start: 8, End: 9, New: "BB"}}},
		{"far apart", long.String(), []Edit{{Start: 0, End: 4, New: "first"}, {Start: 180, End: 184, New: "last"}}},
		{"near", long.String(), []Edit{{Start: 10, End: 14, New: "L3"}, {Start: 40, End: 44, New: "L9"}}},
		{"adds lines", "a\nb\nc\n", []Edit{{Start: 2, End: 2, New: "new1\nnew2\n"}}},
		{"removes a line", "a\nb\nc\n", []Edit{{Start: 2, End: 4, New: ""}}},
		{"no final newline", "a\nb", []Edit{{Start: 2, End: 3, New: "B"}}},
		{"append at end", "a\nb\n", []Edit{{Start: 4, End: 4, New: "c\n"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Diff("a/f.swift", "b/f.swift", []byte(c.src), c.edits)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := ApplyEdits([]byte(c.src), c.edits)
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "f.swift"), []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "p.diff"), d, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("git", "apply", "--unsafe-paths", "p.diff")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\ndiff:\n%s", err, out, d)
			}
			got, _ := os.ReadFile(filepath.Join(dir, "f.swift"))
			if string(got) != string(want) {
				t.Errorf("after git apply:\n%q\nwant\n%q\ndiff:\n%s", got, want, d)
			}
		})
	}
	if d, _ := Diff("a", "b", []byte("x"), nil); d != nil {
		t.Errorf("no edits: diff %q", d)
	}
}
