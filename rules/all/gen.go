package all

// The rules' documentation pages docs/rules/<rule>.md are generated from
// the analyzers' doc.go (the same text as `keychainlint explain RULE` and
// the SARIF help). internal/gendocs has a test that fails when they are
// stale.
//
//go:generate go run ../../internal/gendocs -o ../../docs/rules
