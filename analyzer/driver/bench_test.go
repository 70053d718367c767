package driver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/source"
	"github.com/keychainlint/keychainlint/internal/corpusgen"
	"github.com/keychainlint/keychainlint/rules/all"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// Benchmarks of the whole pipeline on a generated corpus (see
// internal/corpusgen and docs/performance.md). They run only with -bench:
//
//	go test -run '^$' -bench . -benchtime 5x ./analyzer/driver/

// benchSizes are the corpus sizes, in files.
var benchSizes = []int{100, 1000}

// benchSeed is the corpus seed; docs/performance.md uses the same.
const benchSeed = 1

// corpus generates a corpus of n files into a temporary directory and
// collects it as the command does.
func corpus(b *testing.B, n int) (files []source.File, totalBytes int64) {
	b.Helper()
	dir := b.TempDir()
	totalBytes, err := corpusgen.Generate(dir, n, benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	files, skipped, err := source.Collect([]string{dir}, source.Options{MaxFileSize: 5 << 20})
	if err != nil {
		b.Fatal(err)
	}
	if len(files) != n || len(skipped) > 0 {
		b.Fatalf("collected %d files (%d skipped: %v), want %d", len(files), len(skipped), skipped, n)
	}
	return files, totalBytes
}

// BenchmarkPipeline measures driver.Run with every rule over files read
// from disk: reading, prefiltering, parsing, lowering, the flow engine and
// the analyzers.
func BenchmarkPipeline(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			files, total := corpus(b, n)
			inputs := make([]driver.Input, len(files))
			for i, f := range files {
				inputs[i] = driver.Input{File: f}
			}
			cfg := driver.Config{Analyzers: all.Analyzers()}
			ctx := context.Background()
			check := func(res *driver.Result) {
				if res.Stats.FilesSeen != n || len(res.Stats.Skipped) > 0 {
					b.Fatalf("unexpected stats: %d seen, %d skipped %v", res.Stats.FilesSeen, len(res.Stats.Skipped), res.Stats.Skipped)
				}
			}

			b.SetBytes(total)
			b.ReportAllocs()
			// Only counts survive an iteration, so that a run does not
			// keep the previous one's result alive.
			var parsedFiles, findings, syntaxErrorFiles int
			cpu := startCPU()
			for b.Loop() {
				res, err := driver.Run(ctx, inputs, cfg)
				if err != nil {
					b.Fatal(err)
				}
				check(res)
				parsedFiles, findings, syntaxErrorFiles = res.Stats.FilesKeychain, len(res.Diagnostics), res.Stats.ParseErrors
			}
			cpu.report(b, n)
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(parsedFiles), "parsed-files")
			b.ReportMetric(float64(findings), "findings")
			// The generated code is valid; files with syntax errors mean
			// the front end misreads some of it (corpusgen's tests check
			// the current front end).
			b.ReportMetric(float64(syntaxErrorFiles), "syntax-error-files")

			// One more run, outside the timer, to sample the peak Go heap
			// (tree-sitter's C memory is not included).
			peak := peakHeap(func() {
				r, err := driver.Run(ctx, inputs, cfg)
				if err != nil {
					b.Fatal(err)
				}
				check(r)
			})
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkParseOnly measures tree-sitter parsing and lowering into the
// model of the files the pipeline parses (those that pass the prefilter),
// from memory, with as many workers as driver.Run uses, so that its time
// can be compared with BenchmarkPipeline's.
func BenchmarkParseOnly(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			files, _ := corpus(b, n)
			type file struct {
				path string
				src  []byte
			}
			var parsed []file
			var parsedBytes int64
			for _, f := range files {
				src, err := os.ReadFile(f.Abs)
				if err != nil {
					b.Fatal(err)
				}
				if source.MayHaveKeychainCode(src) {
					parsed = append(parsed, file{f.Path, src})
					parsedBytes += int64(len(src))
				}
			}
			workers := runtime.GOMAXPROCS(0)
			ctx := context.Background()

			b.SetBytes(parsedBytes)
			b.ReportAllocs()
			cpu := startCPU()
			for b.Loop() {
				jobs := make(chan file)
				var wg sync.WaitGroup
				for w := 0; w < workers; w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						p := swiftparse.NewParser()
						defer p.Close()
						for f := range jobs {
							if _, err := p.Parse(ctx, f.path, f.src); err != nil {
								b.Error(err)
							}
						}
					}()
				}
				for _, f := range parsed {
					jobs <- f
				}
				close(jobs)
				wg.Wait()
			}
			cpu.report(b, len(parsed))
			b.ReportMetric(float64(len(parsed))*float64(b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(len(parsed)), "parsed-files")
		})
	}
}

// BenchmarkScan measures a whole scan as the command runs it, the walk
// included: source.Walk handing each file to driver.RunWalk as it finds
// it, over the sample app and a generated corpus of 1000 files.
func BenchmarkScan(b *testing.B) {
	for _, tc := range []struct {
		name string
		dir  func(b *testing.B) string
	}{
		{"sampleapp", func(*testing.B) string { return filepath.Join("..", "..", "testdata", "sampleapp") }},
		{"files=1000", func(b *testing.B) string {
			dir := b.TempDir()
			if _, err := corpusgen.Generate(dir, 1000, benchSeed); err != nil {
				b.Fatal(err)
			}
			return dir
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			roots := []string{tc.dir(b)}
			cfg := driver.Config{Analyzers: all.Analyzers()}
			ctx := context.Background()
			b.ReportAllocs()
			var files, findings int
			cpu := startCPU()
			for b.Loop() {
				walk := func(found func(driver.Input)) ([]driver.Input, error) {
					fs, _, err := source.Walk(roots, source.Options{MaxFileSize: 5 << 20}, func(f source.File) { found(driver.Input{File: f}) })
					inputs := make([]driver.Input, len(fs))
					for i, f := range fs {
						inputs[i] = driver.Input{File: f}
					}
					return inputs, err
				}
				res, err := driver.RunWalk(ctx, walk, cfg)
				if err != nil {
					b.Fatal(err)
				}
				files, findings = res.Stats.FilesSeen, len(res.Diagnostics)
			}
			cpu.report(b, files)
			b.ReportMetric(float64(findings), "findings")
		})
	}
}

// BenchmarkWalkRead measures the walk and the reading of every file (no
// parsing) of a generated corpus of 1000 files: the stage one open per
// file and exact-size reads are about.
func BenchmarkWalkRead(b *testing.B) {
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, 1000, benchSeed); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := startCPU()
	n := 0
	for b.Loop() {
		files, _, err := source.Collect([]string{dir}, source.Options{MaxFileSize: 5 << 20})
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			if _, err := source.Read(f, source.Options{MaxFileSize: 5 << 20}); err != nil {
				b.Fatal(err)
			}
		}
		n = len(files)
	}
	cpu.report(b, n)
}

// peakHeap runs f and returns the largest heap (live and not yet collected
// objects) seen by sampling every millisecond.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	var peak uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	return max(peak, read())
}

// cpuClock measures the CPU time (user and system, all threads) of the
// benchmark loop. Unlike ns/op it hardly depends on what else the machine
// is running, which makes it the figure to compare on a shared machine.
type cpuClock struct {
	start time.Duration
	ok    bool
}

func startCPU() cpuClock {
	d, ok := corpusgen.ProcessCPUTime()
	return cpuClock{d, ok}
}

// report adds cpu-ms/op and files/cpu-s (files per second of CPU time).
func (c cpuClock) report(b *testing.B, files int) {
	end, ok := corpusgen.ProcessCPUTime()
	if !c.ok || !ok || b.N == 0 {
		return
	}
	perOp := (end - c.start).Seconds() / float64(b.N)
	b.ReportMetric(perOp*1000, "cpu-ms/op")
	b.ReportMetric(float64(files)/perOp, "files/cpu-s")
}
