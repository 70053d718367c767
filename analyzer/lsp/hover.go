package lsp

import (
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/keychainlint/keychainlint/analyzer/keychain"
)

// hover answers textDocument/hover on a kSec* or errSec* constant, or a
// raw short key in a string literal ("acct"), with the facts of package
// keychain's tables.
func (s *Server) hover(p *protocol.HoverParams) (*protocol.Hover, error) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	doc := s.docs[path]
	var src []byte
	if doc != nil {
		src = doc.text
	}
	utf8 := s.utf8
	s.mu.Unlock()
	if doc == nil {
		return nil, nil
	}
	off := offset(src, p.Position, utf8)
	start, end := off, off
	for start > 0 && isIdent(src[start-1]) {
		start--
	}
	for end < len(src) && isIdent(src[end]) {
		end++
	}
	if start == end {
		return nil, nil
	}
	word := string(src[start:end])
	quoted := start > 0 && end < len(src) && src[start-1] == '"' && src[end] == '"'
	text := hoverText(word, quoted)
	if text == "" {
		return nil, nil
	}
	rng := protocol.Range{Start: position(src, start, utf8), End: position(src, end, utf8)}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: text}, Range: &rng}, nil
}

func isIdent(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// hoverText is the Markdown for a word ("" when it is no keychain name).
func hoverText(word string, quoted bool) string {
	var b strings.Builder
	if code, ok := keychain.StatusCode(word); ok {
		fmt.Fprintf(&b, "**%s** = %d: a Security framework status code", word, code)
		if name := keychain.StatusName(code); name != "" && name != word {
			fmt.Fprintf(&b, " (the same value as %s)", name)
		}
		b.WriteString(".\n")
		if m := keychain.StatusMeaning(code); m != "" {
			fmt.Fprintf(&b, "\nIt means: %s.\n", m)
		}
		return b.String()
	}
	var key *keychain.Key
	if quoted {
		if k, ok := keychain.LookupShort(word); ok {
			key = k
			fmt.Fprintf(&b, "`\"%s\"` is the raw string of **%s**.\n\n", word, k.Name)
		}
	} else if k, ok := keychain.LookupKey(word); ok {
		key = k
	}
	if key != nil {
		fmt.Fprintf(&b, "**%s** (`\"%s\"`): a %s key.\n", key.Name, key.Short, key.Kind)
		var classes, primary []string
		for _, c := range keychain.Classes() {
			for _, a := range c.Attrs {
				if a.Name == key.Name {
					classes = append(classes, c.Name)
					if a.Primary {
						primary = append(primary, c.Name)
					}
				}
			}
		}
		if len(classes) > 0 {
			fmt.Fprintf(&b, "\nValid for: %s.\n", strings.Join(classes, ", "))
		}
		if len(primary) > 0 {
			fmt.Fprintf(&b, "\nPart of the primary key of: %s.\n", strings.Join(primary, ", "))
		}
		if key.MacOSOnly {
			b.WriteString("\nmacOS only (the file keychain).\n")
		}
		if key.ReadOnly {
			b.WriteString("\nRead-only: returned by queries, not set by SecItemAdd or SecItemUpdate.\n")
		}
		if key.Note != "" {
			fmt.Fprintf(&b, "\n%s\n", key.Note)
		}
	} else if c, ok := keychain.LookupClass(word); ok && (!quoted || c.Short == word) {
		fmt.Fprintf(&b, "**%s** (`\"%s\"`): an item class.\n", c.Name, c.Short)
		if len(c.PrimaryKeyDP) > 0 {
			fmt.Fprintf(&b, "\nPrimary key (data protection keychain): %s.\n", strings.Join(c.PrimaryKeyDP, ", "))
		}
	} else if v, ok := keychain.LookupValue(word); ok && !quoted {
		fmt.Fprintf(&b, "**%s** (`\"%s\"`): a value of %s.\n", v.Name, v.Short, v.For)
		if v.MacOSOnly {
			b.WriteString("\nmacOS only.\n")
		}
	}
	if b.Len() == 0 {
		return ""
	}
	if !quoted {
		if d, ok := keychain.LookupDeprecated(word); ok {
			b.WriteString("\n**Deprecated**")
			if d.Since != "" {
				fmt.Fprintf(&b, " since %s", d.Since)
			}
			if d.Replacement != "" {
				fmt.Fprintf(&b, "; use %s instead", d.Replacement)
			}
			fmt.Fprintf(&b, ". %s\n", d.Advice)
		}
	}
	return b.String()
}
