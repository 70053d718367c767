// Command gencorpus writes a synthetic corpus of Swift, Objective-C and C
// files (see package corpusgen) for timing keychainlint:
//
//	go run ./internal/corpusgen/cmd/gencorpus -dir /tmp/corpus -n 1000
//	time go run ./cmd/keychainlint /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/keychainlint/keychainlint/internal/corpusgen"
)

func main() {
	dir := flag.String("dir", "corpus", "directory to write the files into (created if needed)")
	n := flag.Int("n", 1000, "number of files")
	seed := flag.Int64("seed", 1, "random seed; the same -n and -seed give the same files")
	flag.Parse()
	if flag.NArg() > 0 || *n < 0 {
		flag.Usage()
		os.Exit(2)
	}
	total, err := corpusgen.Generate(*dir, *n, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d files, %d bytes (%.1f MB) to %s\n", *n, total, float64(total)/(1<<20), *dir)
}
