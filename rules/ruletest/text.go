package ruletest

import (
	"go/token"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/keychainlint/keychainlint/analyzer/driver"
)

var sources sync.Map // path → []byte

func fileText(t *testing.T, path string) []byte {
	t.Helper()
	if b, ok := sources.Load(path); ok {
		return b.([]byte)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sources.Store(path, b)
	return b
}

// Text returns the source text between two positions of one file ("" when
// they do not make a range), so that tests can assert what a diagnostic or
// a related location covers.
func Text(t *testing.T, pos, end token.Position) string {
	t.Helper()
	src := fileText(t, pos.Filename)
	if end.Filename != pos.Filename || pos.Offset < 0 || end.Offset > len(src) || pos.Offset > end.Offset {
		return ""
	}
	return string(src[pos.Offset:end.Offset])
}

// Covered returns the source text a diagnostic covers.
func Covered(t *testing.T, d driver.Diagnostic) string {
	t.Helper()
	return Text(t, d.Pos, d.End)
}

// From returns the source text from pos to the end of its line.
func From(t *testing.T, pos token.Position) string {
	t.Helper()
	src := fileText(t, pos.Filename)
	if pos.Offset < 0 || pos.Offset > len(src) {
		return ""
	}
	rest := string(src[pos.Offset:])
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}
