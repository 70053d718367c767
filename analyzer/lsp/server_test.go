package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

const storeSwift = `import Security

func save(_ data: Data) -> OSStatus {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrService as String: "svc",
        kSecAttrAccount as String: "acct",
        kSecAttrAccessible as String: kSecAttrAccessibleAlways,
        kSecValueData as String: data,
    ]
    return SecItemAdd(query as CFDictionary, nil)
}
`

func hasRule(rule string) func([]protocol.Diagnostic) bool {
	return func(ds []protocol.Diagnostic) bool {
		for _, d := range ds {
			if d.Code == rule {
				return true
			}
		}
		return false
	}
}

func empty(ds []protocol.Diagnostic) bool { return len(ds) == 0 }

// TestSession drives the life of an editor session: initialize, open a
// file with a finding, type its fix by hand (the finding goes), undo it,
// take the quick fix (the finding goes again), shut down.
func TestSession(t *testing.T) {
	dir := workspace(t, map[string]string{"Store.swift": storeSwift})
	path := filepath.Join(dir, "Store.swift")
	c := newClient(t, Options{Debounce: -1})
	res := c.initialize(dir, nil)
	caps := res["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" {
		t.Errorf("positionEncoding %v, want utf-16 (the client offered nothing)", caps["positionEncoding"])
	}
	u := c.open(path, storeSwift)
	ds := c.diagnostics(u, hasRule("deprecatedkey"))
	if len(ds) != 1 {
		t.Fatalf("diagnostics %+v, want the one deprecatedkey finding", ds)
	}
	d := ds[0]
	if d.Source != "keychainlint" || d.Severity != protocol.DiagnosticSeverityWarning || d.CodeDescription == nil ||
		!strings.HasSuffix(string(d.CodeDescription.Href), "/deprecatedkey.md") || len(d.Tags) != 1 || d.Tags[0] != protocol.DiagnosticTagDeprecated {
		t.Errorf("diagnostic %+v: want source, warning severity, doc URL and the Deprecated tag", d)
	}
	// Line 8 (0-based 7), on kSecAttrAccessibleAlways.
	col := uint32(strings.Index(strings.Split(storeSwift, "\n")[7], "kSecAttrAccessibleAlways"))
	if d.Range.Start != (protocol.Position{Line: 7, Character: col}) || d.Range.End.Character != col+uint32(len("kSecAttrAccessibleAlways")) {
		t.Errorf("range %+v, want line 7 columns %d..%d", d.Range, col, col+24)
	}

	// The fix typed by hand: an incremental change of the one word.
	fixRange := protocol.Range{Start: protocol.Position{Line: 7, Character: col}, End: protocol.Position{Line: 7, Character: col + 24}}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []map[string]any{{"range": fixRange, "text": "kSecAttrAccessibleAfterFirstUnlock"}},
	})
	c.diagnostics(u, empty)

	// Undo (a full-text change), then the quick fix.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 3},
		"contentChanges": []map[string]any{{"text": storeSwift}},
	})
	ds = c.diagnostics(u, hasRule("deprecatedkey"))
	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": u}, "range": ds[0].Range,
		"context": map[string]any{"diagnostics": ds},
	}, &actions)
	var titles []string
	var fix *protocol.CodeAction
	for i, a := range actions {
		titles = append(titles, fmt.Sprintf("%s [%s preferred=%v]", a.Title, a.Kind, a.IsPreferred))
		if a.IsPreferred && fix == nil {
			fix = &actions[i]
		}
	}
	want := []string{"Suppress deprecatedkey on this line [quickfix preferred=false]", "Suppress deprecatedkey in this file [quickfix preferred=false]"}
	if fix == nil || fix.Kind != protocol.QuickFix || fix.Edit == nil || !contains(titles, want) {
		t.Fatalf("code actions %q: want a preferred quick fix and %q", titles, want)
	}
	fixed := applyEdits(t, storeSwift, fix.Edit.Changes[u])
	if !strings.Contains(fixed, "kSecAttrAccessibleAfterFirstUnlock") {
		t.Fatalf("the fix gives\n%s", fixed)
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 4},
		"contentChanges": []map[string]any{{"text": fixed}},
	})
	c.diagnostics(u, empty)
	c.shutdown()
}

func contains(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || h == w
		}
		if !found {
			return false
		}
	}
	return true
}

// TestSuppressActions: each suppression action, applied, silences the
// finding (the inserted directive is one the suppressor accepts) without
// a badignore or unusedignore finding.
func TestSuppressActions(t *testing.T) {
	for _, title := range []string{"Suppress deprecatedkey on this line", "Suppress deprecatedkey in this file"} {
		t.Run(title, func(t *testing.T) {
			dir := workspace(t, map[string]string{"Store.swift": storeSwift})
			c := newClient(t, Options{Debounce: -1})
			c.initialize(dir, nil)
			u := c.open(filepath.Join(dir, "Store.swift"), storeSwift)
			ds := c.diagnostics(u, hasRule("deprecatedkey"))
			var actions []protocol.CodeAction
			c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": u}, "range": ds[0].Range, "context": map[string]any{"diagnostics": ds}}, &actions)
			var edit *protocol.WorkspaceEdit
			for _, a := range actions {
				if a.Title == title {
					edit = a.Edit
				}
			}
			if edit == nil {
				t.Fatalf("no %q action", title)
			}
			text := applyEdits(t, storeSwift, edit.Changes[u])
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2}, "contentChanges": []map[string]any{{"text": text}}})
			if got := c.diagnostics(u, nil); len(got) != 0 {
				t.Fatalf("after %q:\n%s\ndiagnostics %+v, want none", title, text, got)
			}
		})
	}
}

// TestFixAll: source.fixAll.keychainlint applies every fix of the file.
func TestFixAll(t *testing.T) {
	two := `import Security

func save(_ data: Data) {
    let a: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "a",
        kSecAttrAccessible as String: kSecAttrAccessibleAlways,
        kSecValueData as String: data,
    ]
    _ = SecItemAdd(a as CFDictionary, nil)
    let b: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: "b",
        kSecAttrAccessible as String: kSecAttrAccessibleAlwaysThisDeviceOnly,
        kSecValueData as String: data,
    ]
    _ = SecItemAdd(b as CFDictionary, nil)
}
`
	dir := workspace(t, map[string]string{"Store.swift": two})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	u := c.open(filepath.Join(dir, "Store.swift"), two)
	ds := c.diagnostics(u, func(ds []protocol.Diagnostic) bool { return len(ds) >= 2 })
	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": u}, "range": protocol.Range{},
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll.keychainlint"}}}, &actions)
	if len(actions) != 1 || actions[0].Kind != fixAllKind {
		t.Fatalf("actions %+v, want the one fix-all action (diagnostics %+v)", actions, ds)
	}
	fixed := applyEdits(t, two, actions[0].Edit.Changes[u])
	if strings.Contains(fixed, "kSecAttrAccessibleAlways,") || strings.Contains(fixed, "AlwaysThisDeviceOnly,") {
		t.Fatalf("fix-all left a deprecated value:\n%s", fixed)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2}, "contentChanges": []map[string]any{{"text": fixed}}})
	if got := c.diagnostics(u, nil); hasRule("deprecatedkey")(got) {
		t.Fatalf("after fix-all: %+v", got)
	}
}

// TestCrossFile: editing a helper in one file re-publishes the findings
// of its caller in another.
func TestCrossFile(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClass%s\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n"
	dir := workspace(t, map[string]string{"Caller.swift": caller, "Helper.swift": fmt.Sprintf(helper, "GenericPassword")})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	cu := c.open(filepath.Join(dir, "Caller.swift"), caller)
	c.diagnostics(cu, hasRule("unsupportedattr"))
	hu := c.open(filepath.Join(dir, "Helper.swift"), fmt.Sprintf(helper, "GenericPassword"))
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": hu, "version": 2}, "contentChanges": []map[string]any{{"text": fmt.Sprintf(helper, "InternetPassword")}}})
	c.diagnostics(cu, empty)
}

// TestPullDiagnostics: textDocument/diagnostic answers the same findings.
func TestPullDiagnostics(t *testing.T) {
	dir := workspace(t, map[string]string{"Store.swift": storeSwift})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	u := c.open(filepath.Join(dir, "Store.swift"), storeSwift)
	var rep struct {
		Kind  string                `json:"kind"`
		Items []protocol.Diagnostic `json:"items"`
	}
	c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": u}}, &rep)
	if rep.Kind != "full" || !hasRule("deprecatedkey")(rep.Items) {
		t.Fatalf("pull diagnostics %+v", rep)
	}
}

func TestHover(t *testing.T) {
	c := newClient(t, Options{Debounce: -1})
	c.initialize("", nil)
	text := "let a = kSecAttrAccount\nlet b = \"acct\"\nlet s = errSecItemNotFound\nlet d = kSecAttrAccessibleAlways\n"
	u := c.open(filepath.Join(t.TempDir(), "H.swift"), text)
	for _, tc := range []struct {
		line uint32
		want []string
	}{
		{0, []string{"kSecAttrAccount", "\"acct\"", "Part of the primary key of: kSecClassGenericPassword"}},
		{1, []string{"raw string of **kSecAttrAccount**"}},
		{2, []string{"errSecItemNotFound** = -25300", "It means: no item matches the query"}},
		{3, []string{"Deprecated", "kSecAttrAccessibleAfterFirstUnlock"}},
	} {
		var h struct {
			Contents protocol.MarkupContent `json:"contents"`
		}
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": protocol.Position{Line: tc.line, Character: 10}}, &h)
		for _, w := range tc.want {
			if !strings.Contains(h.Contents.Value, w) {
				t.Errorf("hover on line %d: %q, want %q in it", tc.line, h.Contents.Value, w)
			}
		}
	}
	var none json.RawMessage
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": protocol.Position{Line: 0, Character: 1}}, &none)
	if string(none) != "null" {
		t.Errorf("hover on `let`: %s, want null", none)
	}
}

// TestWatchedFileDeleted: a helper deleted on disk (didChangeWatchedFiles)
// leaves the program, and its caller's findings are published again.
func TestWatchedFileDeleted(t *testing.T) {
	helper := "import Security\nfunc itemClass() -> CFString {\n    return kSecClassGenericPassword\n}\n"
	caller := "import Security\nfunc load() {\n    let q: [String: Any] = [kSecClass as String: itemClass(), kSecAttrServer as String: \"example.com\"]\n    SecItemCopyMatching(q as CFDictionary, nil)\n}\n"
	dir := workspace(t, map[string]string{"Caller.swift": caller, "Helper.swift": helper})
	c := newClient(t, Options{Debounce: -1})
	c.initialize(dir, nil)
	cu := c.open(filepath.Join(dir, "Caller.swift"), caller)
	c.diagnostics(cu, hasRule("unsupportedattr"))
	hp := filepath.Join(dir, "Helper.swift")
	if err := os.Remove(hp); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": pathURI(hp), "type": 3}}})
	c.diagnostics(cu, empty)
	c.shutdown()
}
