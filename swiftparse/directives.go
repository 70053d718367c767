package swiftparse

import (
	"sort"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Swift conditional-compilation directives are taken out of the source
// before parsing. The tree-sitter Swift grammar accepts #if/#elseif/#else/
// #endif among statements but not between the members of a type: there
// error recovery closes the type early, turns its members into file-scope
// functions or swallows them into ERROR nodes, and the #if region is lost
// (alex-pinkus/tree-sitter-swift#514, fixed upstream after the grammar
// version we use). Swift requires every branch of an #if to hold complete
// declarations or statements, so the source with the directive lines
// blanked out (same length, same offsets) parses cleanly; the lowerer puts
// the directives back by position among the children it walks.

// swiftDirective is one #if, #elseif, #else or #endif line.
type swiftDirective struct {
	kw   string // "#if", "#elseif", "#else", "#endif"
	cond string // condition text after #if / #elseif, "" otherwise
	span model.Span
}

// blankSwiftDirectives returns src with every directive line replaced by
// spaces (up to a trailing comment, which stays a comment), and the
// directives in source order. It returns src itself when there are none.
func blankSwiftDirectives(src []byte) ([]byte, []swiftDirective) {
	var out []byte
	var dirs []swiftDirective
	for lineStart := 0; lineStart < len(src); {
		lineEnd := lineStart
		for lineEnd < len(src) && src[lineEnd] != '\n' && src[lineEnd] != '\r' {
			lineEnd++
		}
		i := lineStart
		for i < lineEnd && (src[i] == ' ' || src[i] == '\t') {
			i++
		}
		if i < lineEnd && src[i] == '#' {
			if kw, ok := directiveKeyword(src[i:lineEnd]); ok {
				end := lineEnd
				if j := commentStart(src[i:lineEnd]); j >= 0 {
					end = i + j
				}
				for end > i && (src[end-1] == ' ' || src[end-1] == '\t') {
					end--
				}
				d := swiftDirective{kw: kw, span: model.Span{Start: i, End: end}}
				if kw == "#if" || kw == "#elseif" {
					d.cond = strings.TrimSpace(string(src[i+len(kw) : end]))
				}
				dirs = append(dirs, d)
				if out == nil {
					out = append([]byte(nil), src...)
				}
				for k := i; k < end; k++ {
					out[k] = ' '
				}
			}
		}
		lineStart = lineEnd + 1
	}
	if out == nil {
		return src, nil
	}
	return out, dirs
}

// directiveKeyword recognises the keyword at the start of line.
func directiveKeyword(line []byte) (string, bool) {
	for _, kw := range []string{"#elseif", "#else", "#endif", "#if"} {
		if !strings.HasPrefix(string(line), kw) {
			continue
		}
		if len(line) == len(kw) {
			return kw, true
		}
		switch line[len(kw)] {
		case ' ', '\t', '(', '!', '/':
			return kw, true
		}
		return "", false
	}
	return "", false
}

// commentStart returns the offset of a // or /* comment in a directive
// line, or -1.
func commentStart(line []byte) int {
	s := string(line)
	i, j := strings.Index(s, "//"), strings.Index(s, "/*")
	switch {
	case i < 0:
		return j
	case j < 0:
		return i
	}
	return min(i, j)
}

// dropCommentedDirectives removes the directives that sit inside comments
// (a commented-out #if block): they were blanked but mean nothing. It
// needs File.Comments, so it runs after scanComments.
func (l *lowerer) dropCommentedDirectives() {
	if len(l.dirs) == 0 || len(l.file.Comments) == 0 {
		return
	}
	out := l.dirs[:0]
	for _, d := range l.dirs {
		cs := l.file.Comments
		k := sort.Search(len(cs), func(i int) bool { return cs[i].Span.End > d.span.Start })
		if k < len(cs) && cs[k].Span.Start <= d.span.Start {
			continue
		}
		out = append(out, d)
	}
	l.dirs = out
}

// swiftItem is a child node or a directive, in source order.
type swiftItem struct {
	n *node
	d *swiftDirective
}

// withDirectives interleaves kids (in source order) with the directives
// that lie in [lo, hi) between them; directives inside a kid belong to a
// nested list and are left to it.
func (l *lowerer) withDirectives(kids []*node, lo, hi int) []swiftItem {
	i := sort.Search(len(l.dirs), func(i int) bool { return l.dirs[i].span.Start >= lo })
	out := make([]swiftItem, 0, len(kids))
	k := 0
	for ; i < len(l.dirs) && l.dirs[i].span.Start < hi; i++ {
		d := &l.dirs[i]
		if l.caseDirs[d.span.Start] {
			continue
		}
		for k < len(kids) && int(kids[k].EndByte()) <= d.span.Start {
			out = append(out, swiftItem{n: kids[k]})
			k++
		}
		if k < len(kids) && int(kids[k].StartByte()) <= d.span.Start {
			continue
		}
		out = append(out, swiftItem{d: d})
	}
	for ; k < len(kids); k++ {
		out = append(out, swiftItem{n: kids[k]})
	}
	return out
}

// directive returns the directive an item stands for: a blanked line, or
// a directive node the grammar produced (a directive the line scan did
// not recognise); nil for other nodes.
func (l *lowerer) directive(it swiftItem) *swiftDirective {
	if it.d != nil {
		return it.d
	}
	if it.n == nil || it.n.Type() != "directive" {
		return nil
	}
	text := strings.TrimSpace(l.text(it.n))
	d := &swiftDirective{kw: text, span: span(it.n)}
	if i := strings.IndexAny(text, " \t("); i >= 0 {
		d.kw, d.cond = text[:i], strings.TrimSpace(text[i:])
	}
	if d.kw != "#if" && d.kw != "#elseif" {
		d.cond = ""
	}
	return d
}

// statementsRange is the range in which directives belong to the
// statement list n: from the token before it to the token after it (a
// directive before the first or after the last statement of a block lies
// outside the statements node), and, in a switch case, up to the next
// case.
func statementsRange(n *node) (int, int) {
	lo, hi := int(n.StartByte()), int(n.EndByte())
	if p := skipComments(n.PrevSibling(), (*node).PrevSibling); p != nil {
		lo = int(p.EndByte())
	}
	if s := skipComments(n.NextSibling(), (*node).NextSibling); s != nil {
		hi = int(s.StartByte())
	} else if par := n.Parent(); par != nil && par.Type() == "switch_entry" {
		if s := skipComments(par.NextSibling(), (*node).NextSibling); s != nil {
			hi = int(s.StartByte())
		}
	}
	return lo, hi
}

// skipComments steps from n with next while n is a comment (comments
// after a directive can sit between it and the statements).
func skipComments(n *node, next func(*node) *node) *node {
	for n != nil && (n.Type() == "comment" || n.Type() == "multiline_comment") {
		n = next(n)
	}
	return n
}

// swiftCaseDirectives returns the directives of switch n (whose
// switch_entry children are entries) that wrap whole `case` clauses, in
// source order. Swift requires each #if branch to hold complete
// statements or complete case clauses, so a directive between two cases
// belongs to the statements of the first case when it pairs up with
// directives there (#if … #endif after its last statement), and to the
// switch otherwise; directives before the first case always belong to the
// switch.
func (l *lowerer) swiftCaseDirectives(n *node, entries []*node) []*swiftDirective {
	lo, hi := int(n.StartByte()), int(n.EndByte())
	for _, c := range children(n) {
		if c.Type() == "{" {
			lo = int(c.EndByte()) // not the directives of the subject expression
			break
		}
	}
	i := sort.Search(len(l.dirs), func(i int) bool { return l.dirs[i].span.Start >= lo })
	var in []*swiftDirective
	for ; i < len(l.dirs) && l.dirs[i].span.Start < hi; i++ {
		if !l.caseDirs[l.dirs[i].span.Start] {
			in = append(in, &l.dirs[i])
		}
	}
	if len(in) == 0 {
		return nil
	}
	var out []*swiftDirective
	k := 0
	for ; k < len(in) && (len(entries) == 0 || in[k].span.Start < int(entries[0].StartByte())); k++ {
		out = append(out, in[k])
	}
	for e, entry := range entries {
		end := hi
		if e+1 < len(entries) {
			end = int(entries[e+1].StartByte())
		}
		var kids []*node
		if st := firstNamed(entry, "statements"); st != nil {
			kids = namedChildren(st)
		}
		var stack [][]*swiftDirective // open #ifs of the case's statements, with their branches
		for ; k < len(in) && in[k].span.Start < end; k++ {
			d := in[k]
			nested := false
			for _, c := range kids {
				if int(c.StartByte()) <= d.span.Start && d.span.Start < int(c.EndByte()) {
					nested = true
					break
				}
			}
			if nested {
				continue // a directive of a nested statement list
			}
			switch d.kw {
			case "#if":
				stack = append(stack, []*swiftDirective{d})
			case "#elseif", "#else":
				if len(stack) == 0 {
					out = append(out, d)
				} else {
					stack[len(stack)-1] = append(stack[len(stack)-1], d)
				}
			case "#endif":
				if len(stack) == 0 {
					out = append(out, d)
				} else {
					stack = stack[:len(stack)-1]
				}
			}
		}
		// An #if left open in the case opens case clauses.
		for _, f := range stack {
			out = append(out, f...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].span.Start < out[j].span.Start })
	return out
}
