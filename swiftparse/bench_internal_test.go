package swiftparse

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/internal/corpusgen"
)

// Benchmarks of lowering alone (the tree-sitter parse is done once,
// outside the timed loop):
//
//	go test -run '^$' -bench Lower -benchtime 3x -count 3 ./swiftparse/

// parsedFile is a file parsed once for the lowering benchmarks.
type parsedFile struct {
	path          string
	src, parseSrc []byte
	dirs          []swiftDirective
	tree          *sitter.Tree
}

func parseForBench(b *testing.B, p *Parser, path string, src []byte) parsedFile {
	b.Helper()
	lang := model.LangForPath(path)
	parser, parseSrc := p.objc, rewriteObjCMethodMacros(src)
	var dirs []swiftDirective
	if lang == model.Swift {
		parser = p.swift
		parseSrc, dirs = blankSwiftDirectives(src)
		parseSrc = blankGrammarGaps(parseSrc, dirs != nil)
	}
	tree, err := parser.ParseCtx(context.Background(), nil, parseSrc)
	if err != nil || tree == nil {
		b.Fatalf("%s: %v", path, err)
	}
	return parsedFile{path: path, src: src, parseSrc: parseSrc, dirs: dirs, tree: tree}
}

func benchLower(b *testing.B, files []parsedFile) {
	var scratch flatScratch
	var bytes int64
	for _, pf := range files {
		bytes += int64(len(pf.src))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, pf := range files {
			// A fresh copy of the tree, so that no node cache of an earlier
			// iteration is reused.
			b.StopTimer()
			tree := pf.tree.Copy()
			b.StartTimer()
			f := &model.File{Path: pf.path, Lang: model.LangForPath(pf.path), Src: pf.src}
			lowerTree(newLowerer(f, pf.parseSrc, pf.dirs), tree, &scratch)
			b.StopTimer()
			tree.Close()
			b.StartTimer()
		}
	}
}

// BenchmarkLowerSampleApp lowers the files of testdata/sampleapp.
func BenchmarkLowerSampleApp(b *testing.B) {
	p := NewParser()
	defer p.Close()
	var files []parsedFile
	err := filepath.WalkDir("../testdata/sampleapp", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || model.LangForPath(path) == model.LangUnknown {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files = append(files, parseForBench(b, p, path, src))
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Fatalf("%d files: %v", len(files), err)
	}
	benchLower(b, files)
}

// BenchmarkLowerGenerated lowers the 100 files of the generated corpus of
// internal/corpusgen (seed 1, as the driver's benchmarks use).
func BenchmarkLowerGenerated(b *testing.B) {
	p := NewParser()
	defer p.Close()
	var files []parsedFile
	for _, s := range corpusgen.Plan(100, 1) {
		files = append(files, parseForBench(b, p, s.Path, corpusgen.Content(s)))
	}
	benchLower(b, files)
}
