package driver_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/rules/all"
)

// BenchmarkCache measures driver.Run on the generated corpus with the
// cache across runs (see docs/performance.md): cold, an empty cache (every
// file parsed, every entry written); warm, nothing changed (the findings
// come from the cache); onefile, one parsed file changed since the run
// that filled the cache (that file is parsed; the flow engine and the
// rules run over all models). Run it with
//
//	go test -run '^$' -bench Cache -benchtime 3x ./analyzer/driver/
func BenchmarkCache(b *testing.B) {
	const n = 1000
	files, total := corpus(b, n)
	inputs := make([]driver.Input, len(files))
	for i, f := range files {
		inputs[i] = driver.Input{File: f}
	}
	ctx := context.Background()
	run := func(b *testing.B, c *cache.Cache) *driver.Result {
		// FindingsOnly, as the command runs it.
		res, err := driver.Run(ctx, inputs, driver.Config{Analyzers: all.Analyzers(), Cache: c, FindingsOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	open := func(b *testing.B, dir string) *cache.Cache {
		c, err := cache.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		return c
	}
	b.Run(fmt.Sprintf("files=%d/cold", n), func(b *testing.B) {
		b.SetBytes(total)
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			b.StartTimer()
			run(b, open(b, dir))
		}
	})
	b.Run(fmt.Sprintf("files=%d/warm", n), func(b *testing.B) {
		dir := b.TempDir()
		run(b, open(b, dir))
		b.SetBytes(total)
		for b.Loop() {
			if res := run(b, open(b, dir)); !res.Stats.CachedResult {
				b.Fatal("findings not from the cache")
			}
		}
	})
	b.Run(fmt.Sprintf("files=%d/onefile", n), func(b *testing.B) {
		dir := b.TempDir()
		first := run(b, open(b, dir))
		// A parsed file, edited in memory: a trailing comment each time.
		edit := -1
		for i, in := range inputs {
			if in.File.Path == first.Files[0].Path {
				edit = i
			}
		}
		src, err := os.ReadFile(inputs[edit].File.Path)
		if err != nil {
			b.Fatal(err)
		}
		defer func() { inputs[edit].Src = nil }()
		b.SetBytes(total)
		k := 0
		for b.Loop() {
			k++
			inputs[edit].Src = append(append([]byte(nil), src...), fmt.Sprintf("\n// edit %d\n", k)...)
			if res := run(b, open(b, dir)); res.Stats.CachedResult {
				b.Fatal("findings from the cache after an edit")
			}
		}
	})
}
