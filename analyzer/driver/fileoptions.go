package driver

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/keychainlint/keychainlint/analyzer/flow"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// FileOptions are what a configuration file (package analyzer/config)
// says about one file. The zero value changes nothing. NewEdit takes the
// files it is given as they are (their Project included): build them with
// a Run given the same FileOptions; the files Edit.Change parses get them
// applied. Configured severities are not here: the caller applies them to
// the findings (config.Settings.Reseverity).
type FileOptions struct {
	// Platforms, when not 0, is the file's configured platform scope in
	// place of Config.Platforms (as --platforms for this file alone).
	Platforms model.Platform
	// Deployment replaces the deployment targets the project files give
	// the file, for the platforms it names.
	Deployment map[model.Platform]model.OSVersion
	// Disabled are rules whose findings in the file are dropped. They are
	// dropped before findings about one bug are folded (overlap.go), so
	// that a disabled rule does not take an enabled one's finding with it.
	Disabled []string
}

// fileOptions memoises Config.FileOptions per path (the hook may read
// configuration files; a run asks for each file several times).
type fileOptions struct {
	fn   func(path string) FileOptions
	mu   sync.Mutex
	memo map[string]FileOptions
}

func newFileOptions(fn func(string) FileOptions) *fileOptions {
	return &fileOptions{fn: fn, memo: map[string]FileOptions{}}
}

func (o *fileOptions) get(path string) FileOptions {
	if o == nil || o.fn == nil {
		return FileOptions{}
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if v, ok := o.memo[path]; ok {
		return v
	}
	v := o.fn(path)
	o.memo[path] = v
	return v
}

// project returns the file's project facts with the configured deployment
// targets in place of the project's.
func (o *fileOptions) project(path string, info *model.ProjectInfo) *model.ProjectInfo {
	dep := o.get(path).Deployment
	if len(dep) == 0 {
		return info
	}
	var out model.ProjectInfo
	if info != nil {
		out = *info
	}
	out.Deployment = maps.Clone(out.Deployment)
	if out.Deployment == nil {
		out.Deployment = map[model.Platform]model.OSVersion{}
	}
	maps.Copy(out.Deployment, dep)
	return &out
}

// program builds the flow program with each file's configured platforms.
func (o *fileOptions) program(files []*model.File, platforms model.Platform) *flow.Program {
	if o == nil || o.fn == nil {
		return flow.NewProgram(files, platforms)
	}
	return flow.NewProgramScoped(files, platforms, func(f *model.File) model.Platform { return o.get(f.Path).Platforms })
}

// drop removes the findings of rules disabled in the file they are in.
func (o *fileOptions) drop(diags []Diagnostic) []Diagnostic {
	if o == nil || o.fn == nil {
		return diags
	}
	out := diags[:0]
	for _, d := range diags {
		if !slices.Contains(o.get(d.Pos.Filename).Disabled, d.Rule) {
			out = append(out, d)
		}
	}
	return out
}

// key is what the options change in a run's findings, for the result
// cache: each file's platforms and disabled rules (the deployment targets
// are in the project facts, which the key holds already).
func (o *fileOptions) key(files []*model.File) []byte {
	if o == nil || o.fn == nil {
		return nil
	}
	var b strings.Builder
	for _, f := range files {
		v := o.get(f.Path)
		fmt.Fprintf(&b, "%q:%d:%s;", f.Path, v.Platforms, strings.Join(v.Disabled, ","))
	}
	return []byte(b.String())
}

// programAfter is program for the edit loop: it reuses what it can of
// the previous program (built with the same options).
func (o *fileOptions) programAfter(prev *flow.Program, files []*model.File, platforms model.Platform) *flow.Program {
	if o == nil || o.fn == nil {
		return flow.NewProgramAfter(prev, files, platforms)
	}
	return flow.NewProgramAfterScoped(prev, files, platforms, func(f *model.File) model.Platform { return o.get(f.Path).Platforms })
}
