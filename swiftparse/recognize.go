package swiftparse

import (
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// This file recognises the keychain idioms in the generic model, once for
// every language: the lowerers call these helpers on each call,
// assignment, comparison and identifier they build.

// identExpr turns names that are literals in disguise into literals.
func identExpr(name string, sp model.Span) model.Expr {
	switch name {
	case "nil", "NULL", "Nil", "nullptr":
		return &model.NilLit{Span: sp}
	case "YES", "true", "TRUE", "kCFBooleanTrue":
		return &model.BoolLit{Value: true, Span: sp}
	case "NO", "false", "FALSE", "kCFBooleanFalse":
		return &model.BoolLit{Value: false, Span: sp}
	}
	return &model.Ident{Name: name, Span: sp}
}

// dictTypeNames are the dictionary types whose constructors create an
// empty dictionary; ref marks reference types.
var dictTypeNames = map[string]bool{
	"NSMutableDictionary": true,
	"NSDictionary":        true,
	"Dictionary":          false,
}

// recognizeCall returns the keychain node a call stands for, or the call.
func recognizeCall(c *model.Call, lang model.Lang) model.Expr {
	args := c.Args
	arg := func(i int) model.Expr {
		if i < len(args) {
			return args[i].Value
		}
		return nil
	}
	labels := func() string {
		var b strings.Builder
		for _, a := range args {
			b.WriteString(a.Label)
			b.WriteByte(':')
		}
		return b.String()
	}
	switch fun := c.Fun.(type) {
	case *model.Ident:
		if op, ok := model.SecItemOps[fun.Name]; ok {
			return secItemCall(c, op, fun.Span)
		}
		switch fun.Name {
		case "CFDictionarySetValue":
			if len(args) == 3 {
				return &model.DictOp{Kind: model.DictSet, Dict: arg(0), Key: arg(1), Value: arg(2), Span: c.Span}
			}
		case "CFDictionaryAddValue":
			if len(args) == 3 {
				return &model.DictOp{Kind: model.DictAdd, Dict: arg(0), Key: arg(1), Value: arg(2), Span: c.Span}
			}
		case "CFDictionaryRemoveValue":
			if len(args) == 2 {
				return &model.DictOp{Kind: model.DictRemove, Dict: arg(0), Key: arg(1), Span: c.Span}
			}
		case "CFDictionaryRemoveAllValues":
			if len(args) == 1 {
				return &model.DictOp{Kind: model.DictRemoveAll, Dict: arg(0), Span: c.Span}
			}
		case "CFDictionaryCreateMutable":
			return &model.NewDict{Ref: true, Span: c.Span}
		case "CFDictionaryCreateMutableCopy":
			if len(args) == 3 {
				return &model.NewDict{Ref: true, Copy: arg(2), Span: c.Span}
			}
		case "CFDictionaryCreateCopy":
			if len(args) == 2 {
				return &model.NewDict{Ref: true, Copy: arg(1), Span: c.Span}
			}
		case "CFDictionaryCreate":
			if len(args) >= 3 {
				return &model.NewDict{Ref: true, Keys: arg(1), Values: arg(2), Span: c.Span}
			}
		case "CFBridgingRelease", "CFBridgingRetain", "CFAutorelease", "CFRetain", "__bridge_transfer":
			if len(args) == 1 {
				return &model.Cast{X: arg(0), Type: "id", Span: c.Span}
			}
		case "String", "NSString", "CFString":
			// String(kSecAttrAccount) converts the CFString key.
			if len(args) == 1 && (args[0].Label == "" || args[0].Label == "describing") {
				return &model.Cast{X: arg(0), Type: fun.Name, Span: c.Span}
			}
		case "NSNumber":
			if len(args) == 1 && (args[0].Label == "value" || args[0].Label == "booleanLiteral") {
				if b, ok := arg(0).(*model.BoolLit); ok {
					return &model.BoolLit{Value: b.Value, Span: c.Span}
				}
			}
		case "NSMutableDictionary", "NSDictionary":
			switch labels() {
			case "":
				return &model.NewDict{Ref: true, Span: c.Span}
			case "dictionary:":
				return &model.NewDict{Ref: true, Copy: arg(0), Span: c.Span}
			case "capacity:":
				return &model.NewDict{Ref: true, Span: c.Span}
			case "objects:forKeys:":
				return &model.NewDict{Ref: true, Keys: arg(1), Values: arg(0), Span: c.Span}
			}
		case "Dictionary":
			if len(args) == 0 {
				return &model.NewDict{Span: c.Span}
			}
		}
	case *model.DictLit:
		// Swift `[String: Any]()`: the type parses as a dictionary literal
		// whose key and value are type names.
		if len(args) == 0 && len(fun.Entries) == 1 && isTypeName(fun.Entries[0].Key) && isTypeName(fun.Entries[0].Value) {
			return &model.NewDict{Span: c.Span}
		}
	case *model.Member:
		recv := fun.X
		name := fun.Name
		if c.ObjCMessage {
			return recognizeMessage(c, recv, name, arg)
		}
		switch name + "(" + labels() + ")" {
		case "setObject(:forKey:)", "setValue(:forKey:)", "updateValue(:forKey:)":
			// setValue(_:forKey:) takes Any? (nil removes the key); the
			// others take Any, into which an Optional is boxed.
			return &model.DictOp{Kind: model.DictSet, Dict: recv, Key: arg(1), Value: arg(0), Boxes: name != "setValue", Span: c.Span}
		case "removeValue(forKey:)", "removeObject(forKey:)":
			return &model.DictOp{Kind: model.DictRemove, Dict: recv, Key: arg(0), Span: c.Span}
		case "removeAll()", "removeAll(keepingCapacity:)", "removeAllObjects()":
			return &model.DictOp{Kind: model.DictRemoveAll, Dict: recv, Span: c.Span}
		case "merge(:)", "merge(:uniquingKeysWith:)", "merge(::)", "addEntries(from:)":
			return &model.DictOp{Kind: model.DictMerge, Dict: recv, Other: arg(0), Span: c.Span}
		case "merging(:)", "merging(:uniquingKeysWith:)", "merging(::)":
			return &model.NewDict{Copy: recv, Merge: arg(0), Span: c.Span}
		case "mutableCopy()", "copy()":
			return &model.NewDict{Ref: true, Copy: recv, Span: c.Span}
		case "init()":
			if id, ok := recv.(*model.Ident); ok {
				if ref, ok := dictTypeNames[id.Name]; ok {
					return &model.NewDict{Ref: ref, Span: c.Span}
				}
			}
		}
	case *model.Closure:
	}
	return c
}

// recognizeMessage recognises Objective-C message sends.
func recognizeMessage(c *model.Call, recv model.Expr, sel string, arg func(int) model.Expr) model.Expr {
	isClass := func(names ...string) bool {
		id, ok := recv.(*model.Ident)
		if !ok {
			return false
		}
		for _, n := range names {
			if id.Name == n {
				return true
			}
		}
		return false
	}
	// [[NSMutableDictionary alloc] init…]: the receiver is itself a message.
	allocOf := func() bool {
		inner, ok := recv.(*model.Call)
		if !ok || inner.Name() != "alloc" {
			return false
		}
		id, ok := inner.Receiver().(*model.Ident)
		return ok && (id.Name == "NSMutableDictionary" || id.Name == "NSDictionary")
	}
	switch sel {
	case "setObject:forKey:", "setValue:forKey:", "setObject:forKeyedSubscript:":
		return &model.DictOp{Kind: model.DictSet, Dict: recv, Key: arg(1), Value: arg(0), Span: c.Span}
	case "removeObjectForKey:":
		return &model.DictOp{Kind: model.DictRemove, Dict: recv, Key: arg(0), Span: c.Span}
	case "removeAllObjects":
		return &model.DictOp{Kind: model.DictRemoveAll, Dict: recv, Span: c.Span}
	case "addEntriesFromDictionary:":
		return &model.DictOp{Kind: model.DictMerge, Dict: recv, Other: arg(0), Span: c.Span}
	case "mutableCopy", "copy":
		return &model.NewDict{Ref: true, Copy: recv, Span: c.Span}
	case "dictionary", "new", "dictionaryWithCapacity:":
		if isClass("NSMutableDictionary", "NSDictionary") {
			return &model.NewDict{Ref: true, Span: c.Span}
		}
	case "init", "initWithCapacity:":
		if allocOf() {
			return &model.NewDict{Ref: true, Span: c.Span}
		}
	case "dictionaryWithDictionary:":
		if isClass("NSMutableDictionary", "NSDictionary") {
			return &model.NewDict{Ref: true, Copy: arg(0), Span: c.Span}
		}
	case "initWithDictionary:":
		if allocOf() {
			return &model.NewDict{Ref: true, Copy: arg(0), Span: c.Span}
		}
	case "dictionaryWithObjects:forKeys:", "dictionaryWithObjects:forKeys:count:":
		if isClass("NSMutableDictionary", "NSDictionary") {
			return &model.NewDict{Ref: true, Keys: arg(1), Values: arg(0), Span: c.Span}
		}
	case "dictionaryWithObjectsAndKeys:", "initWithObjectsAndKeys:":
		if isClass("NSMutableDictionary", "NSDictionary") || allocOf() {
			// Variadic value, key, value, key, …, nil.
			lit := &model.DictLit{Span: c.Span}
			vals := c.Args
			for i := 0; i+1 < len(vals); i += 2 {
				if _, end := vals[i].Value.(*model.NilLit); end {
					break
				}
				// No span: the pair is not written as `key: value`, so it is
				// no literal entry a fix could extend.
				lit.Entries = append(lit.Entries, &model.DictEntry{Key: vals[i+1].Value, Value: vals[i].Value})
			}
			return &model.NewDict{Ref: true, Copy: lit, Span: c.Span}
		}
	}
	return c
}

func secItemCall(c *model.Call, op model.Op, nameSpan model.Span) model.Expr {
	s := &model.SecItemCall{Op: op, Call: c, NameSpan: nameSpan, Span: c.Span}
	arg := func(i int) model.Expr {
		if i < len(c.Args) {
			return c.Args[i].Value
		}
		return nil
	}
	s.Dict = arg(0)
	switch op {
	case model.OpAdd, model.OpRead:
		s.Result = arg(1)
		if _, isNil := model.StripCasts(s.Result).(*model.NilLit); isNil {
			s.Result = nil
		}
	case model.OpUpdate:
		s.Update = arg(1)
	}
	return s
}

// isTypeName reports whether e looks like a type name (String, Any,
// AnyHashable, CFString, NSObject).
func isTypeName(e model.Expr) bool {
	id, ok := e.(*model.Ident)
	return ok && id.Name != "" && id.Name[0] >= 'A' && id.Name[0] <= 'Z' && !strings.HasPrefix(id.Name, "kSec")
}

// recognizeAssign turns `d[k] = v` and `d[k] = nil` into dictionary
// writes; other assignments stay assignments.
func recognizeAssign(target model.Expr, op string, value model.Expr, sp model.Span) model.Stmt {
	if ix, ok := target.(*model.Index); ok && op == "=" {
		kind := model.DictSet
		if _, isNil := value.(*model.NilLit); isNil {
			kind = model.DictRemove
			value = nil
		}
		return &model.ExprStmt{X: &model.DictOp{Kind: kind, Dict: ix.X, Key: ix.Index, Value: value, Span: sp}, Span: sp}
	}
	return &model.Assign{Target: target, Op: op, Value: value, Span: sp}
}

// statusCode returns the status code an expression denotes: a status
// constant (errSecItemNotFound, noErr) or an integer literal.
func statusCode(e model.Expr) (int, string, bool) {
	e = model.StripCasts(e)
	switch x := e.(type) {
	case *model.Ident:
		if c, ok := keychain.StatusCode(x.Name); ok {
			return c, x.Name, true
		}
	case *model.NumberLit:
		if x.IsInt {
			return int(x.Int), x.Text, true
		}
	case *model.Unary:
		if x.Op == "-" {
			if n, ok := model.StripCasts(x.X).(*model.NumberLit); ok && n.IsInt {
				return -int(n.Int), "-" + n.Text, true
			}
		}
	}
	return 0, "", false
}

// recognizeCompare turns `x == errSecItemNotFound` (either order, == or
// !=) into a StatusCmp; other binary expressions stay Binary.
func recognizeCompare(op string, lhs, rhs model.Expr, sp model.Span) model.Expr {
	if op == "==" || op == "!=" || op == "===" || op == "!==" {
		eq := op == "==" || op == "==="
		if code, name, ok := statusCode(rhs); ok {
			if _, _, lit := statusCode(lhs); !lit || isCallish(lhs) {
				return &model.StatusCmp{X: lhs, Equal: eq, Code: code, CodeName: name, Span: sp}
			}
		}
		if code, name, ok := statusCode(lhs); ok {
			return &model.StatusCmp{X: rhs, Equal: eq, Code: code, CodeName: name, Span: sp}
		}
	}
	return &model.Binary{Op: op, L: lhs, R: rhs, Span: sp}
}

func isCallish(e model.Expr) bool {
	switch model.StripCasts(e).(type) {
	case *model.Call, *model.SecItemCall:
		return true
	}
	return false
}
