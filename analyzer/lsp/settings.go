package lsp

import (
	"encoding/json"
	"fmt"
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

// applyConfigFile is where the configuration file (package
// analyzer/config, .keychainlint.yml) plugs in: it will read
// s.ConfigPath (or the workspace's file) and merge it under the client's
// settings. Until that package exists it returns s unchanged.
func applyConfigFile(s Settings) (Settings, error) {
	return s, nil
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
