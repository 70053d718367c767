package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/analyzer/cache"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// The whole run's findings are cached too, under a key made of
// everything the flow engine and the rules read: every parsed file's path
// and content (hence its model), its project facts, the platform scope,
// the analyzers, and (through the cache's key) the binary. When nothing
// of it changed, the flow engine and the rules, which are most of a warm
// run's time, are not run again; when anything changed, they run over all
// models, so a change in one file reaches the findings in every file.

// resultFormat versions the encoding of cachedDiag.
const resultFormat = 2

// cachedDiag is what the outputs read of a Diagnostic. The go/analysis
// form (Raw, the text edits' token.Pos) is tied to the run's FileSet and
// is not kept: a Diagnostic from the cache has a zero Raw, and Fixes with
// their messages only; FixEdits holds the edits (resolved to offsets).
type cachedDiag struct {
	Rule     string
	Severity Severity
	Pos, End token.Position
	Message  string
	URL      string
	Related  []Related
	FixMsgs  []string
	FixEdits [][]FileEdit
	FixSafe  []bool
	Subject  *Subject
	Folded   []Folded
}

// resultKey is the key of the run's findings, ok false when the run is
// not cacheable.
func resultKey(cfg Config, files []*model.File, outside map[string]bool) (k [32]byte, ok bool) {
	if cfg.Cache == nil || cfg.NoResultCache {
		return k, false
	}
	var names []string
	for _, a := range topo(cfg.Analyzers) {
		names = append(names, a.Name)
	}
	parts := [][]byte{
		fmt.Appendf(nil, "%d|%d|%s", resultFormat, cfg.Platforms, strings.Join(names, ",")),
		cache.SchemaHash(),
		cfg.opts.key(files),
		outsideKey(outside),
	}
	for _, f := range files {
		sum := sha256.Sum256(f.Src)
		proj, err := cache.Fingerprint(f.Project)
		if err != nil {
			return k, false
		}
		parts = append(parts, []byte(f.Path), sum[:], proj)
	}
	return cfg.Cache.Key("result", parts...), true
}

// cachedRun is what a run stores: its findings, and the functions of each
// file (by index in the run's parsed files) that the flow engine stopped
// at its step budget, which the reports list as partially analysed.
type cachedRun struct {
	Diags []cachedDiag
	Cuts  map[int][]model.Span
}

// loadResult returns the cached findings of the run, ok false on a miss;
// on a hit it sets the files' AnalysisCut as the analysis did.
func loadResult(cfg Config, k [32]byte, files []*model.File) (diags []Diagnostic, ok bool) {
	data := cfg.Cache.Get(k)
	if data == nil {
		return nil, false
	}
	var run cachedRun
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&run); err != nil {
		return nil, false
	}
	for i := range run.Cuts {
		if i < 0 || i >= len(files) {
			return nil, false
		}
	}
	for _, c := range run.Diags {
		d := Diagnostic{Rule: c.Rule, Severity: c.Severity, Pos: c.Pos, End: c.End, Message: c.Message, URL: c.URL,
			Related: c.Related, Subject: c.Subject, Folded: c.Folded, fixEdits: c.FixEdits, fixSafe: c.FixSafe}
		for _, m := range c.FixMsgs {
			d.Fixes = append(d.Fixes, analysis.SuggestedFix{Message: m})
		}
		if len(d.Fixes) != len(d.fixEdits) {
			return nil, false
		}
		diags = append(diags, d)
	}
	for i, cut := range run.Cuts {
		files[i].AnalysisCut = cut
	}
	return diags, true
}

// storeResult caches the run's findings.
func storeResult(cfg Config, k [32]byte, diags []Diagnostic, files []*model.File) {
	run := cachedRun{Cuts: map[int][]model.Span{}}
	for i, f := range files {
		if len(f.AnalysisCut) > 0 {
			run.Cuts[i] = f.AnalysisCut
		}
	}
	cds := make([]cachedDiag, 0, len(diags))
	for _, d := range diags {
		c := cachedDiag{Rule: d.Rule, Severity: d.Severity, Pos: d.Pos, End: d.End, Message: d.Message, URL: d.URL,
			Related: d.Related, Subject: d.Subject, Folded: d.Folded, FixEdits: d.fixEdits, FixSafe: d.fixSafe}
		for _, fx := range d.Fixes {
			c.FixMsgs = append(c.FixMsgs, fx.Message)
		}
		cds = append(cds, c)
	}
	run.Diags = cds
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(run); err != nil {
		return
	}
	cfg.Cache.Put(k, b.Bytes())
}

// outsideKey is what the files outside the program change in the
// findings: which of the properties the engine may prove nil they
// mention (outside.go).
func outsideKey(outside map[string]bool) []byte {
	names := make([]string, 0, len(outside))
	for n, m := range outside {
		names = append(names, fmt.Sprintf("%s=%t", n, m))
	}
	sort.Strings(names)
	return []byte(strings.Join(names, ","))
}
