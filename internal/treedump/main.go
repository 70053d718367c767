// Command treedump prints the tree-sitter syntax tree of a Swift or
// Objective-C file; a development aid for extending the lowering.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/alexaandru/go-sitter-forest/objc"
	"github.com/alexaandru/go-sitter-forest/swift"
	sitter "github.com/smacker/go-tree-sitter"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	lang := sitter.NewLanguage(objc.GetLanguage())
	if strings.HasSuffix(os.Args[1], ".swift") {
		lang = sitter.NewLanguage(swift.GetLanguage())
	}
	p := sitter.NewParser()
	p.SetLanguage(lang)
	tree, err := p.ParseCtx(context.Background(), nil, src)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var walk func(n *sitter.Node, field string, depth int)
	walk = func(n *sitter.Node, field string, depth int) {
		text := ""
		if n.ChildCount() == 0 || n.Type() == "simple_identifier" {
			text = " " + strings.ReplaceAll(n.Content(src), "\n", "\\n")
		}
		if field != "" {
			field += ": "
		}
		named := ""
		if !n.IsNamed() {
			named = "'"
		}
		fmt.Printf("%s%s%s%s%s [%d-%d]\n", strings.Repeat("  ", depth), field, named, n.Type(), text, n.StartByte(), n.EndByte())
		for i := 0; i < int(n.ChildCount()); i++ {
			walk(n.Child(i), n.FieldNameForChild(i), depth+1)
		}
	}
	walk(tree.RootNode(), "", 0)
}
