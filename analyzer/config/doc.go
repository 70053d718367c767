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
// one file for every path (--config) or none (--no-config). Files do not
// merge: the nearest one is the whole configuration, as with ruff.
//
// Mistakes are errors, never ignored: an unknown key, a value of the wrong
// type, an unknown rule, platform or severity name is reported with the
// file, line and key (Error), so that a misspelt setting cannot quietly
// leave a rule on. docs/configuration.md describes the format.
package config
