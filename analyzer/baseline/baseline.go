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
	return enc.Encode(File{Version: Version, Tool: "keychainlint", Findings: es})
}

// WriteFile writes a baseline file.
func WriteFile(path string, entries []Entry) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, entries); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Baseline is a loaded baseline, consumed as findings match it.
type Baseline struct {
	left map[string]int
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
	b := &Baseline{left: map[string]int{}}
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
