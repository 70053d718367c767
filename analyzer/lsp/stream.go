package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// tolerantStream is jsonrpc2's Content-Length framing (jsonrpc2.NewStream)
// with one difference: a message whose header or body cannot be read as
// JSON-RPC (a bad Content-Length, invalid JSON) is answered with a Parse
// error, as JSON-RPC 2.0 asks, and the next message is read, where
// jsonrpc2's connection would close. Only the end of the input (or a
// failing write) ends the stream.
type tolerantStream struct {
	inner jsonrpc2.Stream
	w     io.Writer
	mu    sync.Mutex // one writer at a time: the connection's and ours
	bad   func(error)
}

func newTolerantStream(rwc io.ReadWriteCloser, bad func(error)) *tolerantStream {
	return &tolerantStream{inner: jsonrpc2.NewStream(rwc), w: rwc, bad: bad}
}

func (s *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var total int64
	for {
		msg, n, err := s.inner.Read(ctx)
		total += n
		if err == nil {
			return msg, total, nil
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.ErrClosedPipe) || ctx.Err() != nil {
			return nil, total, err
		}
		if s.bad != nil {
			s.bad(err)
		}
		// The id of a message that cannot be read is unknown: null.
		body := fmt.Sprintf(`{"jsonrpc":"2.0","id":null,"error":{"code":%d,"message":%q}}`, jsonrpc2.ParseError, err.Error())
		s.mu.Lock()
		_, werr := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
		s.mu.Unlock()
		if werr != nil {
			return nil, total, werr
		}
	}
}

func (s *tolerantStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inner.Write(ctx, msg)
}

func (s *tolerantStream) Close() error { return s.inner.Close() }
