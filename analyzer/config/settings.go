package config

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/model"
	"github.com/keychainlint/keychainlint/analyzer/source"
)

// Settings are the effective settings for one path, each with where it
// came from.
type Settings struct {
	// Path is the path asked about; Config the configuration file that
	// applies to it ("" when none does).
	Path, Config string

	// Excluded is set when an exclude pattern matches the path: it is not
	// scanned.
	Excluded   bool
	ExcludedBy Source

	// Platforms narrows the file's platforms as --platforms does; 0 when
	// nothing sets them (all, from the project files).
	Platforms     model.Platform
	PlatformsFrom Source

	// Deployment are deployment targets that replace, for the platforms
	// named, those the project files give.
	Deployment     map[model.Platform]model.OSVersion
	DeploymentFrom map[model.Platform]Source

	// Rules are every rule, in catalog order.
	Rules []RuleSetting

	// The scan's settings, from the file's configuration (see Scan).
	FailOn          string
	FailOnFrom      Source
	MaxFileSize     int64
	MaxFileSizeFrom Source
	// Baseline is a path ("" for none), relative to the working directory
	// when it came from a flag, else made absolute from the configuration
	// file's directory.
	Baseline     string
	BaselineFrom Source
}

// RuleSetting is a rule's effective setting.
type RuleSetting struct {
	Name        string
	Enabled     bool
	EnabledFrom Source
	// Severity is the severity of every finding of the rule, "" for the
	// rule's own (Default; some rules report two severities).
	Severity     string
	SeverityFrom Source
	Default      string
}

// Rule returns the setting of the named rule (enabled, at its own
// severity, for a rule the catalog does not have).
func (s *Settings) Rule(name string) RuleSetting {
	for _, r := range s.Rules {
		if r.Name == name {
			return r
		}
	}
	return RuleSetting{Name: name, Enabled: true}
}

// Disabled returns the names of the disabled rules, sorted.
func (s *Settings) Disabled() []string {
	var out []string
	for _, r := range s.Rules {
		if !r.Enabled {
			out = append(out, r.Name)
		}
	}
	slices.Sort(out)
	return out
}

// defaults are the settings without a configuration file.
func defaults(path string, rules []Rule) *Settings {
	s := &Settings{Path: path, FailOn: "warning", MaxFileSize: source.DefaultMaxFileSize}
	for _, r := range rules {
		s.Rules = append(s.Rules, RuleSetting{Name: r.Name, Enabled: true, Default: r.Severity})
	}
	return s
}

// base is what c gives every path: the defaults, then the file's scan
// settings and top level. Nothing in it depends on the path.
func (c *Config) base(rules []Rule) *Settings {
	s := defaults("", rules)
	if c == nil {
		return s
	}
	s.Config = c.Path
	if c.failOn != nil {
		s.FailOn, s.FailOnFrom = c.failOn.v, c.failOn.src
	}
	if c.maxFileSize != nil {
		s.MaxFileSize, s.MaxFileSizeFrom = c.maxFileSize.v, c.maxFileSize.src
	}
	if c.baseline != nil {
		b := c.baseline.v
		if !filepath.IsAbs(b) {
			b = filepath.Join(c.Dir, filepath.FromSlash(b))
		}
		s.Baseline, s.BaselineFrom = b, c.baseline.src
	}
	s.apply(&c.top)
	return s
}

// settings computes the effective settings of the file at abs (absolute)
// under c from c's base: the exclusions, then every override whose paths
// match, in order (a later one wins). The result shares base's rule list
// and maps until an override changes them, so a scan of many files without
// overrides allocates one small struct per file.
func (c *Config) settings(base *Settings, path, abs string) *Settings {
	s := new(Settings)
	*s = *base
	s.Path = path
	if c == nil {
		return s
	}
	rel, below := c.rel(abs)
	if !below {
		return s
	}
	for _, g := range c.exclude {
		if g.g.match(rel) {
			s.Excluded, s.ExcludedBy = true, g.src
			break
		}
	}
	owned := false
	for i := range c.overrides {
		o := &c.overrides[i]
		for _, g := range o.paths {
			if g.g.match(rel) {
				if !owned {
					s.Rules = slices.Clone(s.Rules)
					s.Deployment, s.DeploymentFrom = maps.Clone(s.Deployment), maps.Clone(s.DeploymentFrom)
					owned = true
				}
				s.apply(&o.section)
				break
			}
		}
	}
	return s
}

// rel is abs relative to the configuration's directory, slash-separated;
// false when it is not below it.
func (c *Config) rel(abs string) (string, bool) {
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func (s *Settings) apply(sec *section) {
	if sec.platforms != nil {
		s.Platforms, s.PlatformsFrom = sec.platforms.v, sec.platforms.src
	}
	for _, d := range sec.deployment {
		if s.Deployment == nil {
			s.Deployment, s.DeploymentFrom = map[model.Platform]model.OSVersion{}, map[model.Platform]Source{}
		}
		s.Deployment[d.p], s.DeploymentFrom[d.p] = d.v, d.src
	}
	set := func(list []strVal, on bool) {
		for _, v := range list {
			for i := range s.Rules {
				if v.v == "all" || v.v == s.Rules[i].Name {
					s.Rules[i].Enabled, s.Rules[i].EnabledFrom = on, v.src
				}
			}
		}
	}
	set(sec.disable, false)
	set(sec.enable, true)
	if sec.severityAll != nil {
		for i := range s.Rules {
			s.Rules[i].Severity, s.Rules[i].SeverityFrom = sec.severityAll.v, sec.severityAll.src
		}
	}
	for _, rs := range sec.severity {
		for i := range s.Rules {
			if s.Rules[i].Name == rs.rule {
				s.Rules[i].Severity, s.Rules[i].SeverityFrom = rs.sev, rs.src
			}
		}
	}
}
