package lsp

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// fixAllKind applies every fix of the file at once.
const fixAllKind protocol.CodeActionKind = "source.fixAll.keychainlint"

// reasonPlaceholder is what a suppression's mandatory reason starts as:
// WorkspaceEdit has no snippets in LSP 3.17, so the user edits it.
const reasonPlaceholder = "reason"

// codeActions answers textDocument/codeAction: for each finding on the
// range, its suggested fixes (the first preferred) and suppressions on
// the line and in the file; and the fix-all source action.
func (s *Server) codeActions(ctx context.Context, p *protocol.CodeActionParams) (any, error) {
	path := uriPath(p.TextDocument.URI)
	diags, f, err := s.ana.current(ctx, path)
	if err != nil || f == nil {
		return []protocol.CodeAction{}, nil
	}
	a := s.ana
	a.mu.Lock()
	defer a.mu.Unlock()
	utf8 := s.utf8Units()
	wantQuick, wantFixAll := wants(p.Context.Only)
	out := []protocol.CodeAction{}
	published := a.toProtocol(diags, f)
	if wantQuick {
		for i, d := range diags {
			r := published[i].Range
			if r.End.Line < p.Range.Start.Line || r.Start.Line > p.Range.End.Line {
				continue
			}
			pd := []protocol.Diagnostic{published[i]}
			for j, fix := range d.Fixes {
				if edit, ok := a.fixEdit(d, j, f, utf8); ok {
					out = append(out, protocol.CodeAction{Title: fix.Message, Kind: protocol.QuickFix, Diagnostics: pd, IsPreferred: j == 0, Edit: edit})
				}
			}
			out = append(out,
				protocol.CodeAction{Title: fmt.Sprintf("Suppress %s on this line", d.Rule), Kind: protocol.QuickFix, Diagnostics: pd, Edit: suppressEdit(f, d, false, utf8)},
				protocol.CodeAction{Title: fmt.Sprintf("Suppress %s in this file", d.Rule), Kind: protocol.QuickFix, Diagnostics: pd, Edit: suppressEdit(f, d, true, utf8)},
			)
		}
	}
	if wantFixAll {
		if edit, n := a.fixAll(diags, f, utf8); n > 0 {
			out = append(out, protocol.CodeAction{Title: fmt.Sprintf("Fix all keychainlint findings (%d)", n), Kind: fixAllKind, Edit: edit})
		}
	}
	return out, nil
}

// wants reads the context's "only" kinds (none: everything).
func wants(only []protocol.CodeActionKind) (quick, fixAll bool) {
	if len(only) == 0 {
		return true, true
	}
	for _, k := range only {
		switch k {
		case protocol.QuickFix:
			quick = true
		case protocol.Source, "source.fixAll", fixAllKind:
			fixAll = true
		}
	}
	return quick, fixAll
}

// fixEdit converts the j-th suggested fix of d to a WorkspaceEdit.
func (a *analysis_) fixEdit(d driver.Diagnostic, j int, f *model.File, utf8 bool) (*protocol.WorkspaceEdit, bool) {
	changes := map[protocol.DocumentURI][]protocol.TextEdit{}
	for _, e := range d.FixEdits(j) {
		src := a.srcOf(e.Filename, f)
		if src == nil || e.Start > e.End || e.End > len(src) {
			return nil, false
		}
		u := pathURI(e.Filename)
		changes[u] = append(changes[u], protocol.TextEdit{
			Range:   protocol.Range{Start: position(src, e.Start, utf8), End: position(src, e.End, utf8)},
			NewText: e.New,
		})
	}
	if len(changes) == 0 {
		return nil, false
	}
	return &protocol.WorkspaceEdit{Changes: changes}, true
}

// fixAll combines the first fix of every finding whose edits stay in the
// file and overlap no edit taken before.
func (a *analysis_) fixAll(diags []driver.Diagnostic, f *model.File, utf8 bool) (*protocol.WorkspaceEdit, int) {
	type span struct{ start, end int }
	var taken []span
	var edits []driver.FileEdit
	n := 0
	for _, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		fe := d.FixEdits(0)
		ok := len(fe) > 0
		for _, e := range fe {
			if e.Filename != f.Path || e.Start > e.End || e.End > len(f.Src) || slices.ContainsFunc(taken, func(t span) bool { return e.Start < t.end && t.start < e.End || e.Start == t.start }) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for _, e := range fe {
			taken = append(taken, span{e.Start, e.End})
			edits = append(edits, e)
		}
		n++
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out []protocol.TextEdit
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: protocol.Range{Start: position(f.Src, e.Start, utf8), End: position(f.Src, e.End, utf8)}, NewText: e.New})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{pathURI(f.Path): out}}, n
}

// suppressEdit inserts a directive for d's rule: on its own line above the
// finding's line (with that line's indentation), or at the top of the
// file. Swift, Objective-C and C all take // comments.
func suppressEdit(f *model.File, d driver.Diagnostic, fileLevel bool, utf8 bool) *protocol.WorkspaceEdit {
	var at int
	var text string
	if fileLevel {
		text = fmt.Sprintf("// keychainlint:file-ignore %s -- %s\n", d.Rule, reasonPlaceholder)
	} else {
		at = lineStart(f.Src, d.Pos.Line-1)
		rest := f.Src[at:]
		indent := len(rest) - len(strings.TrimLeft(string(rest), " \t"))
		if nl := strings.IndexByte(string(rest[:indent]), '\n'); nl >= 0 {
			indent = nl
		}
		text = fmt.Sprintf("%s// keychainlint:ignore %s -- %s\n", rest[:indent], d.Rule, reasonPlaceholder)
	}
	pos := position(f.Src, at, utf8)
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{
		pathURI(f.Path): {{Range: protocol.Range{Start: pos, End: pos}, NewText: text}},
	}}
}
