package suppress

import (
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// DocGo is the text of this package's doc.go, whose "# Analyzer
// unusedignore" and "# Analyzer badignore" sections document the
// pseudo-rules.
//
//go:embed doc.go
var DocGo string

// The pseudo-rules.
const (
	Unused = "unusedignore"
	Bad    = "badignore"
)

// PseudoRules are the rules this package reports, with their severity.
var PseudoRules = []struct {
	Name     string
	Severity driver.Severity
}{
	{Unused, driver.Warning},
	{Bad, driver.Warning},
}

const (
	prefix         = "keychainlint:"
	verbIgnore     = "ignore"
	verbFileIgnore = "file-ignore"
)

// Directive is one keychainlint:ignore or keychainlint:file-ignore comment.
type Directive struct {
	File      *model.File
	Span      model.Span // the comment
	Pos, End  token.Position
	FileLevel bool
	// Rules are the known rules the directive names.
	Rules []string
	// Reason is the justification after "--", white space collapsed; a
	// directive without one suppresses nothing.
	Reason string

	used map[string]bool
}

// Covers reports whether the directive applies to a finding of rule on
// line (1-based) of its file.
func (d *Directive) Covers(rule string, line int) bool {
	if d.Reason == "" || !slices.Contains(d.Rules, rule) {
		return false
	}
	return d.FileLevel || (d.Pos.Line <= line && line <= d.End.Line+1)
}

func (d *Directive) verb() string {
	if d.FileLevel {
		return prefix + verbFileIgnore
	}
	return prefix + verbIgnore
}

// Options configures Apply.
type Options struct {
	// Known reports whether a rule exists (pseudo-rules are always
	// known).
	Known func(rule string) bool
	// URL returns a rule's documentation page, for the pseudo-rules'
	// findings.
	URL func(rule string) string
}

// Suppressed is a finding a directive silences.
type Suppressed struct {
	driver.Diagnostic
	By *Directive
}

// Outcome is the result of Apply.
type Outcome struct {
	// Kept are the findings to report: the input's unsuppressed findings
	// and the pseudo-rules' findings, sorted by position.
	Kept []driver.Diagnostic
	// Suppressed are the silenced findings, sorted by position.
	Suppressed []Suppressed
	// Directives are every well-formed directive found.
	Directives []*Directive
}

// Apply reads the directives of files, silences the diagnostics they
// cover, and adds the findings of badignore (directives that do not work)
// and unusedignore (directives that silence nothing). The pseudo-rules'
// findings can themselves be silenced by directives naming them, which are
// never reported unused.
func Apply(files []*model.File, diags []driver.Diagnostic, opt Options) Outcome {
	known := func(rule string) bool {
		return rule == Unused || rule == Bad || opt.Known == nil || opt.Known(rule)
	}
	url := func(rule string) string {
		if opt.URL == nil {
			return ""
		}
		return opt.URL(rule)
	}
	var out Outcome
	byFile := map[string][]*Directive{}
	var pseudo []driver.Diagnostic
	for _, f := range files {
		ds, bad := Parse(f, known, url)
		byFile[f.Path] = append(byFile[f.Path], ds...)
		out.Directives = append(out.Directives, ds...)
		pseudo = append(pseudo, bad...)
	}

	// match returns the directive silencing d (a line directive before a
	// file one), marking every directive that covers it as used.
	match := func(d driver.Diagnostic, mark bool) *Directive {
		var by *Directive
		for _, dir := range byFile[d.Pos.Filename] {
			if !dir.Covers(d.Rule, d.Pos.Line) {
				continue
			}
			if mark {
				dir.used[d.Rule] = true
			}
			if by == nil || by.FileLevel && !dir.FileLevel {
				by = dir
			}
		}
		return by
	}
	for _, d := range diags {
		// A finding of another rule folded into d (one bug, one finding)
		// is still there: a directive for it where it was reported is in
		// use, though it does not silence d.
		for _, f := range d.Folded {
			for _, dir := range byFile[f.Pos.Filename] {
				if dir.Covers(f.Rule, f.Pos.Line) {
					dir.used[f.Rule] = true
				}
			}
		}
		if by := match(d, true); by != nil {
			out.Suppressed = append(out.Suppressed, Suppressed{d, by})
		} else {
			out.Kept = append(out.Kept, d)
		}
	}
	for _, dir := range out.Directives {
		if dir.Reason == "" {
			continue // already reported as badignore
		}
		for _, rule := range dir.Rules {
			if dir.used[rule] || rule == Unused || rule == Bad {
				continue
			}
			where := "on this line or the next"
			if dir.FileLevel {
				where = "in this file"
			}
			pseudo = append(pseudo, diag(dir, Unused, url,
				fmt.Sprintf("%s %s suppresses nothing: there is no %s finding %s; remove %s from the directive (or the directive)",
					dir.verb(), rule, rule, where, rule)))
		}
	}
	for _, d := range pseudo {
		if by := match(d, false); by != nil {
			out.Suppressed = append(out.Suppressed, Suppressed{d, by})
		} else {
			out.Kept = append(out.Kept, d)
		}
	}
	sortDiags(out.Kept)
	slices.SortStableFunc(out.Suppressed, func(a, b Suppressed) int { return compare(a.Diagnostic, b.Diagnostic) })
	return out
}

func compare(a, b driver.Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Pos.Filename, b.Pos.Filename),
		cmp.Compare(a.Pos.Offset, b.Pos.Offset),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

func sortDiags(ds []driver.Diagnostic) { slices.SortStableFunc(ds, compare) }

// Parse reads the directives of a file. Comments that start with
// "keychainlint:" and a word but are not well-formed directives, and
// directives without a reason or naming unknown rules, come back as
// badignore findings.
func Parse(f *model.File, known func(string) bool, url func(string) string) ([]*Directive, []driver.Diagnostic) {
	var dirs []*Directive
	var bad []driver.Diagnostic
	for _, c := range f.Comments {
		body, ok := commentBody(c.Text)
		if !ok {
			continue
		}
		word, rest, _ := strings.Cut(body, " ")
		verb := strings.TrimPrefix(word, prefix)
		dir := &Directive{
			File:      f,
			Span:      c.Span,
			Pos:       position(f, c.Span.Start),
			End:       position(f, max(c.Span.Start, c.Span.End-1)),
			FileLevel: verb == verbFileIgnore,
			used:      map[string]bool{},
		}
		report := func(format string, args ...any) {
			bad = append(bad, diag(dir, Bad, url, fmt.Sprintf(format, args...)))
		}
		if verb != verbIgnore && verb != verbFileIgnore {
			report("unknown directive %s: use %s%s RULE -- reason, or %s%s RULE -- reason", word, prefix, verbIgnore, prefix, verbFileIgnore)
			continue
		}
		list, reason, _ := strings.Cut(rest, "--")
		dir.Reason = strings.Join(strings.Fields(reason), " ")
		var unknown []string
		for _, r := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
			switch {
			case !known(r):
				unknown = append(unknown, r)
			case !slices.Contains(dir.Rules, r):
				dir.Rules = append(dir.Rules, r)
			}
		}
		for _, r := range unknown {
			report("%s names %q, which is not a rule (see keychainlint rules)", word, r)
		}
		switch {
		case len(dir.Rules) == 0 && len(unknown) == 0:
			report("%s names no rule: write %s RULE[,RULE] -- reason", word, word)
		case dir.Reason == "":
			report("%s without a reason does not suppress anything: say why the finding does not apply after \" -- \", as in %s %s -- reason",
				word, word, strings.Join(append(dir.Rules, unknown...), ","))
		}
		dirs = append(dirs, dir)
	}
	return dirs, bad
}

// commentBody strips the comment markers ("//", "///", "/*", "/**", "*/")
// and returns the text when it starts with "keychainlint:" and a word.
func commentBody(text string) (string, bool) {
	var s string
	switch {
	case strings.HasPrefix(text, "//"):
		s = strings.TrimLeft(text, "/")
	case strings.HasPrefix(text, "/*"):
		s = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
		s = strings.TrimLeft(s, "*!")
	default:
		return "", false
	}
	s = strings.TrimLeft(s, "!") // //! and /*! comments
	s = strings.TrimSpace(s)
	rest, ok := strings.CutPrefix(s, prefix)
	if !ok || rest == "" || !isWordByte(rest[0]) {
		return "", false // prose such as "keychainlint: see the README"
	}
	// One space between the parts, so that Cut finds the verb.
	return strings.Join(strings.Fields(s), " "), true
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '-' || b == '_'
}

// diag makes a pseudo-rule finding at a directive's comment.
func diag(dir *Directive, rule string, url func(string) string, msg string) driver.Diagnostic {
	return driver.Diagnostic{
		Rule:     rule,
		Severity: driver.Warning,
		Pos:      dir.Pos,
		End:      position(dir.File, dir.Span.End),
		Message:  msg,
		URL:      url(rule),
	}
}

// position is the token.Position of a byte offset in f, as the driver
// reports positions (1-based line and byte column).
func position(f *model.File, offset int) token.Position {
	offset = max(0, min(offset, len(f.Src)))
	start := bytes.LastIndexByte(f.Src[:offset], '\n') + 1
	return token.Position{
		Filename: f.Path,
		Offset:   offset,
		Line:     bytes.Count(f.Src[:start], []byte{'\n'}) + 1,
		Column:   offset - start + 1,
	}
}
