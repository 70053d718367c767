package config

import (
	"strings"
	"testing"
)

// FuzzParse: any bytes as a configuration file give a configuration or an
// Error naming the file, never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"platforms: [ios, macos]\nrules:\n  disable: [preferupdate]\nseverity:\n  uniqueness: error\n",
		"overrides:\n  - paths: [Tests/**]\n    severity: note\nexclude: [Pods]\nfail-on: warning\nmax-file-size: 10\n",
		"deployment-targets:\n  ios: \"15.0\"\nbaseline: b.json\n",
		"rules: {enable: [all]}\n", "severity: note\n", "- a\n", "&a [*a, *a]\n", "\t\x00",
	} {
		f.Add([]byte(s))
	}
	opt := Options{Rules: []Rule{{Name: "preferupdate", Severity: "warning"}, {Name: "uniqueness", Severity: "warning"}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(".keychainlint.yml", "/repo", data, opt)
		if err == nil && c == nil {
			t.Fatal("no configuration and no error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), ".keychainlint.yml") {
			t.Fatalf("error %q does not name the file", err)
		}
	})
}
