package config

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkResolverWalk asks for the settings of every file of a walk as a
// scan does (2,000 files in 200 directories four levels below a
// repository with one configuration file), from a fresh resolver each time:
// the cost per scan of reading the configuration for each file.
func BenchmarkResolverWalk(b *testing.B) {
	repo := b.TempDir()
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, FileName), []byte("exclude: [\"Vendor/**\"]\noverrides:\n  - paths: [\"**/Tests/**\"]\n    severity: {deletelimit: note}\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	var files []string
	for d := 0; d < 200; d++ {
		dir := filepath.Join(repo, "Sources", fmt.Sprint("m", d%10), fmt.Sprint("d", d))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for f := 0; f < 10; f++ {
			files = append(files, filepath.Join(dir, fmt.Sprint("F", f, ".swift")))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		r, err := NewResolver(testRules, "", false, Flags{})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			if _, err := r.ForFile(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}
