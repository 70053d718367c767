// Package model is keychainlint's language-neutral program model.
//
// The front end (package swiftparse) lowers Swift, Objective-C and C syntax
// trees into this model; the flow engine (analyzer/flow) and every rule read
// only the model, never a tree-sitter node, so each rule is written once for
// all three languages.
//
// The model is deliberately small: functions with structured statements
// (declarations, assignments, if/guard/switch, loops, returns) and
// expressions (identifiers, literals, dictionary literals, calls with
// labelled arguments, member accesses, subscripts, casts, operators and
// closures). On top of that generic layer the front end recognises the
// keychain idioms — dictionary key writes, removals, merges and copies,
// SecItem calls with their argument roles, and comparisons of a status with
// error constants — and represents them with dedicated nodes (DictOp,
// SecItemCall, StatusCmp), so that the flow engine does not have to know
// how `setObject:forKey:`, `q[k] = v`, `CFDictionarySetValue` or
// `updateValue(_:forKey:)` are spelled.
//
// Every node keeps the byte offsets of its source text (Span), so every
// diagnostic and suggested fix points at real source.
package model
