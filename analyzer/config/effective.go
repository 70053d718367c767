package config

import (
	"github.com/keychainlint/keychainlint/analyzer/driver"
)

// ForPath is the entry point for a caller with one path at a time (the
// language server): the effective settings of the file or directory at
// path, from the nearest configuration file, with no command-line flags.
// A caller asking about many paths should keep one Resolver, which loads
// each configuration file once.
func ForPath(path string, opt Options) (*Settings, error) {
	r, err := NewResolver(opt, "", false, Flags{})
	if err != nil {
		return nil, err
	}
	return r.For(path)
}

// FileOptions are the settings the driver applies while it analyses the
// file (driver.Config.FileOptions): platforms, deployment targets and
// disabled rules. Severities are applied to the findings afterwards
// (Reseverity), since they do not change what is found.
func (s *Settings) FileOptions() driver.FileOptions {
	if s == nil {
		return driver.FileOptions{}
	}
	return driver.FileOptions{Platforms: s.Platforms, Deployment: s.Deployment, Disabled: s.Disabled()}
}

// Reseverity sets the finding's severity to the one configured for its
// rule in its file, when one is.
func (s *Settings) Reseverity(d *driver.Diagnostic) {
	if s == nil {
		return
	}
	if sev := s.Rule(d.Rule).Severity; sev != "" {
		d.Severity = driver.ParseSeverity(sev)
	}
}
