package inventory

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// hostile is an inventory whose paths, functions and values hold what a
// repository may put in a file name or an expression: newlines, a CI log
// command, Markdown table and HTML syntax.
func hostile() *Inventory {
	evil := "a\n::error file=x::forged|<b>*x*</b>##[error]`"
	u := Use{Function: evil, File: "dir/" + evil + ".swift", Line: 3}
	return &Inventory{
		Items: []*Item{{
			ID:         1,
			Class:      Value{Known: []string{"kSecClassGenericPassword"}},
			Attributes: []Attribute{{Key: "kSecAttrAccount", Value: Value{Unknown: true, From: []string{evil}}}},
			Accessible: Value{Absent: true},
			Keychain:   KeychainFile,
			Adds:       []Use{u}, Reads: []Use{}, Updates: []Use{}, Deletes: []Use{},
			Targets:   []string{evil},
			Platforms: "all",
		}},
		Queries: []*Query{{Op: "read", Class: Value{Unknown: true}, Use: u}},
	}
}

// TestTextEscapes: every line of the text output is one the format
// writes (a block header, an indented row, the queries heading), whatever
// the names and expressions hold.
func TestTextEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if !(l == "" || strings.HasPrefix(l, "item ") || strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "queries ")) || strings.Contains(l, "##[") {
			t.Errorf("forged line %q in\n%s", l, b.String())
		}
	}
	if !strings.Contains(b.String(), `a\n::error`) {
		t.Errorf("the newline is not escaped:\n%s", b.String())
	}
}

// TestMarkdownEscapes: each item is one table row with the header's
// number of cells, and no HTML or code span survives.
func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "| ") {
			rows = append(rows, l)
		}
	}
	// Header, separator and one item; header, separator and one query.
	if len(rows) != 6 {
		t.Fatalf("want 6 table lines, got %d:\n%s", len(rows), b.String())
	}
	cells := func(l string) int { return strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") }
	if cells(rows[2]) != cells(rows[0]) || cells(rows[5]) != cells(rows[3]) {
		t.Errorf("a cell separator was forged:\n%s", b.String())
	}
	out := b.String()
	if strings.Contains(out, "<b>") || strings.Contains(out, "##[") || strings.Count(out, "`") != strings.Count(out, "\\`") {
		t.Errorf("HTML, a log command or a code span survives:\n%s", out)
	}
}

// TestJSON: the document reads back into the same inventory, with the
// CI log command markers escaped.
func TestJSON(t *testing.T) {
	var b bytes.Buffer
	inv := hostile()
	if err := WriteJSON(&b, inv); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "##[") {
		t.Errorf("##[ in the JSON document:\n%s", b.String())
	}
	var doc struct {
		Version int `json:"version"`
		Inventory
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Items) != 1 || !reflect.DeepEqual(doc.Items[0].Adds[0], inv.Items[0].Adds[0]) || doc.Queries[0].Function != inv.Queries[0].Function {
		t.Errorf("read back: %+v", doc)
	}
	for _, k := range []string{`"items"`, `"otherQueries"`, `"accessible"`, `"accessControl"`, `"synchronizable"`, `"accessGroup"`, `"keychain"`, `"add"`, `"read"`, `"update"`, `"delete"`, `"targets"`, `"platforms"`} {
		if !strings.Contains(b.String(), k) {
			t.Errorf("no %s field", k)
		}
	}
}

// TestQueryIdentity: a query's line names what is known of it, and leaves
// out the attributes it does not set and those of which nothing is known.
func TestQueryIdentity(t *testing.T) {
	q := &Query{Class: Value{Known: []string{"kSecClassGenericPassword"}}, Attributes: []Attribute{
		{Key: "kSecAttrService", Value: Value{Known: []string{`"svc"`}, Absent: true}},
		{Key: "kSecAttrAccount", Value: Value{Unknown: true, From: []string{"key"}}},
		{Key: "kSecAttrLabel", Value: Value{Unknown: true}},
		{Key: "kSecAttrServer", Value: Value{Absent: true}},
	}}
	want := `kSecClassGenericPassword; service: "svc" | not set on some paths; account: unknown (key)`
	if got := q.identity(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
