package flow_test

import (
	"fmt"

	"github.com/keychainlint/keychainlint/analyzer/model"
)

// builder builds a model directly (no parse), for inputs too large to
// generate as source in a unit test: every node gets a span of its own, in
// order, and the file's source is blank text of that length.
type builder struct{ pos int }

func (b *builder) span() model.Span {
	s := model.Span{Start: b.pos, End: b.pos + 4}
	b.pos += 5
	return s
}

func (b *builder) ident(name string) *model.Ident { return &model.Ident{Name: name, Span: b.span()} }

// query is [kSecClass: kSecClassGenericPassword, kSecAttrService: "s",
// kSecAttrAccount: account]: a complete query naming one item.
func (b *builder) query(account string) *model.DictLit {
	entry := func(k string, v model.Expr) *model.DictEntry {
		return &model.DictEntry{Key: &model.Cast{X: b.ident(k), Type: "String", Span: b.span()}, Value: v, Span: b.span()}
	}
	return &model.DictLit{Entries: []*model.DictEntry{
		entry("kSecClass", b.ident("kSecClassGenericPassword")),
		entry("kSecAttrService", &model.StringLit{Value: "s", Span: b.span()}),
		entry("kSecAttrAccount", &model.StringLit{Value: account, Span: b.span()}),
	}, Span: b.span()}
}

// let name: [String: Any] = query(account)
func (b *builder) decl(name, account string) model.Stmt {
	return &model.Decl{Name: name, Type: "[String: Any]", Value: b.query(account), Span: b.span()}
}

func (b *builder) secItem(op model.Op, dict string) *model.SecItemCall {
	return &model.SecItemCall{Op: op, Dict: &model.Cast{X: b.ident(dict), Type: "CFDictionary", Span: b.span()}, Span: b.span(), NameSpan: b.span()}
}

// SecItemDelete(dict)
func (b *builder) del(dict string) model.Stmt {
	return &model.ExprStmt{X: b.secItem(model.OpDelete, dict), Span: b.span()}
}

// let status = SecItemCopyMatching(dict, nil)
func (b *builder) read(status, dict string) model.Stmt {
	return &model.Decl{Name: status, Value: b.secItem(model.OpRead, dict), Span: b.span()}
}

// if status != errSecSuccess { then }
func (b *builder) ifFailed(status string, then ...model.Stmt) *model.If {
	return &model.If{Cond: &model.StatusCmp{X: b.ident(status), Code: 0, CodeName: "errSecSuccess", Span: b.span()}, Then: then, Span: b.span()}
}

// file wraps statements in one Swift function of a file.
func (b *builder) file(body []model.Stmt) *model.File {
	f := &model.File{Path: "built.swift", Lang: model.Swift}
	f.Funcs = []*model.Func{{Kind: model.FuncFunction, Name: "f", Body: body, File: f, Span: b.span(), NameSpan: b.span()}}
	f.Src = make([]byte, b.pos)
	for i := range f.Src {
		f.Src[i] = ' '
	}
	return f
}

func name(prefix string, i int) string { return fmt.Sprintf("%s%d", prefix, i) }

// SecItemAdd(dict, nil)
func (b *builder) add(dict string) model.Stmt {
	return &model.ExprStmt{X: b.secItem(model.OpAdd, dict), Span: b.span()}
}

// return value
func (b *builder) ret(value model.Expr) model.Stmt {
	return &model.Return{Value: value, Span: b.span()}
}
