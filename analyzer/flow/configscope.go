package flow

import "github.com/keychainlint/keychainlint/analyzer/model"

// scopeOf is the configured platform scope of code in the file f: its
// own when a configuration file gave it one (NewProgramScoped), else the
// program's.
func (p *Program) scopeOf(f *model.File) model.Platform {
	if q, ok := p.filePlatforms[f]; ok {
		return q
	}
	return p.Platforms
}

// NewProgramAfterScoped is NewProgramAfter with per-file scopes, as
// NewProgramScoped. The call graph it reuses does not depend on platforms
// (calls are resolved by signature), so prev may be reused when it was
// built with the same perFile.
func NewProgramAfterScoped(prev *Program, files []*model.File, platforms model.Platform, perFile func(*model.File) model.Platform) *Program {
	p := NewProgramScoped(files, platforms, perFile)
	if prev != nil && prev.Platforms == p.Platforms {
		p.prev = prev
	}
	return p
}
