package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// countOpens counts, by path, the files package source opens for reading
// until the test ends.
func countOpens(t *testing.T) map[string]int {
	t.Helper()
	opens := map[string]int{}
	old := openFile
	openFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		opens[name]++
		return old(name, flag, perm)
	}
	t.Cleanup(func() { openFile = old })
	return opens
}

// A scan opens each source file once: Collect looks only at the directory
// entries and sizes, and Read does the size, regular-file and binary
// checks on the one open file. Read's buffer is exactly the file's size.
func TestCollectAndReadOpenEachFileOnce(t *testing.T) {
	dir := tempDir(t)
	t.Chdir(dir)
	write(t, filepath.Join(dir, "A.swift"), "SecItemAdd(q, nil)\n")
	write(t, filepath.Join(dir, "Sub", "B.m"), strings.Repeat("// comment\n", 1000))
	write(t, filepath.Join(dir, "Empty.c"), "")
	write(t, filepath.Join(dir, "Blob.swift"), "abc\x00def")
	opens := countOpens(t)

	files, skipped, err := Collect([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertSkipped(t, skipped, nil)
	if len(opens) != 0 {
		t.Errorf("Collect opened %v, want no file opened", opens)
	}
	if len(files) != 4 {
		t.Fatalf("collected %v, want the four files (Blob.swift too: only Read looks inside)", files)
	}
	for _, f := range files {
		data, err := Read(f, Options{})
		if f.Path == "Blob.swift" {
			if !errors.Is(err, ErrBinary) {
				t.Errorf("Read(Blob.swift) error = %v, want ErrBinary", err)
			}
		} else if err != nil {
			t.Errorf("Read(%s): %v", f.Path, err)
		} else if fi, err := os.Stat(f.Abs); err != nil || int64(len(data)) != fi.Size() || cap(data) != len(data) {
			t.Errorf("Read(%s): %d bytes in a buffer of %d, want the file's size", f.Path, len(data), cap(data))
		}
		if n := opens[f.Abs]; n != 1 {
			t.Errorf("%s opened %d times, want once", f.Path, n)
		}
	}
}

// A file that shrinks or grows after Read's fstat is read as it is then,
// within the limit.
func TestReadSize(t *testing.T) {
	dir := tempDir(t)
	p := filepath.Join(dir, "F.swift")
	write(t, p, "0123456789")
	for _, tc := range []struct {
		name        string
		size, limit int64
		want        string
		tooLarge    bool
	}{
		{"exact", 10, 100, "0123456789", false},
		{"shrank", 20, 100, "0123456789", false},
		{"grew", 4, 100, "0123456789", false},
		{"grew past the limit", 4, 8, "", true},
	} {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		data, err := readSize(fh, tc.size, tc.limit)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if tc.tooLarge {
			if int64(len(data)) != tc.limit+1 {
				t.Errorf("%s: %d bytes, want limit+1 = %d so that the caller sees it is too large", tc.name, len(data), tc.limit+1)
			}
			continue
		}
		if string(data) != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, data, tc.want)
		}
	}
}
