package project

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"regexp"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Memo keeps what a project file said across runs: the analysis cache
// (analyzer/cache.Cache) is one. Parsing the project files is most of a
// warm scan's work when nothing else changed (an Xcode project's plist,
// a Package.swift through tree-sitter, the Info.plists and entitlements its
// targets name), and it gives the same units for the same inputs.
type Memo interface {
	Key(kind string, parts ...[]byte) [32]byte
	Get(k [32]byte) []byte
	Put(k [32]byte, payload []byte) bool
}

// An entry is keyed by the project file's path (absolute and as printed)
// and content. Everything else the parse looked at, through projectFiles,
// is recorded in Deps and checked again before the entry is used: an
// xcconfig, Info.plist or entitlements file that changed, appeared or
// went away, or a file printed differently (another working directory),
// makes it a miss.
type memoEntry struct {
	Deps  []memoDep
	Units []memoUnit
}

type memoDep struct {
	Abs   string
	Show  bool // a show (Shown) rather than a read (Found, Sum)
	Found bool
	Sum   [32]byte
	Shown string
}

// memoUnit is unit with exported fields, for encoding/gob; globs are kept
// as their regular expressions.
type memoUnit struct {
	Source, Name string
	Platforms    model.Platform
	Deployment   map[model.Platform]model.OSVersion
	Test         bool
	Facts        *model.TargetFacts
	Files        []string
	Dirs         []string
	Exclude      []string
	Base         string
	Globs        []string
	ExcludeGlobs []string
}

// memoKind names the entries; bump the suffix when unit's meaning changes
// without its fields changing (the binary's identity is in every key too).
const memoKind = "project-file/1"

// recording wraps fs so that every read and show is written to deps.
func recording(fs projectFiles, deps *[]memoDep) projectFiles {
	return projectFiles{
		read: func(abs string) ([]byte, bool) {
			b, ok := fs.read(abs)
			d := memoDep{Abs: abs, Found: ok}
			if ok {
				d.Sum = sha256.Sum256(b)
			}
			*deps = append(*deps, d)
			return b, ok
		},
		show: func(abs string) string {
			s := fs.show(abs)
			*deps = append(*deps, memoDep{Abs: abs, Show: true, Shown: s})
			return s
		},
	}
}

// depsHold reports whether every recorded read and show gives the same
// answer now.
func depsHold(deps []memoDep, fs projectFiles) bool {
	for _, d := range deps {
		if d.Show {
			if fs.show(d.Abs) != d.Shown {
				return false
			}
			continue
		}
		b, ok := fs.read(d.Abs)
		if ok != d.Found || (ok && sha256.Sum256(b) != d.Sum) {
			return false
		}
	}
	return true
}

// parseMemo is parseProjectFile through memo (nil: no memo).
func parseMemo(ctx context.Context, memo Memo, f source.File, src []byte, fs projectFiles) ([]*unit, error) {
	if memo == nil {
		return parseProjectFile(ctx, f, src, fs)
	}
	k := memo.Key(memoKind, []byte(f.Abs), []byte(f.Path), src)
	if payload := memo.Get(k); payload != nil {
		var e memoEntry
		if gob.NewDecoder(bytes.NewReader(payload)).Decode(&e) == nil && depsHold(e.Deps, fs) {
			if units, ok := fromMemo(e.Units); ok {
				return units, nil
			}
		}
	}
	var deps []memoDep
	units, err := parseProjectFile(ctx, f, src, recording(fs, &deps))
	if err != nil || ctx.Err() != nil {
		// Errors are rare and cheap to find again; a cancelled parse
		// may be incomplete.
		return units, err
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(memoEntry{Deps: deps, Units: toMemo(units)}) == nil {
		memo.Put(k, buf.Bytes())
	}
	return units, nil
}

func toMemo(units []*unit) []memoUnit {
	out := make([]memoUnit, len(units))
	for i, u := range units {
		m := memoUnit{Source: u.source, Name: u.name, Platforms: u.platforms, Deployment: u.deployment, Test: u.test,
			Facts: u.facts, Dirs: u.dirs, Exclude: u.exclude, Base: u.base}
		for f := range u.files {
			m.Files = append(m.Files, f)
		}
		slices.Sort(m.Files)
		for _, g := range u.globs {
			m.Globs = append(m.Globs, g.re.String())
		}
		for _, g := range u.excludeGlobs {
			m.ExcludeGlobs = append(m.ExcludeGlobs, g.re.String())
		}
		out[i] = m
	}
	return out
}

// fromMemo rebuilds the units; false when a glob does not compile (an
// entry written by something else).
func fromMemo(ms []memoUnit) ([]*unit, bool) {
	out := make([]*unit, len(ms))
	globs := func(res []string) ([]*glob, bool) {
		var gs []*glob
		for _, s := range res {
			re, err := regexp.Compile(s)
			if err != nil {
				return nil, false
			}
			gs = append(gs, &glob{re: re})
		}
		return gs, true
	}
	for i, m := range ms {
		u := &unit{source: m.Source, name: m.Name, platforms: m.Platforms, deployment: m.Deployment, test: m.Test,
			facts: m.Facts, dirs: m.Dirs, exclude: m.Exclude, base: m.Base}
		if m.Files != nil {
			u.files = make(map[string]bool, len(m.Files))
			for _, f := range m.Files {
				u.files[f] = true
			}
		}
		var ok1, ok2 bool
		if u.globs, ok1 = globs(m.Globs); !ok1 {
			return nil, false
		}
		if u.excludeGlobs, ok2 = globs(m.ExcludeGlobs); !ok2 {
			return nil, false
		}
		out[i] = u
	}
	return out, true
}
