package swiftparse

import (
	"context"
	"time"

	"github.com/alexaandru/go-sitter-forest/objc"
	"github.com/alexaandru/go-sitter-forest/swift"
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

var (
	swiftLang = sitter.NewLanguage(swift.GetLanguage())
	objcLang  = sitter.NewLanguage(objc.GetLanguage())
)

// parseTimeLimit bounds the time tree-sitter may spend on a file of n
// bytes. Well-formed code parses at megabytes per second; the limit only
// stops pathological error recovery.
var parseTimeLimit = func(n int) time.Duration {
	return 5*time.Second + time.Duration(n)*time.Second/(50<<10)
}

// Parser parses source files. It holds one tree-sitter parser per grammar
// and is not safe for concurrent use: give each worker its own.
type Parser struct {
	swift, objc *sitter.Parser
	flat        flatScratch
}

// NewParser returns a Parser; Close releases its tree-sitter parsers.
func NewParser() *Parser {
	s := sitter.NewParser()
	s.SetLanguage(swiftLang)
	o := sitter.NewParser()
	o.SetLanguage(objcLang)
	return &Parser{swift: s, objc: o}
}

// Close releases the parsers.
func (p *Parser) Close() {
	p.swift.Close()
	p.objc.Close()
}

// Parse parses src as the language of path and lowers it into the model.
// It returns an error only when tree-sitter produced no tree at all (or
// the language is unknown); syntax errors are recorded in File.Errors.
func (p *Parser) Parse(ctx context.Context, path string, src []byte) (*model.File, error) {
	f, tree, err := p.ParseIncremental(ctx, path, src, nil)
	tree.Close()
	return f, err
}

// parserFor is the tree-sitter parser for files of lang, nil for none.
func (p *Parser) parserFor(lang model.Lang) *sitter.Parser {
	switch lang {
	case model.Swift:
		return p.swift
	case model.ObjC, model.C:
		return p.objc
	}
	return nil
}

// prepareSource returns the text tree-sitter parses for src: Swift with
// its compiler directives and the grammar's gaps blanked out (the
// directives are returned for the lowering), Objective-C with its method
// macros rewritten.
func prepareSource(lang model.Lang, src []byte) ([]byte, []swiftDirective) {
	if lang != model.Swift {
		return rewriteObjCMethodMacros(src), nil
	}
	parseSrc, dirs := blankSwiftDirectives(src)
	return blankGrammarGaps(parseSrc, dirs != nil), dirs
}

// ParseFile is a convenience for tests and tools: it parses one file with
// a fresh Parser.
func ParseFile(path string, src []byte) (*model.File, error) {
	p := NewParser()
	defer p.Close()
	return p.Parse(context.Background(), path, src)
}
