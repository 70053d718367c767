// Package lsp is keychainlint's language server (`keychainlint lsp`): LSP
// 3.17 over a byte stream (stdio), with the CLI's findings as diagnostics,
// their suggested fixes and suppressions as code actions, and hover docs
// for keychain constants.
//
// Protocol library: go.lsp.dev/jsonrpc2 (framing, JSON-RPC) and
// go.lsp.dev/protocol (the LSP types). They were chosen over
// github.com/tliron/glsp because they leave the dispatch to us (one
// handler function, no server interface of a hundred methods to stub),
// log nothing of their own (glsp logs through a global logger, and a
// language server must never write anything but protocol traffic to
// stdout), and jsonrpc2.Stream is an interface, which lets the server
// answer malformed messages with a Parse error and keep reading
// (stream.go) instead of closing the connection. LSP 3.17 additions the
// types predate (positionEncoding, pull diagnostics) are small local
// structs.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
)

// requestCancelled is LSP's error code for a request the client cancelled.
const requestCancelled jsonrpc2.Code = -32800

// Options configures a server.
type Options struct {
	// Analyzers are the rules to run (default: every rule).
	Analyzers []*analysis.Analyzer
	// Debounce is how long typing must pause before a document is
	// analysed again, in milliseconds (default 50; negative: none).
	Debounce int
	// Log receives what cannot go to the client (never stdout); nil: discarded.
	Log io.Writer
}

// Server is one language server connection.
type Server struct {
	opt  Options
	conn jsonrpc2.Conn

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	exited      chan struct{}
	exitCode    int
	utf8        bool
	roots       []string
	settings    Settings
	docs        map[string]*document
	cancels     map[string]context.CancelFunc // in-flight requests by id

	ana *analysis_
}

// Serve runs a server over rwc until the client sends exit or closes the
// stream. It returns the process exit status LSP asks for: 0 after
// shutdown then exit, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opt Options) int {
	s := newServer(opt)
	stream := newTolerantStream(rwc, func(err error) { s.logf(protocol.MessageTypeError, "malformed message: %v", err) })
	s.conn = jsonrpc2.NewConn(stream)
	s.ana = newAnalysis(s)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go s.ana.run(ctx)
	s.conn.Go(ctx, s.handle)
	select {
	case <-s.exited:
	case <-s.conn.Done():
	}
	s.conn.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown && s.exitCode == 0 {
		return 0
	}
	return 1
}

func newServer(opt Options) *Server {
	if opt.Debounce == 0 {
		opt.Debounce = 50
	}
	return &Server{opt: opt, exited: make(chan struct{}), docs: map[string]*document{}, cancels: map[string]context.CancelFunc{}}
}

// logf sends a window/logMessage (and copies it to Options.Log).
func (s *Server) logf(typ protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if s.opt.Log != nil {
		fmt.Fprintln(s.opt.Log, "keychainlint lsp:", msg)
	}
	if s.conn != nil {
		_ = s.conn.Notify(context.Background(), protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Type: typ, Message: msg})
	}
}

// handle is called by the connection's reader for every message, in order:
// it must not block on analysis (the analysis goroutine does that work).
func (s *Server) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	_, isCall := req.(*jsonrpc2.Call)
	method := req.Method()
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case method == "exit":
		s.mu.Lock()
		if !s.shutdown {
			s.exitCode = 1
		}
		s.mu.Unlock()
		close(s.exited)
		return nil
	case method == "initialize":
		if initialized {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize sent twice"))
		}
		return s.initialize(ctx, reply, req.Params())
	case !initialized:
		if isCall {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized: send initialize first"))
		}
		return nil // notifications before initialize are dropped
	case shutdown && isCall:
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shut down: only exit is accepted"))
	}
	if isCall {
		return s.call(ctx, reply, req.(*jsonrpc2.Call))
	}
	s.notify(ctx, method, req.Params())
	return nil
}

func (s *Server) call(ctx context.Context, reply jsonrpc2.Replier, c *jsonrpc2.Call) error {
	params := c.Params()
	switch c.Method() {
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return reply(ctx, nil, nil)
	case "textDocument/codeAction":
		var p protocol.CodeActionParams
		if err := unmarshal(params, &p); err != nil {
			return reply(ctx, nil, invalidParams(err))
		}
		return s.async(ctx, c, reply, func(ctx context.Context) (any, error) { return s.codeActions(ctx, &p) })
	case "textDocument/hover":
		var p protocol.HoverParams
		if err := unmarshal(params, &p); err != nil {
			return reply(ctx, nil, invalidParams(err))
		}
		res, err := s.hover(&p)
		return reply(ctx, res, err)
	case "textDocument/diagnostic":
		var p documentDiagnosticParams
		if err := unmarshal(params, &p); err != nil {
			return reply(ctx, nil, invalidParams(err))
		}
		return s.async(ctx, c, reply, func(ctx context.Context) (any, error) { return s.pullDiagnostics(ctx, &p) })
	}
	return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, "method not found: "+c.Method()))
}

// async answers a request from its own goroutine, so that the reader goes
// on (and can read its $/cancelRequest).
func (s *Server) async(ctx context.Context, c *jsonrpc2.Call, reply jsonrpc2.Replier, fn func(context.Context) (any, error)) error {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	id := idKey(c.ID())
	s.mu.Lock()
	s.cancels[id] = cancel
	s.mu.Unlock()
	go func() {
		defer func() {
			s.mu.Lock()
			delete(s.cancels, id)
			s.mu.Unlock()
			cancel()
		}()
		res, err := fn(ctx)
		if ctx.Err() != nil {
			res, err = nil, jsonrpc2.NewError(requestCancelled, "request cancelled")
		}
		_ = reply(context.WithoutCancel(ctx), res, err) // the write must not see the cancellation
	}()
	return nil
}

// idKey is a request id as JSON (MarshalJSON has a pointer receiver).
func idKey(id jsonrpc2.ID) string {
	b, _ := json.Marshal(&id)
	return string(b)
}

func invalidParams(err error) error {
	return jsonrpc2.NewError(jsonrpc2.InvalidParams, "invalid params: "+err.Error())
}

func (s *Server) notify(ctx context.Context, method string, params json.RawMessage) {
	switch method {
	case "initialized":
	case "$/cancelRequest":
		var p struct {
			ID jsonrpc2.ID `json:"id"`
		}
		if unmarshal(params, &p) == nil {
			s.mu.Lock()
			if cancel := s.cancels[idKey(p.ID)]; cancel != nil {
				cancel()
			}
			s.mu.Unlock()
		}
	case "textDocument/didOpen":
		var p protocol.DidOpenTextDocumentParams
		if err := unmarshal(params, &p); err != nil {
			s.logf(protocol.MessageTypeError, "didOpen: %v", err)
			return
		}
		s.didOpen(&p)
	case "textDocument/didChange":
		var p didChangeParams
		if err := unmarshal(params, &p); err != nil {
			s.logf(protocol.MessageTypeError, "didChange: %v", err)
			return
		}
		s.didChange(&p)
	case "textDocument/didSave":
		var p protocol.DidSaveTextDocumentParams
		if unmarshal(params, &p) == nil {
			if path := uriPath(p.TextDocument.URI); path != "" {
				s.ana.schedule(path)
			}
		}
	case "textDocument/didClose":
		var p protocol.DidCloseTextDocumentParams
		if unmarshal(params, &p) == nil {
			s.didClose(&p)
		}
	case "workspace/didChangeWatchedFiles":
		var p protocol.DidChangeWatchedFilesParams
		if err := unmarshal(params, &p); err != nil {
			s.logf(protocol.MessageTypeError, "didChangeWatchedFiles: %v", err)
			return
		}
		s.didChangeWatchedFiles(&p)
	case "workspace/didChangeWorkspaceFolders":
		var p protocol.DidChangeWorkspaceFoldersParams
		if err := unmarshal(params, &p); err != nil {
			s.logf(protocol.MessageTypeError, "didChangeWorkspaceFolders: %v", err)
			return
		}
		s.didChangeWorkspaceFolders(&p)
	case "workspace/didChangeConfiguration":
		var p struct {
			Settings json.RawMessage `json:"settings"`
		}
		if err := unmarshal(params, &p); err != nil {
			s.logf(protocol.MessageTypeError, "didChangeConfiguration: %v", err)
			return
		}
		s.changeSettings(p.Settings)
	default:
		// Unknown notifications are ignored, as LSP asks ($/ ones
		// silently).
		if len(method) < 2 || method[:2] != "$/" {
			s.logf(protocol.MessageTypeLog, "ignored notification %s", method)
		}
	}
}
