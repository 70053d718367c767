package swiftparse

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFlatHeaderMatchesBinding checks the tree-sitter declarations of
// flat.h against the api.h of the binding in the module cache: the C
// compiler cannot, since flat.c is compiled without that header, and a
// mismatch would be undefined behaviour instead of a build error.
func TestFlatHeaderMatchesBinding(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/smacker/go-tree-sitter").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	api, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "api.h"))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := os.ReadFile("flat.h")
	if err != nil {
		t.Fatal(err)
	}
	want := normalizeC(string(api))
	decls := cDeclarations(normalizeC(string(ours)))
	if len(decls) < 25 {
		t.Fatalf("found only %d declarations in flat.h: %q", len(decls), decls)
	}
	for _, d := range decls {
		if !strings.Contains(want, d) {
			t.Errorf("flat.h declares %q, which the binding's api.h does not", d)
		}
	}
}

var (
	cCommentRE = regexp.MustCompile(`(?s)/\*.*?\*/|//[^\n]*`)
	cSpaceRE   = regexp.MustCompile(`\s+`)
	cPunctRE   = regexp.MustCompile(` ?([(){};,*\[\]]) ?`)
	// The tree-sitter declarations: typedefs of TS types and ts_ functions.
	cDeclRE = regexp.MustCompile(`typedef struct TS\w+ ?\{[^}]*\}TS\w+;|typedef (?:uint16_t|struct) TS\w+(?: TS\w+)?;|[\w ]+\*?ts_\w+\([^)]*\);`)
)

// normalizeC drops comments and spacing that does not separate words.
func normalizeC(s string) string {
	s = cCommentRE.ReplaceAllString(s, " ")
	s = cSpaceRE.ReplaceAllString(s, " ")
	return cPunctRE.ReplaceAllString(s, "$1")
}

func cDeclarations(s string) []string {
	var out []string
	for _, d := range cDeclRE.FindAllString(s, -1) {
		out = append(out, strings.TrimSpace(d))
	}
	return out
}
