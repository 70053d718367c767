package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// initializeParams is the part of initialize the server reads; the
// general capabilities' positionEncodings (LSP 3.17) are not in
// go.lsp.dev/protocol v0.12.0.
type initializeParams struct {
	RootURI               protocol.DocumentURI       `json:"rootUri"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	Capabilities          struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
	} `json:"capabilities"`
}

func (s *Server) initialize(ctx context.Context, reply jsonrpc2.Replier, raw json.RawMessage) error {
	var p initializeParams
	if err := unmarshal(raw, &p); err != nil {
		return reply(ctx, nil, invalidParams(err))
	}
	settings, err := parseSettings(p.InitializationOptions, defaultSettings())
	if err != nil {
		return reply(ctx, nil, invalidParams(err))
	}
	encoding := "utf-16" // LSP's default, and what every client supports
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-8" {
			encoding = "utf-8" // the analyzers' own unit: no conversion cost
		}
	}
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path := uriPath(protocol.DocumentURI(f.URI)); path != "" {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 {
		if path := uriPath(p.RootURI); path != "" {
			roots = append(roots, path)
		}
	}
	s.mu.Lock()
	s.initialized = true
	s.utf8 = encoding == "utf-8"
	s.roots = roots
	s.settings = settings
	s.mu.Unlock()
	// The workspace is scanned in the background: documents opened
	// meanwhile are analysed once it is ready.
	s.ana.rescan()
	return reply(ctx, map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": encoding,
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    protocol.TextDocumentSyncKindIncremental,
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []protocol.CodeActionKind{protocol.QuickFix, fixAllKind},
			},
			"hoverProvider": true,
			"diagnosticProvider": map[string]any{
				"identifier":            "keychainlint",
				"interFileDependencies": true,
				"workspaceDiagnostics":  false,
			},
			"workspace": map[string]any{
				"workspaceFolders": map[string]any{"supported": true, "changeNotifications": true},
			},
		},
		"serverInfo": map[string]any{"name": "keychainlint", "version": Version},
	}, nil)
}

// Version is reported in serverInfo; the command sets it.
var Version = "dev"
