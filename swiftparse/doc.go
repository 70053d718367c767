// Package swiftparse is keychainlint's front end: it parses Swift with the
// tree-sitter Swift grammar and Objective-C, Objective-C++ and C with the
// tree-sitter Objective-C grammar (a superset of C), and lowers each file
// into the language-neutral model of package analyzer/model.
//
// Lowering is total: every syntax tree yields a model. Subtrees that
// tree-sitter could not parse (ERROR nodes, less the well-formed
// declarations inside them, which are lowered) are recorded in File.Errors
// and skipped, constructs the model does not represent become
// model.Unknown (keeping the modelled expressions inside them), and
// nesting deeper than maxDepth (2,000 nested ifs) is cut off (File.Cut)
// so that a pathological file costs bounded time and stack. The command reports all of
// these as partial parses.
//
// Lowering reads a copy of the syntax tree made in one C walk per file
// (flat.go, flat.c) instead of asking the Go binding node by node, which
// cost a cgo call, a map insert and a string per node visited; the copy
// answers every question exactly as the binding does (the few it cannot,
// such as ChildByFieldName, it asks tree-sitter).
//
// The keychain idioms are recognised in recognize.go, once for all
// languages: SecItem calls, dictionary writes, removals, merges and copies,
// and status comparisons.
//
// Shortcomings of the tree-sitter Swift grammar are worked around:
// #if/#elseif/#else/#endif lines are blanked out before parsing and put
// back by position (directives.go), because the grammar cannot parse them
// between the members of a type (directives around whole `case` clauses
// go to the switch, which narrows those cases to their platforms); and chains of infix operators are
// rebuilt with Swift's precedence (infix.go), because the grammar nests
// `a == b || c == d` as a == (b || (c == d)); a prefix operator the
// grammar puts at the base of a postfix chain (`!x.contains(k)` as
// (!x).contains(k)) applies to the whole chain (swift.go). Typed throws
// (`throws(E)`) and `await` after `try` (whose call in an if condition the
// grammar gives a trailing closure) are blanked before parsing
// (grammargaps.go). In Objective-C, methods declared through macros at
// @implementation scope (RCT_EXPORT_METHOD(sel:(T)x ...) { ... },
// RCT_REMAP_METHOD, any MACRO(...) { ... }) are rewritten in place into
// the method definitions they expand to (objcmacros.go), and a switch
// body is walked as C reads it, a statement list with case labels,
// because a preprocessor conditional ends the grammar's case_statement
// (cases inside the conditional are narrowed to its platforms; the
// statements after it stay in their case). A parse that exceeds a time
// limit (tree-sitter's error recovery can take minutes on a few broken
// bytes) is done again one top-level declaration at a time (chunks.go,
// reparse.go): the declarations whose own parse exceeds its limit are
// recorded as lost (File.TimedOutRegions), the others are lowered.
package swiftparse
