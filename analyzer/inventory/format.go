package inventory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/keychainlint/keychainlint/analyzer/report"
)

// What an attribute that no path sets means, per column.
const (
	unsetAccessible = "- (default: kSecAttrAccessibleWhenUnlocked)"
	unsetSync       = "- (not synchronized)"
	unsetGroup      = "- (the default access group)"
	unset           = "-"
)

// text renders a value: its constants, "unknown" with where it comes
// from, and "not set on some paths"; unsetText when no path sets it.
func (v Value) text(unsetText string) string {
	parts := append([]string(nil), v.Known...)
	if v.Unknown {
		s := "unknown"
		if len(v.From) > 0 {
			s += " (" + strings.Join(v.From, "; ") + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return unsetText
	}
	if v.Absent {
		parts = append(parts, "not set on some paths")
	}
	return strings.Join(parts, " | ")
}

func (u Use) text() string {
	s := fmt.Sprintf("%s (%s:%d)", u.Function, u.File, u.Line)
	if u.Via != "" {
		s = fmt.Sprintf("%s through %s (%s:%d)", u.Function, u.Via, u.File, u.Line)
	}
	if u.Possible {
		s += " (possibly)"
	}
	if len(u.Sets) > 0 {
		s += ", sets " + strings.Join(u.Sets, ", ")
	}
	return s
}

// row is one line of an item's block in the text format.
type row struct {
	label  string
	values []string
}

func (it *Item) rows() []row {
	rs := []row{{"class", []string{it.Class.text("unknown")}}}
	for _, a := range it.Attributes {
		rs = append(rs, row{attrLabel(a.Key), []string{a.text(unset)}})
	}
	rs = append(rs,
		row{"accessible", []string{it.Accessible.text(unsetAccessible)}},
		row{"access control", []string{it.AccessControl.text(unset)}},
		row{"synchronizable", []string{it.Synchronizable.text(unsetSync)}},
		row{"access group", []string{it.accessGroup()}},
		row{"keychain", []string{it.Keychain}},
	)
	for _, u := range []struct {
		label string
		uses  []Use
	}{{"added by", it.Adds}, {"read by", it.Reads}, {"updated by", it.Updates}, {"deleted by", it.Deletes}} {
		var vs []string
		for _, x := range u.uses {
			vs = append(vs, x.text())
		}
		if len(vs) == 0 {
			vs = []string{unset}
		}
		rs = append(rs, row{u.label, vs})
	}
	rs = append(rs, row{"targets", []string{targetsCell(it.Targets)}}, row{"platforms", []string{it.Platforms}})
	return rs
}

// accessGroup renders the access group with, where the item may be added
// without one, the default group of its targets.
func (it *Item) accessGroup() string {
	if len(it.DefaultAccessGroups) == 0 {
		return it.AccessGroup.text(unsetGroup)
	}
	def := "the default access group: " + strings.Join(it.DefaultAccessGroups, ", ")
	if len(it.AccessGroup.Known) == 0 && !it.AccessGroup.Unknown {
		return "- (" + def + ")"
	}
	return it.AccessGroup.text(unsetGroup) + " (" + def + ")"
}

// attrLabel names an identifying attribute for a row label.
func attrLabel(key string) string {
	switch key {
	case "kSecAttrService":
		return "service"
	case "kSecAttrAccount":
		return "account"
	case "kSecAttrServer":
		return "server"
	case "kSecAttrApplicationTag":
		return "application tag"
	case "kSecAttrLabel":
		return "label"
	}
	return key
}

// WriteText writes the inventory as text: one block per item, a table of
// its columns (sixteen columns do not fit a terminal's line), then the
// queries that name no item. Paths and source text are escaped as in
// every text output (report.Text): a file name or an expression cannot
// forge a line.
func WriteText(w io.Writer, inv *Inventory) error {
	var b strings.Builder
	if len(inv.Items) == 0 {
		b.WriteString("no keychain items are created (no SecItemAdd call was found)\n")
	}
	for i, it := range inv.Items {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "item %d", it.ID)
		if it.Test {
			b.WriteString(" (test code)")
		}
		b.WriteString("\n")
		for _, r := range it.rows() {
			for j, v := range r.values {
				label := ""
				if j == 0 {
					label = r.label
				}
				fmt.Fprintf(&b, "  %-17s%s\n", label, report.Text(v))
			}
		}
	}
	if len(inv.Queries) > 0 {
		fmt.Fprintf(&b, "\nqueries that name none of these items (%d):\n", len(inv.Queries))
		for _, q := range inv.Queries {
			fmt.Fprintf(&b, "  %-7s %s: %s\n", q.Op, report.Text(q.Use.text()), report.Text(q.identity()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// identity is the class and identifying attributes of a query on one
// line, the attributes it does not set left out, and so are those of
// which nothing is known (a dictionary the engine could not follow holds
// every key, unknown: its class says so once).
func (q *Query) identity() string {
	parts := []string{q.Class.text("class unknown")}
	for _, a := range q.Attributes {
		if len(a.Known) == 0 && len(a.From) == 0 {
			continue
		}
		parts = append(parts, attrLabel(a.Key)+": "+a.text(""))
	}
	return strings.Join(parts, "; ")
}

// identity is an item's identifying attributes on one line.
func (it *Item) identity() string {
	var parts []string
	for _, a := range it.Attributes {
		parts = append(parts, attrLabel(a.Key)+": "+a.text(unset))
	}
	return strings.Join(parts, "; ")
}

// Document is the JSON form. Its schema is stable: fields may be added,
// but one changes meaning or disappears only with a new version.
type Document struct {
	Version int `json:"version"`
	*Inventory
}

// WriteJSON writes the inventory as an indented JSON document, with the
// CI log command markers in strings escaped as in the scan's JSON ("##["
// becomes "##\u005b"), so that a document printed in a CI log forges no
// command either.
func WriteJSON(w io.Writer, inv *Inventory) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(Document{Version: 1, Inventory: inv}); err != nil {
		return err
	}
	data := bytes.ReplaceAll(b.Bytes(), []byte("##["), []byte(`##\u005b`))
	data = bytes.ReplaceAll(data, []byte("##vso["), []byte(`##vso\u005b`))
	_, err := w.Write(data)
	return err
}

// WriteMarkdown writes the inventory as a GitHub-flavoured Markdown
// table, one row per item, then the queries that name none of them.
func WriteMarkdown(w io.Writer, inv *Inventory) error {
	var b strings.Builder
	b.WriteString("# Keychain items\n\n")
	if len(inv.Items) == 0 {
		b.WriteString("No keychain items are created (no `SecItemAdd` call was found).\n")
	} else {
		b.WriteString("| # | class | identifying attributes | accessible | access control | synchronizable | access group | keychain | added by | read by | updated by | deleted by | targets | platforms |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
		for _, it := range inv.Items {
			id := fmt.Sprint(it.ID)
			if it.Test {
				id += " (test)"
			}
			cells := []string{
				id, it.Class.text("unknown"), it.identity(),
				it.Accessible.text(unsetAccessible), it.AccessControl.text(unset),
				it.Synchronizable.text(unsetSync), it.accessGroup(), it.Keychain,
				usesCell(it.Adds), usesCell(it.Reads), usesCell(it.Updates), usesCell(it.Deletes),
				targetsCell(it.Targets), it.Platforms,
			}
			for i := range cells {
				cells[i] = mdCell(cells[i])
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	if len(inv.Queries) > 0 {
		b.WriteString("\n## Queries that name none of these items\n\n| operation | function | class and attributes |\n| --- | --- | --- |\n")
		for _, q := range inv.Queries {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", q.Op, mdCell(q.Use.text()), mdCell(q.identity()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func targetsCell(ts []string) string {
	if len(ts) == 0 {
		return "- (no project file names the files)"
	}
	return strings.Join(ts, ", ")
}

func usesCell(us []Use) string {
	if len(us) == 0 {
		return unset
	}
	var parts []string
	for _, u := range us {
		parts = append(parts, u.text())
	}
	return strings.Join(parts, "; ")
}

// mdCell escapes text for a table cell: one line, no cell separator, no
// HTML, no Markdown emphasis, code spans or links (as the scan's Markdown
// summary does).
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return mdReplacer.Replace(report.Text(s))
}

var mdReplacer = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;",
	"*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "`", "\\`", "#", `\#`, "~", `\~`,
)
