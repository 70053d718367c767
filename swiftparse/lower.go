package swiftparse

import (
	sitter "github.com/smacker/go-tree-sitter"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// lowerTree lowers the syntax tree of f (parsed from parseSrc, f.Src with
// the blanked directives dirs or the rewritten macro headers) into f. It
// copies the tree into s first (see flat.go).
func lowerTree(f *model.File, parseSrc []byte, dirs []swiftDirective, tree *sitter.Tree, s *flatScratch) {
	l := &lowerer{src: f.Src, file: f, dirs: dirs}
	if f.Lang != model.Swift {
		// The lowerer reads the rewritten macro headers (the selector of a
		// macro-declared method); every other byte is the source's.
		l.src = parseSrc
	}
	lang := objcLang
	if f.Lang == model.Swift {
		lang = swiftLang
	}
	root := flatten(tree, lang, s).root()
	if f.Lang == model.Swift {
		l.swiftFile(root)
	} else {
		l.objcFile(root)
	}
	recordAvailability(f, root)
	l.coalesceCut()
	s.done()
}
