package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// client is a test LSP client over an in-memory pipe: it writes raw frames
// (so that tests can send malformed ones) and reads the server's messages
// on a goroutine.
type client struct {
	t      testing.TB
	conn   net.Conn
	nextID int
	mu     sync.Mutex
	msgs   []wireMsg
	cond   *sync.Cond
	done   chan int // the server's exit status
	closed bool
	// timeout bounds each wait (default 20 s).
	timeout time.Duration
}

type wireMsg struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func newClient(t testing.TB, opt Options) *client {
	t.Helper()
	cs, ss := net.Pipe()
	c := &client{t: t, conn: cs, done: make(chan int, 1)}
	c.cond = sync.NewCond(&c.mu)
	go func() { c.done <- Serve(context.Background(), ss, opt) }()
	go c.read()
	t.Cleanup(func() { cs.Close() })
	return c
}

func (c *client) read() {
	r := textproto.NewReader(bufio.NewReader(c.conn))
	for {
		h, err := r.ReadMIMEHeader()
		if err != nil {
			break
		}
		n, _ := strconv.Atoi(h.Get("Content-Length"))
		body := make([]byte, n)
		if _, err := io.ReadFull(r.R, body); err != nil {
			break
		}
		var m wireMsg
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent invalid JSON %q", body)
			continue
		}
		c.mu.Lock()
		c.msgs = append(c.msgs, m)
		c.cond.Broadcast()
		c.mu.Unlock()
	}
	c.mu.Lock()
	c.closed = true
	c.cond.Broadcast()
	c.mu.Unlock()
}

func (c *client) raw(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.conn, s); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	c.raw(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b))
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// start sends a request and returns its id.
func (c *client) start(method string, params any) int {
	c.t.Helper()
	c.nextID++
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	return c.nextID
}

// wait returns the first message (taken out of the queue) that match
// accepts, failing the test after a while.
func (c *client) wait(what string, match func(wireMsg) bool) wireMsg {
	c.t.Helper()
	timeout := c.timeout
	if timeout == 0 {
		timeout = 20 * time.Second
	}
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { c.mu.Lock(); c.cond.Broadcast(); c.mu.Unlock() })
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i, m := range c.msgs {
			if match(m) {
				c.msgs = append(c.msgs[:i:i], c.msgs[i+1:]...)
				return m
			}
		}
		if c.closed || time.Now().After(deadline) {
			c.t.Fatalf("no %s from the server (closed %v); queue: %s", what, c.closed, c.describe())
		}
		c.cond.Wait()
	}
}

func (c *client) describe() string {
	var b strings.Builder
	for _, m := range c.msgs {
		fmt.Fprintf(&b, "\n  id=%s method=%s params=%.200s error=%v", m.ID, m.Method, m.Params, m.Error)
	}
	return b.String()
}

func (c *client) response(id int) wireMsg {
	c.t.Helper()
	want := strconv.Itoa(id)
	return c.wait("response to "+want, func(m wireMsg) bool { return string(m.ID) == want && m.Method == "" })
}

// call sends a request and decodes its result into out (when not nil).
func (c *client) call(method string, params, out any) {
	c.t.Helper()
	m := c.response(c.start(method, params))
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if out != nil {
		if err := json.Unmarshal(m.Result, out); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
}

// diagnostics waits for a publishDiagnostics for uri that accept takes.
func (c *client) diagnostics(u protocol.DocumentURI, accept func([]protocol.Diagnostic) bool) []protocol.Diagnostic {
	c.t.Helper()
	var got []protocol.Diagnostic
	c.wait("diagnostics for "+string(u), func(m wireMsg) bool {
		if m.Method != protocol.MethodTextDocumentPublishDiagnostics {
			return false
		}
		var p protocol.PublishDiagnosticsParams
		if json.Unmarshal(m.Params, &p) != nil || p.URI != u {
			return false
		}
		if accept != nil && !accept(p.Diagnostics) {
			return false
		}
		got = p.Diagnostics
		return true
	})
	return got
}

func (c *client) initialize(root string, extra map[string]any) map[string]any {
	c.t.Helper()
	params := map[string]any{"processId": nil, "capabilities": map[string]any{}}
	if root != "" {
		params["workspaceFolders"] = []map[string]any{{"uri": string(pathURI(root)), "name": "ws"}}
	}
	for k, v := range extra {
		params[k] = v
	}
	var res map[string]any
	c.call("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) open(path, text string) protocol.DocumentURI {
	c.t.Helper()
	u := pathURI(path)
	lang := "swift"
	if strings.HasSuffix(path, ".m") {
		lang = "objective-c"
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": lang, "version": 1, "text": text}})
	return u
}

func (c *client) shutdown() {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		if code != 0 {
			c.t.Fatalf("exit status %d after shutdown, want 0", code)
		}
	case <-time.After(20 * time.Second):
		c.t.Fatal("the server did not exit")
	}
}

// workspace writes files into a new directory and returns it.
func workspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// applyEdits applies a WorkspaceEdit's edits of u to text (UTF-16).
func applyEdits(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	doc := &document{text: []byte(text)}
	// Later edits first, so that earlier offsets stay valid.
	for i := len(edits) - 1; i >= 0; i-- {
		r := edits[i].Range
		doc.apply([]changeEvent{{Range: &r, Text: edits[i].NewText}}, false)
	}
	return string(doc.text)
}
