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

// A file opened outside every workspace folder is analysed alone: the
// workspace's helper does not reach it (its class is unknown there, so
// no unsupportedattr), its own findings show.
func TestFileOutsideTheWorkspaceAlone(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClassGenericPassword\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n" + storeSwift[len("import Security\n"):]
	dir := workspace(t, map[string]string{"Helper.swift": helper, "Caller.swift": caller})
	outside := workspace(t, map[string]string{"Caller.swift": caller})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	in := c.open(filepath.Join(dir, "Caller.swift"), caller)
	c.diagnostics(in, func(ds []protocol.Diagnostic) bool {
		return hasRule("unsupportedattr")(ds) && hasRule("deprecatedkey")(ds)
	})
	out := c.open(filepath.Join(outside, "Caller.swift"), caller)
	c.diagnostics(out, func(ds []protocol.Diagnostic) bool {
		return !hasRule("unsupportedattr")(ds) && hasRule("deprecatedkey")(ds)
	})
}

// A helper file created in the workspace (didChangeWatchedFiles, Created)
// joins the program: the open caller's finding appears.
func TestWatchedFileCreated(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClassGenericPassword\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n"
	dir := workspace(t, map[string]string{"Caller.swift": caller})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	cu := c.open(filepath.Join(dir, "Caller.swift"), caller)
	c.diagnostics(cu, empty)
	hp := filepath.Join(dir, "Helper.swift")
	if err := os.WriteFile(hp, []byte(helper), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": pathURI(hp), "type": 1}}})
	c.diagnostics(cu, hasRule("unsupportedattr"))
}
