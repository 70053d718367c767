package lsp

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/keychainlint/keychainlint/internal/corpusgen"
)

// BenchmarkServerEditLoop measures a keystroke through the server: a
// workspace of a generated corpus (667 files, about 200 of them keychain
// files the prefilter parses) plus a 5,000-line Swift keychain file, open
// in the editor; one didChange of one line (a line that adds or removes a
// deprecatedkey finding, so that every change publishes) until its
// publishDiagnostics arrives. p50 and p99 are reported.
//
//	go test -run '^$' -bench ServerEditLoop -benchtime 50x ./analyzer/lsp/
func BenchmarkServerEditLoop(b *testing.B) {
	dir := b.TempDir()
	var big corpusgen.FileSpec
	for _, s := range corpusgen.Plan(667, 1) {
		p := filepath.Join(dir, s.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, corpusgen.Content(s), 0o644); err != nil {
			b.Fatal(err)
		}
		if s.Keychain && s.Lang == corpusgen.Swift && big.Path == "" {
			big = s
		}
	}
	big.Target, big.Path = 200_000, "Edited/BigKeychainStore.swift"
	src := corpusgen.Content(big)
	if n := bytes.Count(src, []byte("\n")); n < 4500 {
		b.Fatalf("edited file has %d lines, want about 5,000", n)
	}
	path := filepath.Join(dir, big.Path)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	lines := uint32(bytes.Count(src, []byte("\n")))

	c := newClient(b, Options{Debounce: -1})
	c.initialize(dir, nil)
	u := c.open(path, string(src))
	before := c.diagnostics(u, nil)
	// The changed line: the last (empty) line of the file, toggled.
	deprecated := "func benchmarkDeprecated() { let q: [String: Any] = [kSecAttrAccessible as String: kSecAttrAccessibleAlways]; SecItemAdd(q as CFDictionary, nil) }"
	at := protocol.Position{Line: lines, Character: 0}
	var lat []time.Duration
	version := 1
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		version++
		var ch map[string]any
		if i%2 == 0 {
			ch = map[string]any{"range": protocol.Range{Start: at, End: at}, "text": deprecated}
		} else {
			ch = map[string]any{"range": protocol.Range{Start: at, End: protocol.Position{Line: lines, Character: uint32(len(deprecated))}}, "text": ""}
		}
		t := time.Now()
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": version}, "contentChanges": []any{ch}})
		want := len(before)
		if i%2 == 0 {
			want++
		}
		c.diagnostics(u, func(ds []protocol.Diagnostic) bool { return len(ds) == want })
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
