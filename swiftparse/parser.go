package swiftparse

import (
	"context"
	"errors"
	"fmt"
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
	lang := model.LangForPath(path)
	var parser *sitter.Parser
	switch lang {
	case model.Swift:
		parser = p.swift
	case model.ObjC, model.C:
		parser = p.objc
	default:
		return nil, fmt.Errorf("%s: not a Swift, Objective-C or C file", path)
	}
	parseSrc := src
	var dirs []swiftDirective
	if lang == model.Swift {
		parseSrc, dirs = blankSwiftDirectives(src)
		parseSrc = blankGrammarGaps(parseSrc, dirs != nil)
	} else {
		parseSrc = rewriteObjCMethodMacros(src)
	}
	f := &model.File{Path: path, Lang: lang, Src: src}
	l := newLowerer(f, parseSrc, dirs)
	parser.SetOperationLimit(int(parseTimeLimit(len(src)).Microseconds()))
	tree, err := parser.ParseCtx(ctx, nil, parseSrc)
	if err != nil || tree == nil {
		// A cancelled or timed-out parse is resumed by the next call
		// unless the parser is reset: the next file would get this
		// file's tree (and its cost).
		parser.Reset()
	}
	if errors.Is(err, sitter.ErrOperationLimit) && ctx.Err() == nil {
		// tree-sitter's error recovery can take minutes on a few bytes of
		// broken code (the Swift grammar on `func (){var q=[g:y]{t`):
		// parse the file again one declaration at a time.
		if err := l.reparse(ctx, parser, parseSrc); err != nil {
			return nil, fmt.Errorf("%s: parse: %w", path, err)
		}
		recordAvailability(f, nil)
		l.coalesceCut()
		return f, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: parse: %w", path, err)
	}
	if tree == nil {
		return nil, fmt.Errorf("%s: parse: no syntax tree", path)
	}
	defer tree.Close()
	lowerTree(l, tree, &p.flat)
	return f, nil
}

// ParseFile is a convenience for tests and tools: it parses one file with
// a fresh Parser.
func ParseFile(path string, src []byte) (*model.File, error) {
	p := NewParser()
	defer p.Close()
	return p.Parse(context.Background(), path, src)
}
