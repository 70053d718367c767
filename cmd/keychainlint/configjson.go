package main

import (
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/config"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// configJSON is `keychainlint config --format json`: the same values as
// the text, each with where it came from ("default", "flag --x" or
// "file:line (key)"), for scripts and editors. Version changes when a field
// changes meaning.
type configJSON struct {
	Version           int                    `json:"version"`
	Path              string                 `json:"path"`
	Configuration     string                 `json:"configuration"` // "" when none applies
	Excluded          configValue            `json:"excluded"`
	Platforms         configValue            `json:"platforms"` // [] when the project files decide
	DeploymentTargets map[string]configValue `json:"deploymentTargets"`
	FailOn            configValue            `json:"failOn"`
	MaxFileSize       configValue            `json:"maxFileSize"`
	Baseline          configValue            `json:"baseline"` // "" for none
	Rules             []configRule           `json:"rules"`
}

type configValue struct {
	Value any    `json:"value"`
	From  string `json:"from"`
}

type configRule struct {
	Name    string      `json:"name"`
	Enabled configValue `json:"enabled"`
	// Severity is "" when the rule reports at its own (Default).
	Severity configValue `json:"severity"`
	Default  string      `json:"default"`
}

func writeSettingsJSON(w io.Writer, s *config.Settings) {
	out := configJSON{Version: 1, Path: s.Path, Configuration: s.Config,
		Excluded:          configValue{s.Excluded, s.ExcludedBy.String()},
		DeploymentTargets: map[string]configValue{},
		FailOn:            configValue{s.FailOn, s.FailOnFrom.String()},
		MaxFileSize:       configValue{s.MaxFileSize, s.MaxFileSizeFrom.String()},
		Baseline:          configValue{s.Baseline, s.BaselineFrom.String()},
		Rules:             []configRule{},
	}
	plats := []string{}
	if s.Platforms != 0 {
		plats = strings.Split(s.Platforms.String(), ",") // "all" when every platform
	}
	out.Platforms = configValue{plats, s.PlatformsFrom.String()}
	var deps []model.Platform
	for p := range s.Deployment {
		deps = append(deps, p)
	}
	slices.Sort(deps)
	for _, p := range deps {
		out.DeploymentTargets[strings.ToLower(p.String())] = configValue{s.Deployment[p].String(), s.DeploymentFrom[p].String()}
	}
	for _, r := range s.Rules {
		out.Rules = append(out.Rules, configRule{Name: r.Name, Enabled: configValue{r.Enabled, r.EnabledFrom.String()},
			Severity: configValue{r.Severity, r.SeverityFrom.String()}, Default: r.Default})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
