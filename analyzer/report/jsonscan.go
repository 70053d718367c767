package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// scanJSON parses the output of json.Marshal into a jnode tree in one pass
// over the bytes (encoding/json's Decoder.Token allocates per token and
// was most of the time of writing a SARIF log of 100,000 findings).
//
// Scalars keep their bytes as json.Marshal wrote them, with one change:
// json.Marshal escapes <, > and & in strings (\u003c, \u003e, \u0026)
// and writes invalid UTF-8 as \ufffd, and the log is written without that
// HTML escaping and with U+FFFD itself, as encoding/json's Encoder writes
// a decoded string; so a string (value or key) holding a \u escape is
// decoded and encoded again that way. Object keys keep their encoded form
// (rawKeys) next to the decoded one (keys).
func scanJSON(data []byte) (*jnode, error) {
	s := &jsonScanner{data: data}
	n, err := s.value(0)
	if err != nil {
		return nil, err
	}
	s.space()
	if s.i != len(s.data) {
		return nil, fmt.Errorf("trailing data after the SARIF log at byte %d", s.i)
	}
	return n, nil
}

// maxJSONDepth bounds the nesting scanJSON accepts (a SARIF log nests a
// dozen levels; encoding/json allows 10,000).
const maxJSONDepth = 10_000

type jsonScanner struct {
	data []byte
	i    int
	// slab hands out jnodes from blocks, one allocation per block.
	slab []jnode
	// vals, keys and rawKeys hold the members of the containers being
	// scanned, so that each container's slices are allocated once, at
	// their size, when it closes.
	vals    []*jnode
	keys    []string
	rawKeys [][]byte
	// names interns the object keys (a log has a few dozen distinct
	// ones, in millions of members), by their encoded form.
	names map[string]name
}

type name struct {
	key string
	raw []byte
}

func (s *jsonScanner) node() *jnode {
	if len(s.slab) == 0 {
		s.slab = make([]jnode, 1024)
	}
	n := &s.slab[0]
	s.slab = s.slab[1:]
	return n
}

func (s *jsonScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonScanner) errorf(format string, args ...any) error {
	return fmt.Errorf("JSON at byte %d: %s", s.i, fmt.Sprintf(format, args...))
}

func (s *jsonScanner) value(depth int) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, s.errorf("nested too deep")
	}
	s.space()
	if s.i >= len(s.data) {
		return nil, s.errorf("unexpected end")
	}
	switch c := s.data[s.i]; c {
	case '{', '[':
		s.i++
		n := s.node()
		n.kind = c
		base, kbase := len(s.vals), len(s.keys)
		closing := byte('}')
		if c == '[' {
			closing = ']'
		}
		s.space()
		if s.i < len(s.data) && s.data[s.i] == closing {
			s.i++
			return n, nil
		}
		for {
			if c == '{' {
				s.space()
				nm, err := s.name()
				if err != nil {
					return nil, err
				}
				s.keys = append(s.keys, nm.key)
				s.rawKeys = append(s.rawKeys, nm.raw)
				s.space()
				if s.i >= len(s.data) || s.data[s.i] != ':' {
					return nil, s.errorf("want ':'")
				}
				s.i++
			}
			v, err := s.value(depth + 1)
			if err != nil {
				return nil, err
			}
			s.vals = append(s.vals, v)
			s.space()
			if s.i >= len(s.data) {
				return nil, s.errorf("unexpected end")
			}
			switch s.data[s.i] {
			case ',':
				s.i++
			case closing:
				s.i++
				n.vals = slices.Clone(s.vals[base:])
				s.vals = s.vals[:base]
				if c == '{' {
					n.keys, n.rawKeys = slices.Clone(s.keys[kbase:]), slices.Clone(s.rawKeys[kbase:])
					s.keys, s.rawKeys = s.keys[:kbase], s.rawKeys[:kbase]
				}
				return n, nil
			default:
				return nil, s.errorf("want ',' or %q", closing)
			}
		}
	case '"':
		raw, err := s.str()
		if err != nil {
			return nil, err
		}
		str := ""
		if bytes.Contains(raw, []byte(`\u`)) {
			if str, err = decodeString(raw); err != nil {
				return nil, err
			}
		}
		if raw, err = reencoded(raw, str); err != nil {
			return nil, err
		}
		n := s.node()
		n.raw = raw
		return n, nil
	default:
		start := s.i
		for s.i < len(s.data) {
			switch s.data[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				goto done
			}
			s.i++
		}
	done:
		raw := s.data[start:s.i]
		if !json.Valid(raw) {
			return nil, s.errorf("invalid literal %q", raw)
		}
		n := s.node()
		n.raw = raw
		return n, nil
	}
}

// name scans an object key: decoded, and as the log writes it.
func (s *jsonScanner) name() (name, error) {
	raw, err := s.str()
	if err != nil {
		return name{}, err
	}
	if nm, ok := s.names[string(raw)]; ok {
		return nm, nil
	}
	key, err := decodeString(raw)
	if err != nil {
		return name{}, err
	}
	out, err := reencoded(raw, key)
	if err != nil {
		return name{}, err
	}
	if s.names == nil {
		s.names = map[string]name{}
	}
	nm := name{key, out}
	s.names[string(raw)] = nm
	return nm, nil
}

// str returns the string token at s.i, quotes and escapes included.
func (s *jsonScanner) str() ([]byte, error) {
	if s.i >= len(s.data) || s.data[s.i] != '"' {
		return nil, s.errorf("want a string")
	}
	start := s.i
	for s.i++; s.i < len(s.data); s.i++ {
		switch s.data[s.i] {
		case '\\':
			s.i++
		case '"':
			s.i++
			return s.data[start:s.i], nil
		}
	}
	return nil, s.errorf("unterminated string")
}

// decodeString decodes a JSON string token; one without escapes is its
// bytes between the quotes.
func decodeString(raw []byte) (string, error) {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw[1 : len(raw)-1]), nil
	}
	var out string
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", err
	}
	return out, nil
}

// reencoded returns the string token raw (decoded: str) as the log writes
// it: raw itself unless it holds a \u escape.
// The log command markers in it are broken up (breakJSONMarkers: they can
// only occur inside strings).
func reencoded(raw []byte, str string) ([]byte, error) {
	if bytes.Contains(raw, []byte(`\u`)) {
		var err error
		if raw, err = marshalNoEscape(str); err != nil {
			return nil, err
		}
	}
	if bytes.IndexByte(raw, '#') >= 0 {
		raw = breakJSONMarkers(raw)
	}
	return raw, nil
}
