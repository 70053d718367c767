// Package swiftparse is keychainlint's front end: it parses Swift with the
// tree-sitter Swift grammar and Objective-C, Objective-C++ and C with the
// tree-sitter Objective-C grammar (a superset of C), and lowers each file
// into the language-neutral model of package analyzer/model.
//
// Lowering is total: every syntax tree yields a model. Subtrees that
// tree-sitter could not parse (ERROR nodes) are recorded in File.Errors and
// skipped, constructs the model does not represent become model.Unknown
// (keeping the modelled expressions inside them), and nesting deeper than
// maxDepth is cut off so that a pathological file cannot exhaust the stack.
//
// The keychain idioms are recognised in recognize.go, once for all
// languages: SecItem calls, dictionary writes, removals, merges and copies,
// and status comparisons.
package swiftparse
