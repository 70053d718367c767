package project

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// parsePlist parses an OpenStep ("old-style ASCII") property list, the
// format of project.pbxproj: dictionaries { key = value; }, arrays
// ( a, b, ), quoted and bare strings, <hex data>, // and /* */ comments.
// Values are map[string]any, []any and string. It is tolerant of a
// missing final ';' or ',' and stops with an error (never a panic) on
// anything else it cannot read; maxDepth bounds the nesting.
func parsePlist(src []byte) (any, error) {
	p := &plistParser{s: src}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	return v, nil
}

const maxPlistDepth = 64

type plistParser struct {
	s   []byte
	pos int
}

var errPlistDepth = errors.New("nested too deeply")

func (p *plistParser) errorf(format string, args ...any) error {
	line := 1 + bytes.Count(p.s[:min(p.pos, len(p.s))], []byte("\n"))
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

// skip skips white space and comments.
func (p *plistParser) skip() {
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			p.pos++
		case c == '/' && p.pos+1 < len(p.s) && p.s[p.pos+1] == '/':
			for p.pos < len(p.s) && p.s[p.pos] != '\n' {
				p.pos++
			}
		case c == '/' && p.pos+1 < len(p.s) && p.s[p.pos+1] == '*':
			end := bytes.Index(p.s[p.pos+2:], []byte("*/"))
			if end < 0 {
				p.pos = len(p.s)
				return
			}
			p.pos += 2 + end + 2
		default:
			return
		}
	}
}

func (p *plistParser) value(depth int) (any, error) {
	if depth > maxPlistDepth {
		return nil, errPlistDepth
	}
	p.skip()
	if p.pos >= len(p.s) {
		return nil, p.errorf("unexpected end of file")
	}
	switch c := p.s[p.pos]; c {
	case '{':
		p.pos++
		d := map[string]any{}
		for {
			p.skip()
			if p.pos >= len(p.s) {
				return nil, p.errorf("unterminated dictionary")
			}
			if p.s[p.pos] == '}' {
				p.pos++
				return d, nil
			}
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.skip()
			if p.pos >= len(p.s) || p.s[p.pos] != '=' {
				return nil, p.errorf("expected = after %q", k)
			}
			p.pos++
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			d[k] = v
			p.skip()
			if p.pos < len(p.s) && p.s[p.pos] == ';' {
				p.pos++
			}
		}
	case '(':
		p.pos++
		var a []any
		for {
			p.skip()
			if p.pos >= len(p.s) {
				return nil, p.errorf("unterminated array")
			}
			if p.s[p.pos] == ')' {
				p.pos++
				return a, nil
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
			p.skip()
			if p.pos < len(p.s) && p.s[p.pos] == ',' {
				p.pos++
			}
		}
	case '<':
		end := bytes.IndexByte(p.s[p.pos:], '>')
		if end < 0 {
			return nil, p.errorf("unterminated data")
		}
		v := string(p.s[p.pos+1 : p.pos+end])
		p.pos += end + 1
		return v, nil
	default:
		return p.str()
	}
}

// str reads a quoted or bare string.
func (p *plistParser) str() (string, error) {
	p.skip()
	if p.pos >= len(p.s) {
		return "", p.errorf("unexpected end of file")
	}
	if q := p.s[p.pos]; q == '"' || q == '\'' {
		p.pos++
		var b strings.Builder
		for p.pos < len(p.s) {
			c := p.s[p.pos]
			p.pos++
			switch {
			case c == q:
				return b.String(), nil
			case c == '\\' && p.pos < len(p.s):
				e := p.s[p.pos]
				p.pos++
				switch e {
				case 'n':
					b.WriteByte('\n')
				case 't':
					b.WriteByte('\t')
				case 'r':
					b.WriteByte('\r')
				default:
					b.WriteByte(e)
				}
			default:
				b.WriteByte(c)
			}
		}
		return "", p.errorf("unterminated string")
	}
	start := p.pos
	for p.pos < len(p.s) && bareChar(p.s[p.pos]) {
		p.pos++
	}
	if p.pos == start {
		return "", p.errorf("unexpected %q", p.s[p.pos])
	}
	return string(p.s[start:p.pos]), nil
}

func bareChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("_$/:.-+~@", c) >= 0 || c >= 0x80
}
