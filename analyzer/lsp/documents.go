package lsp

import (
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// document is an open text document: the editor's buffer, which wins over
// the file on disk until it is closed.
type document struct {
	uri     protocol.DocumentURI
	path    string
	version int32
	text    []byte
}

// changeEvent is a content change of didChange. protocol's type has a
// Range that is not a pointer, so it cannot tell a full-text change (no
// range) from an insertion at 0:0.
type changeEvent struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []changeEvent                            `json:"contentChanges"`
}

// apply applies changes in order (each range is relative to the text the
// previous change left).
func (d *document) apply(changes []changeEvent, utf8Units bool) {
	for _, c := range changes {
		if c.Range == nil {
			d.text = []byte(c.Text)
			continue
		}
		start := offset(d.text, c.Range.Start, utf8Units)
		end := offset(d.text, c.Range.End, utf8Units)
		if end < start {
			start, end = end, start
		}
		next := make([]byte, 0, len(d.text)-(end-start)+len(c.Text))
		next = append(next, d.text[:start]...)
		next = append(next, c.Text...)
		next = append(next, d.text[end:]...)
		d.text = next
	}
}

// uriPath returns the file path of a file: URI, "" for other schemes.
func uriPath(u protocol.DocumentURI) string {
	s := string(u)
	if !strings.HasPrefix(s, "file://") {
		return ""
	}
	parsed, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return filepath.Clean(filepath.FromSlash(parsed.Path))
}

// pathURI returns the file: URI of a path.
func pathURI(path string) protocol.DocumentURI {
	return protocol.DocumentURI(uri.File(path))
}

func unmarshal(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, v)
}
