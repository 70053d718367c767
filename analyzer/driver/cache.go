package driver

import (
	"context"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/swiftparse"
)

// parseCached returns the model of a file from cfg.Cache when an entry for
// its path and content exists, and otherwise parses it and stores the
// model. The entry is written before File.Project is attached and before
// the flow engine sets File.Platforms: it holds exactly what lowering
// produced. A file whose parse hit the time limit (TimedOut) or was
// cancelled is not stored: that outcome depends on the machine's speed,
// not on the content.
//
// A model from the cache comes without its functions: rest (non-nil only
// then) decodes them, see deferred.
func parseCached(ctx context.Context, cfg Config, p *swiftparse.Parser, path string, src []byte) (f *model.File, rest func() bool, err error) {
	if f, rest := cfg.Cache.LoadDeferred(path, src); f != nil {
		return f, rest, nil
	}
	f, err = parseSafely(ctx, p, path, src)
	if err == nil && !f.TimedOut && ctx.Err() == nil {
		cfg.Cache.Store(path, src, f)
	}
	return f, nil, err
}

// deferred are the cached models whose functions are still encoded
// (Cache.LoadDeferred). A run whose findings come from the cache never
// decodes them; every other use of the models decodes them first
// (complete).
type deferred struct {
	mu   sync.Mutex
	rest map[*model.File]func() bool
}

func (d *deferred) add(f *model.File, rest func() bool) {
	if rest == nil {
		return
	}
	d.mu.Lock()
	if d.rest == nil {
		d.rest = map[*model.File]func() bool{}
	}
	d.rest[f] = rest
	d.mu.Unlock()
}

// complete decodes the functions of the deferred models among files, in
// parallel. A model whose entry turns out corrupt is parsed again (its
// entry rewritten) and replaces it in files.
func (d *deferred) complete(ctx context.Context, cfg Config, files []*model.File, workers int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var idx []int
	var orig []*model.File
	for i, f := range files {
		if f != nil && d.rest[f] != nil {
			idx, orig = append(idx, i), append(orig, f)
		}
	}
	if len(idx) == 0 {
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var p *swiftparse.Parser
			for i := range next {
				f := files[i]
				if d.rest[f]() {
					continue
				}
				if p == nil {
					p = swiftparse.NewParser()
					defer p.Close()
				}
				g, err := parseSafely(ctx, p, f.Path, f.Src)
				if err != nil {
					continue // it parsed when it was stored: not expected
				}
				if !g.TimedOut && ctx.Err() == nil {
					cfg.Cache.Store(f.Path, f.Src, g)
				}
				g.Project = f.Project
				files[i] = g
			}
		}()
	}
	for _, i := range idx {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, f := range orig {
		delete(d.rest, f)
	}
}

// namedFiles are the files of files that a finding names: at its
// position, a related location or a folded finding.
func namedFiles(files []*model.File, diags []Diagnostic) []*model.File {
	named := map[string]bool{}
	for _, d := range diags {
		named[d.Pos.Filename] = true
		for _, r := range d.Related {
			named[r.Pos.Filename] = true
		}
		for _, f := range d.Folded {
			named[f.Pos.Filename] = true
		}
	}
	var out []*model.File
	for _, f := range files {
		if named[f.Path] {
			out = append(out, f)
		}
	}
	return out
}

// copyBack puts the models of sub (a subset of files, in the same order,
// some of them replaced by complete) back into files, matched by path.
func copyBack(files, sub []*model.File) {
	j := 0
	for i := range files {
		if j < len(sub) && files[i].Path == sub[j].Path {
			files[i] = sub[j]
			j++
		}
	}
}
