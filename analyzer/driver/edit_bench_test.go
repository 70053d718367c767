package driver_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/internal/corpusgen"
	"github.com/keychainlint/keychainlint/rules/all"
)

// editProgram returns a program of about 200 keychain files (a generated
// corpus of 667 files, of which the prefilter parses about 30%) and a
// Swift keychain file of 5,000 lines to edit in it.
func editProgram(b *testing.B) (*driver.Edit, string, []byte) {
	b.Helper()
	specs := corpusgen.Plan(667, benchSeed)
	var inputs []driver.Input
	var big corpusgen.FileSpec
	for _, s := range specs {
		inputs = append(inputs, driver.Input{File: fileAt(s.Path), Src: corpusgen.Content(s)})
		if s.Keychain && s.Lang == corpusgen.Swift && big.Path == "" {
			big = s
		}
	}
	// About 40 bytes a line: 5,000 lines.
	big.Target, big.Path = 200_000, "Edited/BigKeychainStore.swift"
	src := corpusgen.Content(big)
	if n := bytes.Count(src, []byte("\n")); n < 4500 {
		b.Fatalf("edited file has %d lines, want about 5,000", n)
	}
	inputs = append(inputs, driver.Input{File: fileAt(big.Path), Src: src})
	cfg := driver.Config{Analyzers: all.Analyzers()}
	res, err := driver.Run(context.Background(), inputs, cfg)
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Files) < 190 {
		b.Fatalf("program has %d parsed files, want about 200", len(res.Files))
	}
	e, err := driver.NewEdit(cfg, res.Files)
	if err != nil {
		b.Fatal(err)
	}
	return e, big.Path, src
}

// BenchmarkEditLoop measures what a language server does on each
// keystroke in a big file: the edited 5,000-line Swift keychain file is
// parsed again and analysed in a program of about 200 keychain files
// whose models are kept. It reports the median (p50) and p90 latency.
//
//	go test -run '^$' -bench EditLoop -benchtime 20x ./analyzer/driver/
func BenchmarkEditLoop(b *testing.B) {
	e, path, src := editProgram(b)
	defer e.Close()
	ctx := context.Background()
	var lat []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// An edit: a comment that changes at every keystroke, at the end.
		edited := append(append([]byte{}, src...), fmt.Sprintf("// keystroke %d\n", i)...)
		i++
		t := time.Now()
		if _, err := e.Change(ctx, path, edited); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "p90-ms")
}
