package all

import "github.com/keychainlint/keychainlint/analyzer/config"

// ConfigOptions are the rules a configuration file may name, for the
// command and the language server alike.
func ConfigOptions() config.Options {
	var opt config.Options
	for _, r := range Catalog() {
		opt.Rules = append(opt.Rules, config.Rule{Name: r.Name, Severity: r.Severity.String()})
	}
	return opt
}
