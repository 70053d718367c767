package lsp

import (
	"encoding/json"
	"fmt"
	"github.com/keychainlint/keychainlint/analyzer/config"
	"github.com/keychainlint/keychainlint/rules/all"
	"slices"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// Settings are what a client can set, in initializationOptions or in
// workspace/didChangeConfiguration (either the object itself or nested
// under "keychainlint").
type Settings struct {
	// Platforms is the platform scope, as --platforms ("all", "ios,macos").
	Platforms string `json:"platforms"`
	// Enable, when not empty, keeps only these rules' findings; Disable
	// leaves out these rules' findings.
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`
	// Severity is the lowest severity shown: "note" (default), "warning"
	// or "error".
	Severity string `json:"severity"`
	// ConfigPath is the configuration file (.keychainlint.yml) to read;
	// see applyConfigFile.
	ConfigPath string `json:"configPath"`

	platforms model.Platform
	threshold driver.Severity
}

func defaultSettings() Settings {
	return Settings{Platforms: "all", Severity: "note", platforms: model.AllPlatforms, threshold: driver.Note}
}

// parseSettings reads settings over base; an absent field keeps base's.
func parseSettings(raw json.RawMessage, base Settings) (Settings, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return base, nil
	}
	var nested struct {
		Keychainlint *json.RawMessage `json:"keychainlint"`
	}
	if json.Unmarshal(raw, &nested) == nil && nested.Keychainlint != nil {
		raw = *nested.Keychainlint
	}
	s := base
	if err := json.Unmarshal(raw, &s); err != nil {
		return base, fmt.Errorf("settings: %w", err)
	}
	s, err := applyConfigFile(s)
	if err != nil {
		return base, err
	}
	plat, ok := model.ParsePlatforms(s.Platforms)
	if !ok {
		return base, fmt.Errorf("settings: platforms %q: use all, or a list of ios, macos, tvos, watchos, visionos, maccatalyst", s.Platforms)
	}
	s.platforms = plat
	switch s.Severity {
	case "", "note":
		s.threshold = driver.Note
	case "warning":
		s.threshold = driver.Warning
	case "error":
		s.threshold = driver.Error
	default:
		return base, fmt.Errorf("settings: severity %q: use note, warning or error", s.Severity)
	}
	return s, nil
}

// applyConfigFile checks the configuration file the client names
// (configPath), so that a mistake in it is reported when the settings
// arrive; without one, each file's nearest .keychainlint.yml applies, as
// on the command line (configResolver).
func applyConfigFile(s Settings) (Settings, error) {
	if s.ConfigPath != "" {
		if _, err := config.Load(s.ConfigPath, all.ConfigOptions()); err != nil {
			return s, err
		}
	}
	return s, nil
}

// configResolver answers each file's configuration (package
// analyzer/config): the file the settings name for every path, else the
// nearest .keychainlint.yml of each path, read as the command reads it.
// Client settings filter on top of it (shows).
func configResolver(s Settings) (*config.Resolver, error) {
	return config.NewResolver(all.ConfigOptions(), s.ConfigPath, false, config.Flags{})
}

// shows reports whether a finding passes the settings' filters.
func (s *Settings) shows(d driver.Diagnostic) bool {
	if d.Severity < s.threshold {
		return false
	}
	if len(s.Enable) > 0 && !slices.Contains(s.Enable, d.Rule) {
		return false
	}
	return !slices.Contains(s.Disable, d.Rule)
}
