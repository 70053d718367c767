package swiftparse

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// objcDefine lowers an object-like macro whose replacement is one string
// literal (`#define kAccountKey @"acct"`, `"acct"`, `CFSTR("acct")`, in
// parentheses or not) like the global constant it stands for (`static
// NSString *const kAccountKey = @"acct";`): a property returning the
// string, so a key or value written through the macro reaches the
// dictionaries that use it. The grammar keeps a macro's replacement as
// unparsed text (preproc_arg), so only this one shape is read from it;
// function-like macros and any other replacement are left alone: the model
// does not expand macros.
func (l *lowerer) objcDefine(n *node) {
	name, val := n.ChildByFieldName("name"), n.ChildByFieldName("value")
	if name == nil || val == nil {
		return
	}
	lit := defineStringLit(l.text(val), int(val.StartByte()))
	if lit == nil {
		return
	}
	f := &model.Func{Kind: model.FuncProperty, Name: l.text(name), Static: true, Span: span(n), NameSpan: span(name)}
	f.Body = []model.Stmt{&model.Return{Value: lit, Span: lit.Span}}
	l.addFunc(f)
}

// defineStringLit reads a macro replacement text that starts at offset
// start in the source as one string literal without escapes, nil for
// anything else. The literal's span is its source text (with the @ or
// CFSTR around it), as for a literal lowered from the tree.
func defineStringLit(text string, start int) *model.StringLit {
	from, to := 0, len(text)
	trim := func() {
		for from < to && strings.IndexByte(" \t\r\n", text[from]) >= 0 {
			from++
		}
		for to > from && strings.IndexByte(" \t\r\n", text[to-1]) >= 0 {
			to--
		}
	}
	trim()
	for to-from >= 2 && text[from] == '(' && text[to-1] == ')' {
		from, to = from+1, to-1
		trim()
	}
	litFrom, litTo := from, to
	t := text[from:to]
	switch {
	case strings.HasPrefix(t, "@"):
		t = t[1:]
	case strings.HasPrefix(t, "CFSTR(") && strings.HasSuffix(t, ")"):
		t = strings.TrimSpace(t[len("CFSTR(") : len(t)-1])
	}
	if len(t) < 2 || t[0] != '"' || t[len(t)-1] != '"' || strings.ContainsAny(t[1:len(t)-1], "\"\\\n") {
		return nil
	}
	return &model.StringLit{Value: t[1 : len(t)-1], Span: model.Span{Start: start + litFrom, End: start + litTo}}
}
