package swiftparse

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// newLowerer returns the lowerer of f, parsed from parseSrc: f.Src with
// the blanked directives dirs (Swift) or the rewritten macro headers.
func newLowerer(f *model.File, parseSrc []byte, dirs []swiftDirective) *lowerer {
	l := &lowerer{src: f.Src, file: f, dirs: dirs}
	if f.Lang != model.Swift {
		// The lowerer reads the rewritten macro headers (the selector of a
		// macro-declared method); every other byte is the source's.
		l.src = parseSrc
	}
	return l
}

// lowerTree lowers the syntax tree of the whole file into l's file. It
// copies the tree into s first (see flat.go).
func lowerTree(l *lowerer, tree *sitter.Tree, s *flatScratch) {
	f := l.file
	root := flatten(tree, treeLang(f.Lang), s).root()
	if f.Lang == model.Swift {
		l.swiftFile(root)
	} else {
		l.objcFile(root)
	}
	recordAvailability(f, root)
	l.coalesceCut()
	s.done()
}

// treeLang is the tree-sitter language a file of lang is parsed with.
func treeLang(lang model.Lang) *sitter.Language {
	if lang == model.Swift {
		return swiftLang
	}
	return objcLang
}
