// Package config reads keychainlint's configuration file, .keychainlint.yml,
// and answers, for one file, the settings that apply to it: its platforms
// and deployment targets, which rules are enabled and at what severity,
// and whether it is excluded; and, for a scan, the failing severity, the
// file size limit and the baseline. The command line and the language
// server share it, so that both read a file the same way.
//
// The file that applies to a path is the nearest .keychainlint.yml found
// by walking up from the path's directory, stopping after the directory
// that holds .git (the repository root); a Resolver can instead be given
// one file for every path (--config, its patterns then relative to the
// working directory) or none (--no-config). Files do not
// merge: the nearest one is the whole configuration, as with ruff.
//
// Entry points: ForPath(path, opt) gives the effective Settings of one
// file or directory (what the language server needs for a document); a
// caller with many paths keeps one NewResolver and asks For each. Options
// name the rules (from rules/all.Catalog). Settings.FileOptions is what
// driver.Config.FileOptions wants for the file, and Settings.Reseverity
// applies the configured severities to its findings.
//
// Mistakes are errors, never ignored: an unknown key, a value of the wrong
// type, an unknown rule, platform or severity name is reported with the
// file, line and key (Error), so that a misspelt setting cannot quietly
// leave a rule on. docs/configuration.md describes the format.
package config
