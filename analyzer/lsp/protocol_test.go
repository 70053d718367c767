package lsp

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf16"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"

	"github.com/keychainlint/keychainlint/rules/all"
)

func errorCode(t *testing.T, m wireMsg) int {
	t.Helper()
	if m.Error == nil {
		t.Fatalf("response %+v: want an error", m)
	}
	return m.Error.Code
}

// TestMalformedTraffic: what a broken or hostile client sends is answered
// with JSON-RPC's error codes, and the server goes on serving.
func TestMalformedTraffic(t *testing.T) {
	c := newClient(t, Options{Debounce: -1})
	// A request before initialize.
	if code := errorCode(t, c.response(c.start("textDocument/hover", map[string]any{}))); code != -32002 {
		t.Errorf("request before initialize: code %d, want -32002 (ServerNotInitialized)", code)
	}
	nullID := func(m wireMsg) bool { return m.Method == "" && string(m.ID) == "null" && m.Error != nil }
	// A bad Content-Length, then invalid JSON: Parse errors with a null id.
	c.raw("Content-Length: abc\r\n\r\n")
	if code := errorCode(t, c.wait("parse error", nullID)); code != -32700 {
		t.Errorf("bad Content-Length: code %d, want -32700", code)
	}
	c.raw("Content-Length: 9\r\n\r\n{not json")
	if code := errorCode(t, c.wait("parse error", nullID)); code != -32700 {
		t.Errorf("invalid JSON: code %d, want -32700", code)
	}
	c.initialize("", nil)
	if code := errorCode(t, c.response(c.start("initialize", map[string]any{}))); code != -32600 {
		t.Errorf("second initialize: code %d, want -32600", code)
	}
	if code := errorCode(t, c.response(c.start("keychainlint/nonsense", nil))); code != -32601 {
		t.Errorf("unknown method: code %d, want -32601 (MethodNotFound)", code)
	}
	c.notify("keychainlint/unknownNotification", nil) // ignored, no reply
	if code := errorCode(t, c.response(c.start("textDocument/hover", "not an object"))); code != -32602 {
		t.Errorf("invalid params: code %d, want -32602 (InvalidParams)", code)
	}
	// A didChange for a document that is not open: logged, nothing else.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere/X.swift", "version": 2}, "contentChanges": []map[string]any{{"text": "x"}}})
	c.wait("log of the stray didChange", func(m wireMsg) bool {
		return m.Method == protocol.MethodWindowLogMessage && strings.Contains(string(m.Params), "not open")
	})
	// Out-of-range positions are clamped: hover past the end is null, a
	// change past the end appends.
	path := filepath.Join(t.TempDir(), "Store.swift")
	u := c.open(path, storeSwift)
	c.diagnostics(u, hasRule("deprecatedkey"))
	var h json.RawMessage
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": protocol.Position{Line: 1000, Character: 1000}}, &h)
	if string(h) != "null" {
		t.Errorf("hover out of range: %s, want null", h)
	}
	far := protocol.Position{Line: 5000, Character: 7}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2},
		"contentChanges": []map[string]any{{"range": protocol.Range{Start: far, End: far}, "text": "// keychainlint:file-ignore deprecatedkey -- test\n"}}})
	c.diagnostics(u, empty)
	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": u}, "range": protocol.Range{Start: far, End: far}, "context": map[string]any{"diagnostics": []any{}}}, &actions)
	c.shutdown()
}

// TestExitWithoutShutdown: exit before shutdown is status 1, as LSP asks.
func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, Options{Debounce: -1})
	c.initialize("", nil)
	c.notify("exit", nil)
	if code := <-c.done; code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
}

// utf16Len is the length of s in UTF-16 code units.
func utf16Len(s string) uint32 { return uint32(len(utf16.Encode([]rune(s)))) }

// TestPositionEncodings: on a line with an emoji and non-ASCII
// identifiers, ranges count UTF-16 units by default and bytes when UTF-8
// was negotiated, both in published diagnostics and in incoming changes.
func TestPositionEncodings(t *testing.T) {
	line := `    let ключ = "🔑é"; let q: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecAttrAccount as String: ключ, kSecAttrAccessible as String: kSecAttrAccessibleAlways]`
	text := "import Security\nfunc f() {\n" + line + "\n    SecItemAdd(q as CFDictionary, nil)\n}\n"
	prefix := line[:strings.Index(line, "kSecAttrAccessibleAlways")]
	for _, tc := range []struct {
		offer []string
		want  string
		col   uint32
	}{
		{nil, "utf-16", utf16Len(prefix)},
		{[]string{"utf-16", "utf-8"}, "utf-8", uint32(len(prefix))},
	} {
		t.Run(tc.want, func(t *testing.T) {
			c := newClient(t, Options{Debounce: -1})
			res := c.initialize("", map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": tc.offer}}})
			if got := res["capabilities"].(map[string]any)["positionEncoding"]; got != tc.want {
				t.Fatalf("positionEncoding %v, want %s", got, tc.want)
			}
			u := c.open(filepath.Join(t.TempDir(), "U.swift"), text)
			ds := c.diagnostics(u, hasRule("deprecatedkey"))
			var d protocol.Diagnostic
			for _, x := range ds {
				if x.Code == "deprecatedkey" {
					d = x
				}
			}
			want := protocol.Range{Start: protocol.Position{Line: 2, Character: tc.col}, End: protocol.Position{Line: 2, Character: tc.col + 24}}
			if d.Range != want {
				t.Fatalf("range %+v, want %+v", d.Range, want)
			}
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2},
				"contentChanges": []map[string]any{{"range": want, "text": "kSecAttrAccessibleAfterFirstUnlock"}}})
			c.diagnostics(u, func(ds []protocol.Diagnostic) bool { return !hasRule("deprecatedkey")(ds) })
			var h struct {
				Contents protocol.MarkupContent `json:"contents"`
			}
			c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": protocol.Position{Line: 2, Character: tc.col + 3}}, &h)
			if !strings.Contains(h.Contents.Value, "kSecAttrAccessibleAfterFirstUnlock") {
				t.Fatalf("hover after the edit at the converted position: %q", h.Contents.Value)
			}
		})
	}
}

// TestAnalysisCrash: a panic in the analysis of one file is logged and
// clears that file's diagnostics; other files are still served.
func TestAnalysisCrash(t *testing.T) {
	crasher := &analysis.Analyzer{Name: "crasher", Doc: "crasher: panics on Crash.swift", Run: func(p *analysis.Pass) (any, error) {
		if strings.HasSuffix(p.OtherFiles[0], "Crash.swift") {
			panic("boom")
		}
		return nil, nil
	}}
	dir := workspace(t, map[string]string{"Crash.swift": storeSwift, "Good.swift": storeSwift})
	c := newClient(t, Options{Debounce: -1, Analyzers: append(all.Analyzers(), crasher)})
	c.initialize(dir, nil)
	cu := c.open(filepath.Join(dir, "Crash.swift"), storeSwift)
	if ds := c.diagnostics(cu, nil); len(ds) != 0 {
		t.Fatalf("crashed file: diagnostics %+v, want none", ds)
	}
	c.wait("log of the crash", func(m wireMsg) bool {
		return m.Method == protocol.MethodWindowLogMessage && strings.Contains(string(m.Params), "boom")
	})
	gu := c.open(filepath.Join(dir, "Good.swift"), storeSwift)
	c.diagnostics(gu, hasRule("deprecatedkey"))
	c.shutdown()
}

// TestCancelRequest: $/cancelRequest of a request whose analysis is under
// way answers it with RequestCancelled.
func TestCancelRequest(t *testing.T) {
	var armed atomic.Bool
	entered, release := make(chan struct{}, 1), make(chan struct{})
	slow := &analysis.Analyzer{Name: "slow", Doc: "slow: waits when armed", Run: func(p *analysis.Pass) (any, error) {
		if armed.CompareAndSwap(true, false) {
			entered <- struct{}{}
			<-release
		}
		return nil, nil
	}}
	dir := workspace(t, map[string]string{"Store.swift": storeSwift})
	c := newClient(t, Options{Debounce: -1, Analyzers: append(all.Analyzers(), slow)})
	c.initialize(dir, nil)
	u := c.open(filepath.Join(dir, "Store.swift"), storeSwift)
	c.diagnostics(u, hasRule("deprecatedkey"))
	armed.Store(true)
	id := c.start("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": u}})
	<-entered
	c.notify("$/cancelRequest", map[string]any{"id": id})
	// The reader handles messages in order: once this is answered, the
	// cancellation was seen.
	var h json.RawMessage
	c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": protocol.Position{}}, &h)
	close(release)
	if code := errorCode(t, c.response(id)); code != -32800 {
		t.Fatalf("cancelled request: code %d, want -32800 (RequestCancelled)", code)
	}
	c.shutdown()
}
