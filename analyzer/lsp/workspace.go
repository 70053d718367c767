package lsp

import (
	"go.lsp.dev/protocol"
	"path/filepath"
)

func (s *Server) didOpen(p *protocol.DidOpenTextDocumentParams) {
	path := uriPath(p.TextDocument.URI)
	if path == "" {
		s.logf(protocol.MessageTypeWarning, "didOpen: %s is not a file: URI, not analysed", p.TextDocument.URI)
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
	s.mu.Unlock()
	s.ana.schedule(path)
}

func (s *Server) didChange(p *didChangeParams) {
	path := uriPath(p.TextDocument.URI)
	utf8 := s.utf8Units()
	s.mu.Lock()
	doc := s.docs[path]
	if doc != nil {
		doc.apply(p.ContentChanges, utf8)
		doc.version = p.TextDocument.Version
	}
	s.mu.Unlock()
	if doc == nil {
		// A notification has no reply: the client is told in the log.
		s.logf(protocol.MessageTypeError, "didChange for %s, which is not open: ignored", p.TextDocument.URI)
		return
	}
	s.ana.schedule(path)
}

func (s *Server) didClose(p *protocol.DidCloseTextDocumentParams) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	_, ok := s.docs[path]
	delete(s.docs, path)
	s.mu.Unlock()
	if ok {
		// The file on disk replaces the buffer (or leaves the program).
		s.ana.schedule(path)
	}
}

func (s *Server) didChangeWatchedFiles(p *protocol.DidChangeWatchedFilesParams) {
	for _, c := range p.Changes {
		path := uriPath(c.URI)
		if path == "" {
			continue
		}
		if filepath.Base(path) == ".keychainlint.yml" {
			// Another configuration: every file's options may change.
			s.ana.rescan()
			continue
		}
		s.mu.Lock()
		_, open := s.docs[path]
		s.mu.Unlock()
		if !open { // an open buffer wins over the disk
			s.ana.schedule(path)
		}
	}
}

func (s *Server) didChangeWorkspaceFolders(p *protocol.DidChangeWorkspaceFoldersParams) {
	s.mu.Lock()
	removed := map[string]bool{}
	for _, f := range p.Event.Removed {
		removed[uriPath(protocol.DocumentURI(f.URI))] = true
	}
	var roots []string
	for _, r := range s.roots {
		if !removed[r] {
			roots = append(roots, r)
		}
	}
	for _, f := range p.Event.Added {
		if path := uriPath(protocol.DocumentURI(f.URI)); path != "" {
			roots = append(roots, path)
		}
	}
	s.roots = roots
	s.mu.Unlock()
	s.ana.rescan()
}

func (s *Server) changeSettings(raw []byte) {
	s.mu.Lock()
	next, err := parseSettings(raw, s.settings)
	if err == nil {
		s.settings = next
	}
	s.mu.Unlock()
	if err != nil {
		s.logf(protocol.MessageTypeError, "%v", err)
		return
	}
	s.ana.rescan()
}
