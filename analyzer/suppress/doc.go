// Package suppress implements keychainlint's inline suppressions: it reads
// keychainlint:ignore and keychainlint:file-ignore directives from the
// comments of the scanned files (model.File.Comments: Swift, Objective-C
// and C, // and /* */ alike), silences the findings they name, and reports
// the directives that do not work (badignore) or silence nothing
// (unusedignore). Those two are pseudo-rules: they are not analyzers, but
// their findings are reported, counted, baselined and listed in SARIF like
// any other rule's.
//
// Syntax:
//
//	// keychainlint:ignore RULE[,RULE...] -- reason
//	// keychainlint:file-ignore RULE[,RULE...] -- reason
//
// A keychainlint:ignore directive applies to findings whose primary
// location is on a line the comment occupies or on the line just after it
// (so it can trail the reported code or stand on the line above). A
// keychainlint:file-ignore directive applies to the whole file, wherever it
// is. The reason after "--" is mandatory.
//
// # Analyzer unusedignore
//
// unusedignore: suppression that silences nothing
//
// A keychainlint:ignore directive names rules whose findings it silences on
// its own line and the next; a keychainlint:file-ignore directive silences
// them in the whole file. When no finding of a named rule is there, the
// directive is stale: the code was fixed or moved, or the rule name or the
// line is wrong. A stale directive is a hazard, because it silently
// swallows the next finding that appears there.
//
// The finding is reported at the directive's comment, once for each rule
// it names that silenced nothing. Remove the rule from the directive, or
// the directive. Directives in a file without a keychain token (an
// identifier such as SecItemAdd or kSecClass) are not checked (such files
// are not parsed). A directive for a finding that occurs only on some
// platforms is unused when --platforms excludes them.
//
// Example:
//
//	// keychainlint:ignore deletelimit -- the delete query is macOS-only
//	let status = SecItemUpdate(query as CFDictionary, changes as CFDictionary)   // no deletelimit finding here
//
// Use instead: delete the directive.
//
// # Analyzer badignore
//
// badignore: suppression that does not work
//
// A keychainlint:ignore or keychainlint:file-ignore directive must name at
// least one rule (see keychainlint rules) and say why the finding does not
// apply, after "--". The reason is mandatory: a suppression is a review
// decision, and the next reader needs to know what was decided. A
// directive without a reason suppresses nothing. Rule names that do not
// exist are reported as well (the other rules of the directive still
// apply), and so are misspelled directives such as keychainlint:ingore.
//
// Example:
//
//	// keychainlint:ignore deletelimit
//	SecItemDelete(query as CFDictionary)
//
// Use instead:
//
//	// keychainlint:ignore deletelimit -- this query only runs against the macOS file keychain
//	SecItemDelete(query as CFDictionary)
package suppress
