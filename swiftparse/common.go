package swiftparse

import (
	"sort"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// maxDepth bounds how deep lowering descends into nested statements and
// expressions (an `if` and its block count two, a call one). Real code
// stays far below it: code 2,000 ifs deep is still lowered. Generated or
// hostile input (a 50,000-deep parenthesised expression) is cut off there
// and reported (File.Cut). Lowering recurses in Go, whose goroutine
// stacks grow (10,000 levels take about 16 MB); the limit is not higher
// because some lowering steps cost time in the depth of the node (sibling
// and parent look-ups in tree-sitter, the walk down a postfix chain), so
// time grows faster than the input beyond it (BenchmarkDeepNesting). The
// model nests at most about 2*maxDepth nodes deep.
const maxDepth = 4000

// lowerer holds the state of lowering one file.
type lowerer struct {
	src   []byte
	file  *model.File
	depth int
	// owner is the type whose members are being lowered; static tells
	// whether the member being lowered is a type member.
	owner string
	// stringEnum is true while the members of an enum whose raw type is
	// String are lowered: its cases have string raw values.
	stringEnum bool
	// platforms is the platform scope of the declarations being lowered
	// (narrowed by #if around whole functions).
	platforms model.Platform
	// dirs are the Swift #if/#elseif/#else/#endif lines, blanked out of
	// the parsed source (see directives.go).
	dirs []swiftDirective
	// fn is the function whose body is being lowered (the parent of a
	// nested function declaration).
	fn *model.Func
	// hoisted is the prefix expression at the base of a postfix chain
	// whose operator swiftHoistPrefix applies to the whole chain: while
	// the chain is lowered, the prefix expression stands for its target.
	hoisted *node
	// caseDirs holds the start offsets of the directives that wrap whole
	// Swift `case` clauses (see swiftCaseDirectives): statement lists
	// leave them to the switch.
	caseDirs map[int]bool
}

func span(n *node) model.Span {
	return model.Span{Start: int(n.StartByte()), End: int(n.EndByte())}
}

func (l *lowerer) text(n *node) string {
	if n == nil {
		return ""
	}
	s, e := n.StartByte(), n.EndByte()
	if int(e) > len(l.src) || s > e {
		return ""
	}
	return string(l.src[s:e])
}

// enter guards recursion depth before lowering n; callers must call leave
// when it returns true. When it refuses, n's bytes are recorded as cut.
func (l *lowerer) enter(n *node) bool {
	if l.depth >= maxDepth {
		l.file.Truncated = true
		if sp := span(n); len(l.file.Cut) == 0 || sp.Start >= l.file.Cut[len(l.file.Cut)-1].End {
			l.file.Cut = append(l.file.Cut, sp)
		}
		return false
	}
	l.depth++
	return true
}

func (l *lowerer) leave() { l.depth-- }

// coalesceCut merges the cut ranges that only white space, commas,
// semicolons and brackets separate (the siblings cut at one depth), so that
// a report names one region per cut subtree.
func (l *lowerer) coalesceCut() {
	cut := l.file.Cut
	if len(cut) < 2 {
		return
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].Start < cut[j].Start })
	out := cut[:1]
	for _, sp := range cut[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End || onlyPunct(l.src, last.End, sp.Start) {
			last.End = max(last.End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	l.file.Cut = out
}

func onlyPunct(src []byte, start, end int) bool {
	if start < 0 || end > len(src) || start > end {
		return false
	}
	for _, b := range src[start:end] {
		switch b {
		case ' ', '\t', '\n', '\r', ',', ';', '(', ')', '[', ']', '{', '}':
		default:
			return false
		}
	}
	return true
}

// children returns all children of n.
func children(n *node) []*node {
	if n == nil || n.ChildCount() == 0 {
		return nil
	}
	out := make([]*node, n.ChildCount())
	for i := range out {
		out[i] = n.Child(i)
	}
	return out
}

// eachChild calls f for every child of n with its field name (the tree
// cursor's, which for a comment is "", unlike FieldNameForChild).
func eachChild(n *node, f func(c *node, field string)) {
	if n == nil {
		return
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		f(c, c.fieldName())
	}
}

// namedChildren returns the named children of n.
func namedChildren(n *node) []*node {
	if n == nil || n.NamedChildCount() == 0 {
		return nil
	}
	out := make([]*node, n.NamedChildCount())
	for i := range out {
		out[i] = n.NamedChild(i)
	}
	return out
}

// fieldChildren returns the children of n in the given field, in order.
func fieldChildren(n *node, field string) []*node {
	var out []*node
	eachChild(n, func(c *node, f string) {
		if f == field {
			out = append(out, c)
		}
	})
	return out
}

// firstNamed returns the first named child of n of one of the kinds, or nil.
func firstNamed(n *node, kinds ...string) *node {
	var found *node
	eachChild(n, func(c *node, _ string) {
		if found != nil || !c.IsNamed() {
			return
		}
		for _, k := range kinds {
			if c.Type() == k {
				found = c
				return
			}
		}
	})
	return found
}

// scanComments records comments and syntax errors with an iterative walk
// over the tree (no recursion, whatever the nesting). It descends into
// ERROR nodes too, for the comments inside them (when the whole file fails
// to parse, the root itself is an ERROR), but records only the outermost
// error of a region.
//
// The walk enters a subtree only when it holds a syntax error or when its
// bytes contain "//" or "/*" (a comment can start nowhere else; a candidate
// inside a string literal only costs a useless descent).
func (l *lowerer) scanComments(root *node) {
	cands := commentStarts(l.src)
	mayHold := func(n *node) bool {
		s, e := int(n.StartByte()), int(n.EndByte())
		i := sort.SearchInts(cands, s)
		return i < len(cands) && cands[i] < e
	}
	errEnd := -1 // end of the error region being walked
	n := root
	for {
		descend := false
		if n.HasError() || mayHold(n) {
			descend = true
			switch {
			case n.Type() == "comment" || n.Type() == "multiline_comment":
				l.file.Comments = append(l.file.Comments, model.Comment{Text: l.text(n), Span: span(n)})
				descend = false
			case n.IsError() || n.IsMissing():
				if int(n.StartByte()) >= errEnd {
					l.file.Errors = append(l.file.Errors, errorPieces(n)...)
					errEnd = int(n.EndByte())
				}
			}
		}
		if c := n.Child(0); descend && c != nil {
			n = c
			continue
		}
		for n.next() == nil {
			if n == root {
				return
			}
			n = n.up()
		}
		if n == root {
			return
		}
		n = n.next()
	}
}

// errorPieces returns the parts of an ERROR node that are lost: all of it
// but the well-formed declarations among its children, which lowering
// recovers (tree-sitter makes the root of a file an ERROR when its
// recovery fails near the end, with every declaration before the broken
// one parsed normally inside it).
func errorPieces(n *node) []model.Span {
	if n.IsMissing() || n.ChildCount() == 0 {
		return []model.Span{span(n)}
	}
	var out []model.Span
	open := false
	eachChild(n, func(c *node, _ string) {
		if c.IsNamed() && !c.HasError() && recoveredKind(c.Type()) {
			open = false
			return
		}
		if open {
			out[len(out)-1].End = int(c.EndByte())
		} else {
			out = append(out, span(c))
			open = true
		}
	})
	return out
}

// recoveredKind reports the kinds of declarations lowering recovers whole
// from inside an ERROR node, in both grammars.
func recoveredKind(kind string) bool {
	switch kind {
	case "comment", "multiline_comment", "import_declaration", "function_declaration", "class_declaration",
		"protocol_declaration", "typealias_declaration", "function_definition", "method_definition",
		"class_implementation", "category_implementation", "class_interface", "preproc_include", "preproc_def",
		"preproc_function_def":
		return true
	}
	return false
}

// commentStarts returns the sorted offsets of every "//" and "/*" in src.
func commentStarts(src []byte) []int {
	var out []int
	for i := 0; i+1 < len(src); i++ {
		if src[i] == '/' && (src[i+1] == '/' || src[i+1] == '*') {
			out = append(out, i)
			i++
		}
	}
	return out
}

// addFunc registers a lowered body with the file.
func (l *lowerer) addFunc(f *model.Func) {
	f.File = l.file
	f.Platforms = l.platforms
	if f.Platforms == 0 && l.platforms == 0 {
		// Code in an #if branch that no Apple platform compiles (os(Linux)).
		return
	}
	l.file.Funcs = append(l.file.Funcs, f)
}

// configStack pairs flat conditional-compilation directives (Swift's
// grammar gives #if/#elseif/#else/#endif as separate nodes among the
// statements) into nested IfConfig statements.
type configStack struct {
	frames []*configFrame
}

type configFrame struct {
	cfg    *model.IfConfig
	conds  []string
	bodies [][]model.Stmt
	outer  *[]model.Stmt // where the IfConfig goes when closed
}

// open starts an #if.
func (s *configStack) open(c string, sp model.Span, outer *[]model.Stmt) {
	s.frames = append(s.frames, &configFrame{cfg: &model.IfConfig{Span: sp}, conds: []string{c}, bodies: [][]model.Stmt{nil}, outer: outer})
}

// branch starts an #elseif (cond) or #else (cond == "").
func (s *configStack) branch(c string) bool {
	if len(s.frames) == 0 {
		return false
	}
	f := s.frames[len(s.frames)-1]
	f.conds = append(f.conds, c)
	f.bodies = append(f.bodies, nil)
	return true
}

// target is the statement list statements currently go into, or nil when
// no #if is open.
func (s *configStack) target() *[]model.Stmt {
	if len(s.frames) == 0 {
		return nil
	}
	f := s.frames[len(s.frames)-1]
	return &f.bodies[len(f.bodies)-1]
}

// platforms is the platform scope of the open #if branches.
func (s *configStack) platforms() model.Platform {
	p := model.AllPlatforms
	for _, f := range s.frames {
		ps := clausePlatforms(f.conds)
		p &= ps[len(ps)-1]
	}
	return p
}

// close ends the innermost #if at #endif (end is the directive's end).
func (s *configStack) close(end int) {
	if len(s.frames) == 0 {
		return
	}
	f := s.frames[len(s.frames)-1]
	s.frames = s.frames[:len(s.frames)-1]
	f.cfg.Span.End = max(end, f.cfg.Span.End) // never before the #if itself
	plats := clausePlatforms(f.conds)
	for i, c := range f.conds {
		f.cfg.Clauses = append(f.cfg.Clauses, &model.ConfigClause{Cond: c, Platforms: plats[i], Body: f.bodies[i]})
	}
	*f.outer = append(*f.outer, f.cfg)
}

// closeAll closes #ifs left open at the end of a block (unbalanced input).
func (s *configStack) closeAll(end int) {
	for len(s.frames) > 0 {
		s.close(end)
	}
}
