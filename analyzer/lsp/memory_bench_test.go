package lsp

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/keychainlint/keychainlint/internal/corpusgen"
)

// BenchmarkWorkspaceMemory reports the heap the server holds after the
// initial scan of a generated workspace (KEYCHAINLINT_BENCH_FILES files,
// default 20,000): the per-file models of the files the prefilter parses.
//
//	go test -run '^$' -bench WorkspaceMemory -benchtime 1x ./analyzer/lsp/
func BenchmarkWorkspaceMemory(b *testing.B) {
	n := 20_000
	if s := os.Getenv("KEYCHAINLINT_BENCH_FILES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	dir := b.TempDir()
	if _, err := corpusgen.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c := newClient(b, Options{Debounce: -1})
		c.timeout = 10 * time.Minute
		c.initialize(dir, nil)
		c.wait("the scan", func(m wireMsg) bool {
			return m.Method == protocol.MethodWindowLogMessage && strings.Contains(string(m.Params), "scanned")
		})
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "heap-MB")
		c.shutdown()
	}
}
