package config

import (
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// FileName is the name of the configuration file.
const FileName = ".keychainlint.yml"

// MaxFileSize bounds a configuration file (a larger one is an error).
const MaxFileSize = 1 << 20

// Rule is a rule the configuration may name, with its default severity.
type Rule struct {
	Name     string
	Severity string
}

// Options are what Load needs to check a file.
type Options struct {
	// Rules are the rules a configuration may name (the catalog, in the
	// order `keychainlint rules` lists them).
	Rules []Rule
}

// Config is one parsed configuration file.
type Config struct {
	// Path is the file as it was named or found; Dir is its directory,
	// absolute: patterns and the baseline are relative to it.
	Path, Dir string

	top       section
	exclude   []pathGlob
	overrides []override

	failOn      *strVal
	maxFileSize *intVal
	baseline    *strVal
}

// section holds the settings that apply to files: the top level of the
// file, and each override.
type section struct {
	platforms  *platVal
	deployment []depVal
	// disable and enable name rules, or "all"; disable applies first.
	disable, enable []strVal
	// severityAll sets every rule's severity (severity: note); severity
	// sets one rule's, after it.
	severityAll *strVal
	severity    []ruleSev
}

type override struct {
	paths []pathGlob
	section
}

type strVal struct {
	v   string
	src Source
}

type intVal struct {
	v   int64
	src Source
}

type platVal struct {
	v   model.Platform
	src Source
}

type depVal struct {
	p   model.Platform
	v   model.OSVersion
	src Source
}

type ruleSev struct {
	rule, sev string
	src       Source
}

type pathGlob struct {
	g   *glob
	src Source
}
