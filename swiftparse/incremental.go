package swiftparse

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Incremental parsing, for an editor's edit loop: the syntax tree of a
// file's previous version is kept (Tree), edited by the bytes that
// changed, and handed to tree-sitter, which re-parses only what the edit
// touched and reuses the rest of the old tree. On a 5,000-line Swift file
// a one-line change then costs a small fraction of a full parse (see
// BenchmarkIncrementalParse). The lowering into the model still walks the
// whole new tree: the model is the same as a full parse's (checked by
// TestIncrementalParseMatchesFullParse).

// Tree is the syntax tree of one version of a file, kept to parse its
// next version incrementally. It holds C memory: Close it, or hand it to
// ParseIncremental, which takes it over.
type Tree struct {
	path string
	lang model.Lang
	// src is the text tree-sitter parsed (the source after the
	// directive and grammar-gap blanking), which the next edit is
	// computed against.
	src  []byte
	tree *sitter.Tree
}

// Close releases the tree. A nil Tree may be closed.
func (t *Tree) Close() {
	if t != nil && t.tree != nil {
		t.tree.Close()
		t.tree = nil
	}
}

// ParseIncremental is Parse that reuses prev, the Tree of an earlier
// version of the same file (nil: none), and returns the Tree of this
// version for the next call. It takes prev over (closes it) whatever
// happens. The returned Tree is nil when there is none to keep: the parse
// hit the time limit (the file was parsed one declaration at a time) or
// failed.
func (p *Parser) ParseIncremental(ctx context.Context, path string, src []byte, prev *Tree) (*model.File, *Tree, error) {
	if prev != nil && (prev.path != path || prev.tree == nil) {
		prev.Close()
		prev = nil
	}
	lang := model.LangForPath(path)
	parser := p.parserFor(lang)
	if parser == nil {
		prev.Close()
		return nil, nil, fmt.Errorf("%s: not a Swift, Objective-C or C file", path)
	}
	if err := ctx.Err(); err != nil {
		prev.Close()
		return nil, nil, fmt.Errorf("%s: parse: %w", path, err)
	}
	parseSrc, dirs := prepareSource(lang, src)
	var old *sitter.Tree
	if prev != nil && prev.lang == lang {
		prev.tree.Edit(editBetween(prev.src, parseSrc))
		old = prev.tree
	}
	f := &model.File{Path: path, Lang: lang, Src: src}
	l := newLowerer(f, parseSrc, dirs)
	parser.SetOperationLimit(int(parseTimeLimit(len(src)).Microseconds()))
	tree, err := parser.ParseCtx(uncancellable(ctx), old, parseSrc) // cancel.go
	prev.Close()
	if err != nil || tree == nil {
		// A cancelled or timed-out parse is resumed by the next call
		// unless the parser is reset: the next file would get this
		// file's tree (and its cost).
		parser.Reset()
	}
	if errors.Is(err, sitter.ErrOperationLimit) && ctx.Err() == nil {
		// tree-sitter's error recovery can take minutes on a few bytes of
		// broken code (the Swift grammar on `func (){var q=[g:y]{t`):
		// parse the file again one declaration at a time, with no tree
		// to keep.
		if err := l.reparse(ctx, parser, parseSrc); err != nil {
			return nil, nil, fmt.Errorf("%s: parse: %w", path, err)
		}
		recordAvailability(f, nil)
		l.coalesceCut()
		return f, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: parse: %w", path, err)
	}
	if tree == nil {
		return nil, nil, fmt.Errorf("%s: parse: no syntax tree", path)
	}
	lowerTree(l, tree, &p.flat)
	return f, &Tree{path: path, lang: lang, src: parseSrc, tree: tree}, nil
}

// editBetween describes the change from old to new as one replaced
// range: what lies between their common prefix and their common suffix.
// tree-sitter's points count rows and bytes within the row.
func editBetween(old, new []byte) sitter.EditInput {
	n := min(len(old), len(new))
	start := 0
	for start < n && old[start] == new[start] {
		start++
	}
	suffix := 0
	for suffix < n-start && old[len(old)-1-suffix] == new[len(new)-1-suffix] {
		suffix++
	}
	oldEnd, newEnd := len(old)-suffix, len(new)-suffix
	return sitter.EditInput{
		StartIndex:  uint32(start),
		OldEndIndex: uint32(oldEnd),
		NewEndIndex: uint32(newEnd),
		StartPoint:  editPoint(old, start),
		OldEndPoint: editPoint(old, oldEnd),
		NewEndPoint: editPoint(new, newEnd),
	}
}

// editPoint is the tree-sitter point (row, byte column) of offset in src.
func editPoint(src []byte, offset int) sitter.Point {
	row := bytes.Count(src[:offset], []byte{'\n'})
	col := offset - (bytes.LastIndexByte(src[:offset], '\n') + 1)
	return sitter.Point{Row: uint32(row), Column: uint32(col)}
}
