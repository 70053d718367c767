// Package baseline records a scan's findings by fingerprint and later
// tells the findings that are new from those already recorded, so that a
// team can adopt keychainlint on existing code and fail only on what a
// change introduces.
//
// A baseline file is JSON:
//
//	{
//	  "version": 1,
//	  "tool": "keychainlint",
//	  "findings": [
//	    {"fingerprint": "3f0c…:1", "rule": "deletelimit", "file": "Sources/Vault.swift", "line": 147, "message": "…"}
//	  ]
//	}
//
// A baseline also records the entitlements of the scan's Xcode targets
// ("targets", see Target), so that a later scan against it can tell an
// entitlements change that moves the default keychain access group or
// removes a group (rule accessgroupchange). A baseline without "targets"
// (written before they were recorded) compares no entitlements.
//
// Only the fingerprint matters for matching (see report.Fingerprints: it
// does not contain the line number, so inserting lines above a finding
// does not bring it back); rule, file, line and message are there for the
// people who review the file. A fingerprint recorded n times matches n
// findings.
package baseline

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
)

// Version is the version of the file format.
const Version = 1

// File is a baseline file.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
	// Targets are the Xcode targets' entitlements when the baseline was
	// written; nil in a baseline that did not record them.
	Targets []Target `json:"targets,omitempty"`
}

// Target records what an Xcode target's entitlements said (paths relative
// to the source root, values with build settings expanded, "*" for what
// could not be).
type Target struct {
	// Target is the project's path and the target's name,
	// "App/Vault.xcodeproj:Vault".
	Target       string         `json:"target"`
	BundleIDs    []string       `json:"bundleIds,omitempty"`
	Entitlements []Entitlements `json:"entitlements"`
}

// Entitlements are one entitlements file of a target.
type Entitlements struct {
	Path                 string   `json:"path"`
	Configurations       []string `json:"configurations"`
	KeychainAccessGroups []string `json:"keychainAccessGroups,omitempty"`
	AppGroups            []string `json:"applicationGroups,omitempty"`
	// Unread says why the file could not be read; it is then not compared.
	Unread string `json:"unread,omitempty"`
}

// Entry is a recorded finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

// Write writes a baseline of entries (sorted by file, line, rule and
// fingerprint, so that the file diffs well).
func Write(w io.Writer, entries []Entry) error {
	return WriteTargets(w, entries, nil)
}

// WriteTargets writes a baseline of entries that also records the
// targets' entitlements (none are written as no record: with no target,
// there is nothing a later scan could compare).
func WriteTargets(w io.Writer, entries []Entry, targets []Target) error {
	es := slices.Clone(entries)
	slices.SortStableFunc(es, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	if es == nil {
		es = []Entry{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	ts := slices.Clone(targets)
	slices.SortStableFunc(ts, func(a, b Target) int { return cmp.Compare(a.Target, b.Target) })
	return enc.Encode(File{Version: Version, Tool: "keychainlint", Findings: es, Targets: ts})
}

// WriteFile writes a baseline file.
func WriteFile(path string, entries []Entry) error {
	return WriteFileTargets(path, entries, nil)
}

// WriteFileTargets writes a baseline file that records the targets'
// entitlements.
func WriteFileTargets(path string, entries []Entry, targets []Target) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteTargets(f, entries, targets); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Baseline is a loaded baseline, consumed as findings match it.
type Baseline struct {
	left map[string]int
	// Targets are the entitlements the baseline recorded; nil when it
	// recorded none.
	Targets []Target
}

// Read loads a baseline.
func Read(r io.Reader) (*Baseline, error) {
	var f File
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a keychainlint baseline: %w", err)
	}
	if f.Tool != "keychainlint" || f.Version < 1 {
		return nil, fmt.Errorf("not a keychainlint baseline (tool %q, version %d)", f.Tool, f.Version)
	}
	if f.Version > Version {
		return nil, fmt.Errorf("baseline version %d is newer than this keychainlint understands (%d)", f.Version, Version)
	}
	b := &Baseline{left: map[string]int{}, Targets: f.Targets}
	for _, e := range f.Findings {
		if e.Fingerprint == "" {
			return nil, fmt.Errorf("baseline entry without fingerprint (%s:%d %s)", e.File, e.Line, e.Rule)
		}
		b.left[e.Fingerprint]++
	}
	return b, nil
}

// ReadFile loads a baseline file.
func ReadFile(path string) (*Baseline, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// Match reports whether a finding with this fingerprint is in the
// baseline, and uses up one recorded occurrence if so.
func (b *Baseline) Match(fingerprint string) bool {
	if b.left[fingerprint] > 0 {
		b.left[fingerprint]--
		return true
	}
	return false
}
