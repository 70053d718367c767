package lsp

import (
	"context"
	"os"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/keychainlint/keychainlint/analyzer/driver"
	"github.com/keychainlint/keychainlint/analyzer/model"
)

// diagnosticData is the data of a published diagnostic: the titles of its
// suggested fixes (the code actions offer them).
type diagnosticData struct {
	Fixes []string `json:"fixes,omitempty"`
}

// toProtocol converts findings of file f to LSP diagnostics.
func (a *analysis_) toProtocol(diags []driver.Diagnostic, f *model.File) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	if f == nil {
		return out
	}
	utf8 := a.s.utf8Units()
	for _, d := range diags {
		pd := protocol.Diagnostic{
			Range:    tokenRange(f.Src, d.Pos, d.End, utf8),
			Severity: severity(d.Severity),
			Code:     d.Rule,
			Source:   "keychainlint",
			Message:  d.Message,
		}
		if d.URL != "" {
			pd.CodeDescription = &protocol.CodeDescription{Href: uri.URI(d.URL)}
		}
		if d.Rule == "deprecatedkey" {
			pd.Tags = []protocol.DiagnosticTag{protocol.DiagnosticTagDeprecated}
		}
		for _, r := range d.Related {
			src := a.srcOf(r.Pos.Filename, f)
			if src == nil {
				continue
			}
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: pathURI(r.Pos.Filename), Range: tokenRange(src, r.Pos, r.End, utf8)},
				Message:  r.Message,
			})
		}
		if len(d.Fixes) > 0 {
			var data diagnosticData
			for _, fix := range d.Fixes {
				data.Fixes = append(data.Fixes, fix.Message)
			}
			pd.Data = data
		}
		out = append(out, pd)
	}
	return out
}

func severity(s driver.Severity) protocol.DiagnosticSeverity {
	switch s {
	case driver.Error:
		return protocol.DiagnosticSeverityError
	case driver.Warning:
		return protocol.DiagnosticSeverityWarning
	}
	return protocol.DiagnosticSeverityInformation
}

// srcOf returns the text positions in path refer to: the program's model
// of it, else the file on disk. a.mu is held.
func (a *analysis_) srcOf(path string, f *model.File) []byte {
	if f != nil && f.Path == path {
		return f.Src
	}
	if m := a.editFor(path).File(path); m != nil {
		return m.Src
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return data
}

func (s *Server) utf8Units() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.utf8
}

// documentDiagnosticParams is textDocument/diagnostic's (LSP 3.17).
type documentDiagnosticParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
}

type fullDocumentDiagnosticReport struct {
	Kind  string                `json:"kind"`
	Items []protocol.Diagnostic `json:"items"`
}

// pullDiagnostics answers textDocument/diagnostic with the document's
// current findings.
func (s *Server) pullDiagnostics(ctx context.Context, p *documentDiagnosticParams) (any, error) {
	path := uriPath(p.TextDocument.URI)
	diags, f, err := s.ana.current(ctx, path)
	if err != nil && ctx.Err() == nil {
		s.logf(protocol.MessageTypeError, "%v", err)
	}
	s.ana.mu.Lock()
	defer s.ana.mu.Unlock()
	return fullDocumentDiagnosticReport{Kind: "full", Items: s.ana.toProtocol(diags, f)}, nil
}
