package lsp

import (
	"os"
	"path/filepath"
	"testing"

	"go.lsp.dev/protocol"
)

// The workspace's .keychainlint.yml applies as on the command line: a
// configured severity, a rule disabled under a path, an excluded file; and
// an edit of the file (didChangeWatchedFiles) applies the new settings.
func TestConfigurationFile(t *testing.T) {
	dir := workspace(t, map[string]string{
		".git/HEAD":         "ref: refs/heads/main\n",
		".keychainlint.yml": "severity:\n  deprecatedkey: error\noverrides:\n  - paths: [Legacy]\n    disable: [deprecatedkey]\nexclude:\n  - Generated\n",
		"Store.swift":       storeSwift,
		"Legacy/Old.swift":  storeSwift,
		"Generated/G.swift": storeSwift,
	})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	severity := func(want protocol.DiagnosticSeverity) func([]protocol.Diagnostic) bool {
		return func(ds []protocol.Diagnostic) bool {
			for _, d := range ds {
				if d.Code == "deprecatedkey" && d.Severity == want {
					return true
				}
			}
			return false
		}
	}
	noRule := func(rule string) func([]protocol.Diagnostic) bool {
		return func(ds []protocol.Diagnostic) bool { return !hasRule(rule)(ds) }
	}
	store := c.open(filepath.Join(dir, "Store.swift"), storeSwift)
	c.diagnostics(store, severity(protocol.DiagnosticSeverityError))
	legacy := c.open(filepath.Join(dir, "Legacy", "Old.swift"), storeSwift)
	c.diagnostics(legacy, noRule("deprecatedkey"))
	gen := c.open(filepath.Join(dir, "Generated", "G.swift"), storeSwift)
	c.diagnostics(gen, empty)

	// The severity goes back to the rule's own when the file says so no more.
	if err := os.WriteFile(filepath.Join(dir, ".keychainlint.yml"), []byte("rules:\n  enable: [all]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": protocol.DocumentURI("file://" + filepath.Join(dir, ".keychainlint.yml")), "type": 2}}})
	c.diagnostics(store, severity(protocol.DiagnosticSeverityWarning))
	c.diagnostics(legacy, hasRule("deprecatedkey"))
}
